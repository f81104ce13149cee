import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '$lib/server/db';
import { document, presence } from '$lib/server/db/schema';

/** How often an instance renews its rows, and how long a row counts without renewal. */
export const RENEW_MS = 30_000;
const FRESH = sql`interval '90 seconds'`;

/** Someone opened document `documentId` on socket `socketId`. */
export async function enter(db: Database, socketId: string, documentId: string, userId: string) {
	await db
		.insert(presence)
		.values({ socketId, documentId, userId })
		.onConflictDoUpdate({
			target: [presence.socketId, presence.documentId],
			set: { seenAt: sql`now()` }
		});
}

/** They left it (or the socket closed). */
export async function leave(db: Database, socketId: string, documentId: string) {
	await db
		.delete(presence)
		.where(and(eq(presence.socketId, socketId), eq(presence.documentId, documentId)));
}

/** Still here: the sockets this instance holds. */
export async function renew(db: Database, socketIds: string[]) {
	if (socketIds.length > 0) {
		await db
			.update(presence)
			.set({ seenAt: sql`now()` })
			.where(inArray(presence.socketId, socketIds));
	}
}

/** The names of the people with a document open now, for a query over documents. */
export const hereNow = sql<string[]>`(
	select coalesce(array_agg(distinct u.name order by u.name), '{}')
	from presence p join "user" u on u.id = p.user_id
	where p.document_id = ${document.id} and p.seen_at > now() - ${FRESH}
)`;
