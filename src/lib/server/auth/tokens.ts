import { and, count, desc, eq, gt, sql } from 'drizzle-orm';
import * as v from 'valibot';
import type { Database } from '$lib/server/db';
import { session } from '$lib/server/db/schema';
import { AppError, invalid, notFound } from '$lib/server/errors';
import { announceEnded, generateToken, sessionIdOf, type Session } from './session';

/**
 * Personal access tokens: rows of `session` of kind `personal`, named by their owner, with an
 * expiry fixed when made (at most a year: a forgotten token must die by itself). Only the
 * token's SHA-256 is stored; the token is shown once. They work only as
 * `Authorization: Bearer` and carry their owner's roles as they are at each request.
 */

/** Marks the secret as Factmark's, for people and for secret scanners. */
export const PERSONAL_TOKEN_PREFIX = 'fmp_';
/** The lifetimes the settings page offers; the API takes any whole number of days up to 365. */
export const TOKEN_LIFETIMES_DAYS = [30, 90, 365] as const;
export const DEFAULT_LIFETIME_DAYS = 90;
export const MAX_LIFETIME_DAYS = 365;
/** Live tokens one person may hold: enough for every script, few enough to review. */
export const MAX_TOKENS_PER_PERSON = 50;
export const MAX_TOKEN_NAME = 100;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What makes a token: a name to recognise it by and how many days it lives. */
export const newPersonalToken = v.strictObject({
	name: v.optional(
		v.pipe(
			v.string('Enter a name.'),
			v.trim(),
			v.normalize('NFC'),
			v.nonEmpty('Enter a name.'),
			v.maxGraphemes(MAX_TOKEN_NAME, `A name has at most ${MAX_TOKEN_NAME} characters.`)
		),
		''
	),
	expiresInDays: v.optional(
		v.pipe(
			v.number('Give the lifetime in days.'),
			v.integer('Give the lifetime in whole days.'),
			v.minValue(1, 'A token lives at least 1 day.'),
			v.maxValue(MAX_LIFETIME_DAYS, `A token lives at most ${MAX_LIFETIME_DAYS} days.`)
		),
		DEFAULT_LIFETIME_DAYS
	)
});

export type NewPersonalToken = v.InferOutput<typeof newPersonalToken>;

/** A personal access token as its owner sees it: never its secret. */
export interface PersonalToken {
	id: string;
	name: string;
	createdAt: Date;
	/** Null until first used; then updated at most once a minute. */
	lastUsedAt: Date | null;
	expiresAt: Date;
}

function describe(row: typeof session.$inferSelect): PersonalToken {
	return {
		id: row.id,
		name: row.name ?? '',
		createdAt: row.createdAt,
		// Made with lastSeenAt = createdAt; any use moves it on.
		lastUsedAt: row.lastSeenAt.getTime() > row.createdAt.getTime() ? row.lastSeenAt : null,
		expiresAt: row.expiresAt
	};
}

/**
 * Refuses a request made with a personal access token (AppError 403) what needs a sign-in
 * session: managing tokens and sessions. So a leaked token cannot make more tokens, revoke its
 * owner's others or sign them out. Sign-in sessions (the browser's cookie, or a token from the
 * API's login, which needed the password) may.
 */
export function assertSignInSession(current: Pick<Session, 'kind'> | null): void {
	if (current?.kind === 'personal') {
		throw new AppError(
			403,
			'A personal access token cannot manage tokens or sessions: sign in with your password.'
		);
	}
}

/**
 * Makes a personal access token for `userId`, expiring `input.expiresInDays` days from `now`.
 * Returns the secret (to show once) and its description. Fails with 422 on `name` when the
 * person already has a live token of that name (case aside), 409 when they hold the maximum.
 */
export async function createPersonalToken(
	db: Database,
	userId: string,
	input: NewPersonalToken,
	now = new Date()
): Promise<{ token: string; personalToken: PersonalToken }> {
	const mine = and(
		eq(session.userId, userId),
		eq(session.kind, 'personal'),
		gt(session.expiresAt, now)
	);
	const [{ live }] = await db.select({ live: count() }).from(session).where(mine);
	if (live >= MAX_TOKENS_PER_PERSON) {
		const message = `You have ${MAX_TOKENS_PER_PERSON} tokens, the most one person may hold: revoke one first.`;
		throw new AppError(409, message, [{ path: 'name', code: 'too_many_tokens', message }]);
	}
	const [same] = await db
		.select({ id: session.id })
		.from(session)
		.where(and(mine, sql`lower(${session.name}) = lower(${input.name})`));
	if (same) {
		throw invalid('name', 'token_name_taken', 'You already have a token with this name.');
	}
	const token = PERSONAL_TOKEN_PREFIX + generateToken();
	const [row] = await db
		.insert(session)
		.values({
			id: sessionIdOf(token),
			userId,
			kind: 'personal',
			name: input.name,
			createdAt: now,
			lastSeenAt: now,
			expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS)
		})
		.returning();
	return { token, personalToken: describe(row) };
}

/** A person's live personal access tokens, newest first. Never fails for a known person. */
export async function listPersonalTokens(
	db: Database,
	userId: string,
	now = new Date()
): Promise<PersonalToken[]> {
	const rows = await db
		.select()
		.from(session)
		.where(
			and(eq(session.userId, userId), eq(session.kind, 'personal'), gt(session.expiresAt, now))
		)
		.orderBy(desc(session.createdAt));
	return rows.map(describe);
}

/**
 * Revokes one of `userId`'s personal access tokens at once (every instance hears of it).
 * AppError 404 when they have no such token: someone else's is not theirs to know about.
 */
export async function revokePersonalToken(
	db: Database,
	userId: string,
	tokenId: string
): Promise<void> {
	const rows = await db
		.delete(session)
		.where(and(eq(session.id, tokenId), eq(session.userId, userId), eq(session.kind, 'personal')))
		.returning({ id: session.id });
	if (rows.length === 0) {
		throw notFound('No such token.');
	}
	await announceEnded(db, rows);
}
