import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { inChunks, type Database } from '$lib/server/db';
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
 * Writes audit entries, one per change, and announces the changes to every instance. Call it
 * inside the transaction that makes them, so that the entries and the announcements exist
 * exactly when the changes do.
 */
export async function record(tx: Database, ...changes: Change[]): Promise<void> {
	const entries: { id: number }[] = [];
	for (const chunk of inChunks(changes)) {
		const values = chunk.map((change) => ({
			...change,
			before: change.before ?? null,
			after: change.after ?? null
		}));
		entries.push(...(await tx.insert(audit).values(values).returning({ id: audit.id })));
	}
	await announce(
		tx,
		...changes.map((change, i) => ({
			document: change.documentId,
			entity: change.entity,
			id: change.entityId,
			action: change.action,
			seq: entries[i].id
		}))
	);
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
