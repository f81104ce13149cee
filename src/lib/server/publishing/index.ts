import { and, asc, desc, eq, sql } from 'drizzle-orm';
import * as audit from '$lib/server/audit';
import * as claims from '$lib/server/claims';
import { isUuid, rowsOf, type Database } from '$lib/server/db';
import {
	document,
	publishedVersion,
	rating,
	reviewDecision,
	reviewRound,
	user
} from '$lib/server/db/schema';
import * as documents from '$lib/server/documents';
import { AppError, invalid } from '$lib/server/errors';
import * as evidence from '$lib/server/evidence';
import * as notifications from '$lib/server/notifications';
import * as search from '$lib/server/search';
import { involved, lockFor, type Actor } from '$lib/server/review';
import { BEST_RATING, WORST_RATING } from '$lib/ratings';
import { parseQuery } from '$lib/search';

/** The latest version number of a document, 0 before its first publication. */
export async function latestVersion(db: Database, documentId: string): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`coalesce(max(${publishedVersion.version}), 0)::int` })
		.from(publishedVersion)
		.where(eq(publishedVersion.documentId, documentId));
	return row.n;
}

/** Everything a published version shows, as it is now: the immutable snapshot. */
async function snapshot(tx: Database, documentId: string) {
	const found = await documents.get(tx, documentId);
	const scale = new Map((await tx.select().from(rating)).map((row) => [row.key, row]));
	const rows = await claims.list(tx, found.id);
	const items = [];
	for (const row of rows) {
		const scaled = row.ratingKey ? scale.get(row.ratingKey) : undefined;
		items.push({
			id: row.id,
			start: row.start,
			end: row.end,
			exact: row.exact,
			prefix: row.prefix,
			suffix: row.suffix,
			claimText: row.claimText,
			claimant: row.claimant,
			claimDate: row.claimDate,
			rating: scaled
				? {
						key: scaled.key,
						labels: scaled.labels,
						descriptions: scaled.descriptions,
						color: scaled.color,
						value: scaled.value,
						bestRating: BEST_RATING,
						worstRating: WORST_RATING
					}
				: null,
			rationale: row.rationale,
			rationaleHtml: row.rationaleHtml,
			evidence: await evidence.list(tx, row.id)
		});
	}
	const people = await credits(tx, found.id);
	return {
		title: found.title,
		slug: found.slug,
		language: found.language,
		sourceUrl: found.sourceUrl,
		publisher: found.publisher,
		author: found.author,
		sourcePublishedAt: found.publishedAt?.toISOString().slice(0, 10) ?? null,
		revision: found.revision,
		text: found.text,
		claims: items,
		credits: people
	};
}

/** Who is credited: the editors who wrote the claims and verdicts, the reviewers who approved. */
async function credits(tx: Database, documentId: string) {
	const editors = await rowsOf<{ name: string }>(
		tx,
		sql`
		select distinct u.name from audit a join "user" u on u.id = a.actor_id
		where a.document_id = ${documentId} and a.entity in ('claim', 'evidence') order by u.name`
	);
	const reviewers = await tx
		.selectDistinct({ name: user.name })
		.from(reviewDecision)
		.innerJoin(reviewRound, eq(reviewRound.id, reviewDecision.roundId))
		.innerJoin(user, eq(user.id, reviewDecision.reviewerId))
		.where(and(eq(reviewRound.documentId, documentId), eq(reviewDecision.decision, 'approve')))
		.orderBy(asc(user.name));
	return { editors: editors.map((row) => row.name), reviewers: reviewers.map((row) => row.name) };
}

/**
 * Publishes an approved document as its next immutable version, in one transaction: the
 * document row is locked, so simultaneous publishes make one version and the others get 409.
 * From version 2 on a public `note` saying what the correction changed is required (422).
 */
export async function publish(db: Database, documentId: string, note: string, actor: Actor) {
	return db.transaction(async (tx) => {
		const locked = await lockFor(tx, documentId, 'publish', actor);
		const version = (await latestVersion(tx, locked.id)) + 1;
		if (version >= 2 && !note) {
			throw invalid('note', 'required', 'A correction needs a public note saying what changed.');
		}
		const content = await snapshot(tx, locked.id);
		const [row] = await tx
			.insert(publishedVersion)
			.values({
				documentId: locked.id,
				version,
				snapshot: content,
				note: note || null,
				publishedBy: actor.id
			})
			.returning({ version: publishedVersion.version, publishedAt: publishedVersion.publishedAt });
		// What public search, verdict search and claim matching find: this version from now on.
		await search.indexPublished(tx, locked.id, version, row.publishedAt, content);
		await documents.touch(tx, locked.id, {
			status: 'published',
			retractedAt: null,
			retractionReason: null
		});
		await audit.record(tx, {
			documentId: locked.id,
			entity: 'document',
			entityId: locked.id,
			action: 'publish',
			actorId: actor.id,
			before: { status: locked.status },
			after: { status: 'published', version, note: note || null }
		});
		const people = await involved(tx, locked.id);
		await notifications.notify(
			tx,
			people
				.filter((id) => id !== actor.id)
				.map((userId) => ({ userId, kind: 'published', actorId: actor.id, documentId: locked.id }))
		);
		return {
			version: row.version,
			url: `/fact-checks/${encodeURIComponent(locked.slug)}`,
			publishedAt: row.publishedAt
		};
	});
}

/** Retracts a published fact-check with a public reason; its versions stay readable. */
export async function retract(db: Database, documentId: string, reason: string, actor: Actor) {
	if (!reason) {
		throw invalid('reason', 'required', 'A retraction says publicly why.');
	}
	return db.transaction(async (tx) => {
		const locked = await lockFor(tx, documentId, 'retract', actor);
		await documents.touch(tx, locked.id, {
			status: 'retracted',
			retractedAt: new Date(),
			retractionReason: reason
		});
		await audit.record(tx, {
			documentId: locked.id,
			entity: 'document',
			entityId: locked.id,
			action: 'retract',
			actorId: actor.id,
			before: { status: locked.status },
			after: { status: 'retracted', reason }
		});
		return { status: 'retracted' as const };
	});
}

/** A document's published versions, newest first (without their snapshots). */
export function versions(db: Database, documentId: string) {
	return db
		.select({
			version: publishedVersion.version,
			note: publishedVersion.note,
			publishedAt: publishedVersion.publishedAt,
			publishedBy: user.name
		})
		.from(publishedVersion)
		.innerJoin(user, eq(user.id, publishedVersion.publishedBy))
		.where(eq(publishedVersion.documentId, documentId))
		.orderBy(desc(publishedVersion.version));
}

/** One published version with its snapshot. AppError 404 when there is none. */
export async function version(db: Database, documentId: string, n: number) {
	const [row] = await db
		.select()
		.from(publishedVersion)
		.where(and(eq(publishedVersion.documentId, documentId), eq(publishedVersion.version, n)));
	if (!row) {
		throw new AppError(404, 'No such version.');
	}
	return row;
}

export type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/** A published fact-check as the public reads it: the version, its snapshot and its story. */
export interface PublicVersion {
	documentId: string;
	version: number;
	latest: number;
	publishedAt: Date;
	note: string | null;
	snapshot: Snapshot;
	retracted: { at: Date; reason: string } | null;
	/** Every version's number, date and correction note, newest first. */
	history: { version: number; publishedAt: Date; note: string | null }[];
}

/**
 * Version `n` of the fact-check published under `slug` (the latest when n is null), with its
 * history. AppError 404 for anything not published: the public never sees drafts.
 */
export async function publicVersion(
	db: Database,
	slug: string,
	n: number | null
): Promise<PublicVersion> {
	const [found] = await db
		.select({
			id: document.id,
			retractedAt: document.retractedAt,
			reason: document.retractionReason
		})
		.from(document)
		.where(eq(document.slug, slug));
	const history = found
		? await db
				.select({
					version: publishedVersion.version,
					publishedAt: publishedVersion.publishedAt,
					note: publishedVersion.note
				})
				.from(publishedVersion)
				.where(eq(publishedVersion.documentId, found.id))
				.orderBy(desc(publishedVersion.version))
		: [];
	const wanted = n ?? history[0]?.version;
	const [row] =
		found && wanted
			? await db
					.select()
					.from(publishedVersion)
					.where(
						and(eq(publishedVersion.documentId, found.id), eq(publishedVersion.version, wanted))
					)
			: [];
	if (!found || !row) {
		throw new AppError(404, 'No such published fact-check.');
	}
	return {
		documentId: found.id,
		version: row.version,
		latest: history[0].version,
		publishedAt: row.publishedAt,
		note: row.note,
		snapshot: row.snapshot as Snapshot,
		retracted: found.retractedAt ? { at: found.retractedAt, reason: found.reason ?? '' } : null,
		history
	};
}

/**
 * Published fact-checks, the most recently published first: each document's latest version,
 * with words in its title, claims, rationales or text (`q`, searched as search.parseQuery
 * reads it, Chinese too; best match first), a rating among its claims, or its language.
 */
export async function publicList(
	db: Database,
	filter: { q?: string; rating?: string; language?: string } = {}
) {
	const query = filter.q ? parseQuery(filter.q) : null;
	if (filter.q && !query) {
		return []; // Only punctuation or symbols: nothing can match.
	}
	const found = query ? search.publishedMatch(query) : null;
	const latest = sql`(select max(v.version) from published_version v where v.document_id = ${publishedVersion.documentId})`;
	const rows = await db
		.select({
			slug: document.slug,
			retractedAt: document.retractedAt,
			version: publishedVersion.version,
			publishedAt: publishedVersion.publishedAt,
			// The summary is read inside the database: a snapshot carries the whole text.
			title: sql<string>`${publishedVersion.snapshot}->>'title'`,
			publisher: sql<string | null>`${publishedVersion.snapshot}->>'publisher'`,
			language: sql<string>`${publishedVersion.snapshot}->>'language'`,
			claims: sql<number>`jsonb_array_length(${publishedVersion.snapshot}->'claims')`,
			ratings: sql<
				Record<string, number>
			>`(select coalesce(jsonb_object_agg(k, n), '{}'::jsonb) from (select c->'rating'->>'key' as k, count(*)::int as n from jsonb_array_elements(${publishedVersion.snapshot}->'claims') c where jsonb_typeof(c->'rating') = 'object' group by 1) r)`
		})
		.from(publishedVersion)
		.innerJoin(document, eq(document.id, publishedVersion.documentId))
		.where(
			and(
				sql`${publishedVersion.version} = ${latest}`,
				filter.language ? eq(document.language, filter.language) : undefined,
				found?.where,
				filter.rating
					? sql`jsonb_path_exists(${publishedVersion.snapshot}, '$.claims[*].rating.key ? (@ == $key)', jsonb_build_object('key', ${filter.rating}::text))`
					: undefined
			)
		)
		.orderBy(...(found ? [desc(found.rank)] : []), desc(publishedVersion.publishedAt))
		.limit(500);
	return rows.map(({ retractedAt, ...row }) => ({ ...row, retracted: retractedAt !== null }));
}

/** Every published version of every fact-check, newest first: feeds and the sitemap. */
export function allVersions(db: Database, limit = 1000) {
	return db
		.select({
			slug: document.slug,
			version: publishedVersion.version,
			publishedAt: publishedVersion.publishedAt,
			note: publishedVersion.note,
			title: sql<string>`${publishedVersion.snapshot}->>'title'`,
			language: sql<string>`${publishedVersion.snapshot}->>'language'`,
			claims: sql<number>`jsonb_array_length(${publishedVersion.snapshot}->'claims')`
		})
		.from(publishedVersion)
		.innerJoin(document, eq(document.id, publishedVersion.documentId))
		.orderBy(desc(publishedVersion.publishedAt))
		.limit(limit);
}

/**
 * The latest published version holding claim `claimId`, and that claim. AppError 404 when no
 * published version has it: an unpublished claim is never shown.
 */
export async function publicClaim(db: Database, claimId: string) {
	const [row] = isUuid(claimId)
		? await db
				.select({ slug: document.slug, version: publishedVersion.version })
				.from(publishedVersion)
				.innerJoin(document, eq(document.id, publishedVersion.documentId))
				.where(
					sql`${publishedVersion.snapshot}->'claims' @> ${JSON.stringify([{ id: claimId }])}::jsonb`
				)
				.orderBy(desc(publishedVersion.version))
				.limit(1)
		: [];
	if (!row) {
		throw new AppError(404, 'No such published claim.');
	}
	const v = await publicVersion(db, row.slug, null);
	const claim = v.snapshot.claims.find((c) => c.id === claimId);
	if (!claim) {
		// The claim was in an earlier version only: it is no longer part of the fact-check.
		throw new AppError(404, 'No such published claim.');
	}
	return { version: v, claim };
}
