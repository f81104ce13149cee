import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '$lib/server/db';
import { audit, user } from '$lib/server/db/schema';
import { announce } from '$lib/server/events';

export interface Change {
	documentId: string | null;
	entity: 'document' | 'claim' | 'evidence' | 'comment' | 'rating';
	entityId: string;
	action: string;
	actorId: string | null;
	before?: unknown;
	after?: unknown;
}

/**
 * Writes one audit entry, and announces the change to every instance. Call it inside the
 * transaction that makes the change, so that the entry and the announcement exist exactly when
 * the change does.
 */
export async function record(tx: Database, change: Change): Promise<void> {
	const [entry] = await tx
		.insert(audit)
		.values({ ...change, before: change.before ?? null, after: change.after ?? null })
		.returning({ id: audit.id });
	await announce(tx, {
		document: change.documentId,
		entity: change.entity,
		id: change.entityId,
		action: change.action,
		seq: entry.id
	});
}

/** Only the fields that differ between `before` and `after`, so that entries say what changed. */
export function difference<T extends Record<string, unknown>>(
	before: T,
	after: T
): { before: Partial<T>; after: Partial<T> } {
	const was: Partial<T> = {};
	const now: Partial<T> = {};
	for (const key of Object.keys(after) as (keyof T)[]) {
		if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
			was[key] = before[key];
			now[key] = after[key];
		}
	}
	return { before: was, after: now };
}

/** A document's audit entries, newest first, `limit` at a time before entry id `before`. */
export function list(db: Database, documentId: string, limit: number, before?: number) {
	return db
		.select({
			id: audit.id,
			entity: audit.entity,
			entityId: audit.entityId,
			action: audit.action,
			actor: { id: user.id, name: user.name },
			before: audit.before,
			after: audit.after,
			createdAt: audit.createdAt
		})
		.from(audit)
		.leftJoin(user, eq(user.id, audit.actorId))
		.where(
			and(eq(audit.documentId, documentId), before === undefined ? undefined : lt(audit.id, before))
		)
		.orderBy(desc(audit.id))
		.limit(limit);
}

/** How many changes a document has had: a workspace back online counts what it missed. */
export async function count(db: Database, documentId: string): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(audit)
		.where(eq(audit.documentId, documentId));
	return row.n;
}
