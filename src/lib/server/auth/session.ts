import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, desc, eq, gt, inArray, isNull, lt, ne } from 'drizzle-orm';
import type { Database } from '$lib/server/db';
import { session, user } from '$lib/server/db/schema';
import { announce } from '$lib/server/events';
import { can, type Action, type Role } from '$lib/permissions';

/** A session ends after this long without use… */
export const IDLE_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000;
/** …and in any case this long after sign-in. */
export const ABSOLUTE_TIMEOUT_MS = 30 * 24 * 60 * 60 * 1000;
/** Activity is written back at most this often, to spare the database a write per request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/** How a sign-in session was started: in the browser, or through the API's login. */
export type SessionKind = 'cookie' | 'token';
/** What a row of `session` may be: a sign-in session, or a personal access token. */
export type CredentialKind = SessionKind | 'personal';

export interface SessionUser {
	id: string;
	email: string;
	name: string;
	roles: Role[];
}

export interface Session {
	id: string;
	userId: string;
	kind: CredentialKind;
	/** A personal access token's name; null for sign-in sessions. */
	name: string | null;
	userAgent: string;
	ipAddress: string;
	createdAt: Date;
	lastSeenAt: Date;
	expiresAt: Date;
}

/** 256 random bits, base32: the secret the client holds. */
export function generateToken(): string {
	const bytes = new Uint8Array(32);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The session id stored for a token: its SHA-256, so a database leak yields no usable token. */
export function sessionIdOf(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Starts a session for `userId` and returns the token to hand to the client (once). */
export async function createSession(
	db: Database,
	userId: string,
	details: { kind: SessionKind; userAgent?: string; ipAddress?: string },
	now = new Date()
): Promise<{ token: string; session: Session }> {
	const token = generateToken();
	const [row] = await db
		.insert(session)
		.values({
			id: sessionIdOf(token),
			userId,
			kind: details.kind,
			userAgent: (details.userAgent ?? '').slice(0, 300),
			ipAddress: (details.ipAddress ?? '').slice(0, 100),
			createdAt: now,
			lastSeenAt: now,
			expiresAt: new Date(now.getTime() + IDLE_TIMEOUT_MS)
		})
		.returning();
	return { token, session: row };
}

/**
 * Looks up the session a token belongs to. Returns null for an unknown or expired token or a
 * disabled user (an expired session is deleted). A sign-in session slides its idle expiry,
 * never past the absolute maximum; a personal access token keeps the expiry it was made with,
 * only noting when it was last used, and is refused (null, left alone) unless it came as
 * `Authorization: Bearer` (`via.bearer`): never as a cookie, nor on the live workspace.
 */
export async function validateToken(
	db: Database,
	token: string,
	now = new Date(),
	via: { bearer?: boolean } = {}
): Promise<{ session: Session; user: SessionUser } | null> {
	const id = sessionIdOf(token);
	const [row] = await db
		.select({ session, user })
		.from(session)
		.innerJoin(user, eq(session.userId, user.id))
		.where(eq(session.id, id));
	if (!row) {
		return null;
	}
	const personal = row.session.kind === 'personal';
	if (personal && !via.bearer) {
		return null;
	}
	if (row.session.expiresAt <= now || row.user.disabledAt) {
		await invalidateSession(db, id);
		return null;
	}
	let current = row.session;
	// A personal token made a moment ago and used at once still gets its first use noted.
	const neverUsed = personal && current.lastSeenAt.getTime() === current.createdAt.getTime();
	if (neverUsed || now.getTime() - current.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
		const expiresAt = personal
			? current.expiresAt
			: new Date(
					Math.min(
						now.getTime() + IDLE_TIMEOUT_MS,
						current.createdAt.getTime() + ABSOLUTE_TIMEOUT_MS
					)
				);
		[current] = await db
			.update(session)
			.set({ lastSeenAt: now, expiresAt })
			.where(eq(session.id, id))
			.returning();
		current ??= row.session;
	}
	const { id: userId, email, name, roles } = row.user;
	return { session: current, user: { id: userId, email, name, roles: roles as Role[] } };
}

/** Ends one session at once. */
export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
	await announceEnded(db, await db.delete(session).where(eq(session.id, sessionId)).returning());
}

/**
 * Announces the sessions just deleted, so that every instance closes what they hold open
 * (the live workspace's connections) at once.
 */
export async function announceEnded(db: Database, rows: { id: string }[]): Promise<void> {
	for (const row of rows) {
		await announce(db, { document: null, entity: 'session', id: row.id, action: 'end' });
	}
}

/** Ends one of a user's sessions; false when they have no such session. */
export async function invalidateOwnSession(
	db: Database,
	userId: string,
	sessionId: string
): Promise<boolean> {
	const rows = await db
		.delete(session)
		.where(and(eq(session.id, sessionId), eq(session.userId, userId)))
		.returning({ id: session.id });
	await announceEnded(db, rows);
	return rows.length > 0;
}

/**
 * Ends every session of a user, except `keepSessionId` when given. Their personal access
 * tokens are revoked too unless `keep.personal`: a new password or an admin's intervention
 * ends everything, signing out elsewhere from the settings page leaves tokens to their list.
 */
export async function invalidateUserSessions(
	db: Database,
	userId: string,
	keepSessionId?: string,
	keep: { personal?: boolean } = {}
): Promise<void> {
	const conditions = [eq(session.userId, userId)];
	if (keepSessionId) {
		conditions.push(ne(session.id, keepSessionId));
	}
	if (keep.personal) {
		conditions.push(ne(session.kind, 'personal'));
	}
	await announceEnded(
		db,
		await db
			.delete(session)
			.where(and(...conditions))
			.returning({ id: session.id })
	);
}

/** A user's live sign-in sessions (not their personal access tokens), most recently used first. */
export async function listSessions(db: Database, userId: string, now = new Date()) {
	return db
		.select()
		.from(session)
		.where(
			and(eq(session.userId, userId), gt(session.expiresAt, now), ne(session.kind, 'personal'))
		)
		.orderBy(desc(session.lastSeenAt));
}

/** Removes expired sessions; run now and then. */
export async function deleteExpiredSessions(db: Database, now = new Date()): Promise<void> {
	await db.delete(session).where(lt(session.expiresAt, now));
}

/**
 * Of `sessionIds`, those still valid, of active people whose roles allow `action`: what a
 * long-lived connection checks now and then.
 */
export async function liveSessions(
	db: Database,
	sessionIds: string[],
	action: Action,
	now = new Date()
): Promise<Set<string>> {
	const ids = [...new Set(sessionIds)];
	const rows = ids.length
		? await db
				.select({ id: session.id, roles: user.roles })
				.from(session)
				.innerJoin(user, eq(user.id, session.userId))
				.where(and(inArray(session.id, ids), gt(session.expiresAt, now), isNull(user.disabledAt)))
		: [];
	return new Set(rows.filter((row) => can(row.roles as Role[], action)).map((row) => row.id));
}
