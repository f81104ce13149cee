import { eq, sql } from 'drizzle-orm';
import type { Database } from '$lib/server/db';
import { rateLimit } from '$lib/server/db/schema';

export interface Limit {
	max: number;
	windowMs: number;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** Failed sign-ins allowed per account and per client address, in fixed windows. */
export const loginLimits = {
	account: { max: 10, windowMs: FIFTEEN_MINUTES },
	address: { max: 50, windowMs: FIFTEEN_MINUTES }
} satisfies Record<string, Limit>;

/**
 * Counts one hit against `key` in a fixed window of `windowMs` that starts at the key's first
 * hit, atomically in PostgreSQL (one upsert) so that every app instance sees the same count.
 * Returns the count so far in the current window, this hit included, and when it started.
 */
export async function hit(
	db: Database,
	key: string,
	windowMs: number,
	now = new Date()
): Promise<{ count: number; windowStart: Date }> {
	const windowStartsAfter = new Date(now.getTime() - windowMs).toISOString();
	const windowOver = sql`${rateLimit.windowStart} <= ${windowStartsAfter}::timestamptz`;
	const [row] = await db
		.insert(rateLimit)
		.values({ key, count: 1, windowStart: now })
		.onConflictDoUpdate({
			target: rateLimit.key,
			set: {
				count: sql`case when ${windowOver} then 1 else ${rateLimit.count} + 1 end`,
				windowStart: sql`case when ${windowOver} then ${now.toISOString()}::timestamptz else ${rateLimit.windowStart} end`
			}
		})
		.returning();
	return { count: row.count, windowStart: row.windowStart };
}

/**
 * Counts one attempt against `key`, shared by every app instance (see `hit`). Returns whether
 * the attempt is within the limit and, if not, how many seconds until the window resets.
 */
export async function consume(
	db: Database,
	key: string,
	limit: Limit,
	now = new Date()
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
	const row = await hit(db, key, limit.windowMs, now);
	const resetsAt = row.windowStart.getTime() + limit.windowMs;
	return {
		allowed: row.count <= limit.max,
		retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - now.getTime()) / 1000))
	};
}

/** Gives back one attempt, for an attempt that turned out fine. */
export async function refund(db: Database, key: string): Promise<void> {
	await db
		.update(rateLimit)
		.set({ count: sql`greatest(${rateLimit.count} - 1, 0)` })
		.where(eq(rateLimit.key, key));
}

/** Forgets counters whose window ended long ago (the API's minute-long ones too). */
export async function deleteStale(db: Database, now = new Date()): Promise<void> {
	const longest = Math.max(...Object.values(loginLimits).map((limit) => limit.windowMs));
	await db
		.delete(rateLimit)
		.where(
			sql`${rateLimit.windowStart} < ${new Date(now.getTime() - longest).toISOString()}::timestamptz`
		);
}
