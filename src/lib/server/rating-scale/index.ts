import { and, asc, eq, sql } from 'drizzle-orm';
import * as audit from '$lib/server/audit';
import type { Database } from '$lib/server/db';
import { rating } from '$lib/server/db/schema';
import { assertPermutation } from '$lib/server/order';
import { AppError, invalid, isUniqueViolation, notFound } from '$lib/server/errors';
import { BEST_RATING, WORST_RATING, localized } from '$lib/ratings';
import { defaultRatings } from './defaults';
import type { NewRating, RatingPatch } from './input';

export type Rating = typeof rating.$inferSelect;

/** The scale in order, retired ratings included (claims may still carry them). */
export function list(db: Database): Promise<Rating[]> {
	return db.select().from(rating).orderBy(asc(rating.position));
}

/** One rating; AppError 404 when there is none. */
export async function get(db: Database, key: string): Promise<Rating> {
	const [row] = await db.select().from(rating).where(eq(rating.key, key));
	if (!row) {
		throw notFound('No such rating.');
	}
	return row;
}

/** A rating as the API shows it, labelled in `locale`; `value` as ClaimReview's ratingValue. */
export function toJson(row: Rating, locale: string) {
	return {
		key: row.key,
		label: localized(row.labels, locale),
		labels: row.labels,
		value: row.value,
		bestRating: BEST_RATING,
		worstRating: WORST_RATING,
		description: localized(row.descriptions, locale),
		descriptions: row.descriptions,
		color: row.color,
		retired: row.retiredAt !== null,
		version: row.version
	};
}

/**
 * Checks that a claim may be given rating `key` now: it exists and is not retired (a claim that
 * already has a retired rating keeps it). AppError 422 otherwise.
 */
export async function assertAssignable(db: Database, key: string): Promise<void> {
	const [row] = await db.select().from(rating).where(eq(rating.key, key));
	if (!row || row.retiredAt) {
		throw invalid('rating', 'unknown_rating', `"${key}" is not a rating of the scale in use.`);
	}
}

/** Adds a rating at the end of the scale. AppError 409 when the key is taken. */
export async function create(db: Database, input: NewRating, actorId: string): Promise<Rating> {
	try {
		return await db.transaction(async (tx) => {
			const [row] = await tx
				.insert(rating)
				.values({
					...input,
					position: sql`(select coalesce(max(${rating.position}), 0) + 1 from ${rating})`
				})
				.returning();
			await audit.record(tx, {
				documentId: null,
				entity: 'rating',
				entityId: row.key,
				action: 'create',
				actorId,
				after: input
			});
			return row;
		});
	} catch (err) {
		if (isUniqueViolation(err)) {
			throw new AppError(409, `A rating with the key "${input.key}" exists already.`);
		}
		throw err;
	}
}

/**
 * Renames, recolours, re-describes, revalues, retires or brings back a rating. `version` must
 * be its current one: AppError 412 otherwise; 404 for an unknown key.
 */
export async function update(
	db: Database,
	key: string,
	version: number,
	patch: RatingPatch,
	actorId: string
): Promise<Rating> {
	const current = await get(db, key);
	const { retired, ...fields } = patch;
	const changes = {
		...fields,
		...(retired === undefined
			? {}
			: { retiredAt: retired ? (current.retiredAt ?? new Date()) : null })
	};
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(rating)
			.set({ ...changes, version: sql`${rating.version} + 1`, updatedAt: new Date() })
			.where(and(eq(rating.key, key), eq(rating.version, version)))
			.returning();
		if (!row) {
			throw new AppError(412, 'Someone changed this rating meanwhile; reload and try again.');
		}
		await audit.record(tx, {
			documentId: null,
			entity: 'rating',
			entityId: key,
			action: 'update',
			actorId,
			...audit.difference(snapshot(current), snapshot(row))
		});
		return row;
	});
}

function snapshot(row: Rating) {
	return {
		labels: row.labels,
		descriptions: row.descriptions,
		color: row.color,
		value: row.value,
		retired: row.retiredAt !== null
	};
}

/**
 * Puts the scale in the order of `keys`, which must name every rating once. AppError 422
 * otherwise.
 */
export async function reorder(db: Database, keys: string[], actorId: string): Promise<Rating[]> {
	return db.transaction(async (tx) => {
		const current = await list(tx);
		const known = current.map((row) => row.key);
		assertPermutation(keys, known, 'keys');
		for (const [index, key] of keys.entries()) {
			await tx
				.update(rating)
				.set({ position: index + 1 })
				.where(eq(rating.key, key));
		}
		await audit.record(tx, {
			documentId: null,
			entity: 'rating',
			entityId: '*',
			action: 'reorder',
			actorId,
			before: known,
			after: keys
		});
		return list(tx);
	});
}

/** Puts the default scale in place when there is none yet (a new installation). */
export async function ensureDefaults(db: Database): Promise<void> {
	const [any] = await db.select({ key: rating.key }).from(rating).limit(1);
	if (!any) {
		await db
			.insert(rating)
			.values(defaultRatings.map((row, i) => ({ ...row, position: i + 1 })))
			.onConflictDoNothing();
	}
}
