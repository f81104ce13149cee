import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '$lib/server/db';
import { claim, comment, document, notification, user } from '$lib/server/db/schema';

export type Kind = 'mention' | 'submitted' | 'changes_requested' | 'approved' | 'published';

export interface NewNotification {
	userId: string;
	kind: Kind;
	actorId: string;
	documentId: string;
	claimId?: string;
	commentId?: string;
}

/** Queues notifications; call inside the transaction of the change they tell about. */
export async function notify(tx: Database, items: NewNotification[]): Promise<void> {
	if (items.length > 0) {
		await tx.insert(notification).values(items);
	}
}

const actor = alias(user, 'actor');

/** Someone's notifications, newest first, with what they point at. */
export async function list(db: Database, userId: string, limit = 50) {
	const rows = await db
		.select({
			id: notification.id,
			kind: notification.kind,
			actor: actor.name,
			documentId: notification.documentId,
			documentTitle: document.title,
			claimId: notification.claimId,
			quote: claim.exact,
			excerpt: sql<string | null>`left(${comment.body}, 200)`,
			createdAt: notification.createdAt,
			readAt: notification.readAt
		})
		.from(notification)
		.leftJoin(actor, eq(actor.id, notification.actorId))
		.leftJoin(document, eq(document.id, notification.documentId))
		.leftJoin(claim, eq(claim.id, notification.claimId))
		.leftJoin(comment, eq(comment.id, notification.commentId))
		.where(eq(notification.userId, userId))
		.orderBy(desc(notification.createdAt))
		.limit(limit);
	return rows.map((row) => ({ ...row, read: row.readAt !== null }));
}

/** How many of someone's notifications are unread (the bell's count). */
export async function unreadCount(db: Database, userId: string): Promise<number> {
	const [row] = await db
		.select({ count: sql<number>`count(*)::int` })
		.from(notification)
		.where(and(eq(notification.userId, userId), isNull(notification.readAt)));
	return row.count;
}

/** Marks someone's notifications read: those of `ids`, or all of them. Others' are untouched. */
export async function markRead(db: Database, userId: string, ids: string[] | 'all') {
	await db
		.update(notification)
		.set({ readAt: new Date() })
		.where(
			and(
				eq(notification.userId, userId),
				isNull(notification.readAt),
				ids === 'all' ? undefined : inArray(notification.id, ids)
			)
		);
}
