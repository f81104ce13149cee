import { asc, eq } from 'drizzle-orm';
import * as audit from '$lib/server/audit';
import * as claims from '$lib/server/claims';
import { isUuid, type Database } from '$lib/server/db';
import { comment, user } from '$lib/server/db/schema';
import { AppError, invalid, notFound } from '$lib/server/errors';
import * as notifications from '$lib/server/notifications';
import * as users from '$lib/server/users';

export type Comment = typeof comment.$inferSelect;

/**
 * The people a comment mentions: `@` followed by the name of an active editor or reviewer,
 * and then no further letter or digit. Longer names win (`@Ann Lee` over `@Ann`).
 */
export function findMentions(body: string, people: { id: string; name: string }[]): string[] {
	const byLength = [...people].sort((a, b) => b.name.length - a.name.length);
	const found = new Set<string>();
	let rest = body;
	for (const person of byLength) {
		const pattern = new RegExp(`@${escapeRegExp(person.name)}(?![\\p{L}\\p{N}])`, 'gu');
		if (pattern.test(rest)) {
			found.add(person.id);
			rest = rest.replace(pattern, ' ');
		}
	}
	return [...found];
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A claim's thread in the order written; deleted comments keep their place, not their words. */
export async function list(db: Database, claimId: string) {
	const rows = await db
		.select({ comment, author: { id: user.id, name: user.name } })
		.from(comment)
		.innerJoin(user, eq(user.id, comment.authorId))
		.where(eq(comment.claimId, claimId))
		.orderBy(asc(comment.createdAt));
	const names = new Map((await users.colleagues(db)).map((person) => [person.id, person.name]));
	return rows.map(({ comment: row, author }) => ({
		id: row.id,
		claimId: row.claimId,
		parentId: row.parentId,
		author,
		body: row.deletedAt ? '' : row.body,
		mentions: row.deletedAt
			? []
			: row.mentions.map((id) => ({ id, name: names.get(id) ?? '' })).filter((m) => m.name),
		deleted: row.deletedAt !== null,
		createdAt: row.createdAt,
		editedAt: row.editedAt
	}));
}

async function get(db: Database, id: string): Promise<Comment> {
	const [row] = isUuid(id) ? await db.select().from(comment).where(eq(comment.id, id)) : [];
	if (!row || row.deletedAt) {
		throw notFound('No such comment.');
	}
	return row;
}

/**
 * Adds a comment to a claim's thread, or a reply (replies to a reply join its thread). The
 * people it mentions are notified. AppError 404 for an unknown claim, 422 for a parent from
 * another claim.
 */
export async function create(
	db: Database,
	claimId: string,
	input: { body: string; parentId: string | null },
	authorId: string
): Promise<Comment> {
	const found = await claims.get(db, claimId);
	let parentId = input.parentId;
	if (parentId) {
		const [parent] = await db.select().from(comment).where(eq(comment.id, parentId));
		if (!parent || parent.claimId !== found.id) {
			throw invalid('parentId', 'unknown_parent', 'Reply to a comment of the same claim.');
		}
		parentId = parent.parentId ?? parent.id;
	}
	const mentions = findMentions(input.body, await users.colleagues(db));
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(comment)
			.values({ claimId: found.id, parentId, authorId, body: input.body, mentions })
			.returning();
		await announce(tx, row, mentions, found.documentId);
		await audit.record(tx, {
			documentId: found.documentId,
			entity: 'comment',
			entityId: row.id,
			action: 'create',
			actorId: authorId,
			after: { claimId: found.id, parentId, body: row.body }
		});
		return row;
	});
}

async function announce(tx: Database, row: Comment, mentioned: string[], documentId: string) {
	await notifications.notify(
		tx,
		mentioned
			.filter((id) => id !== row.authorId)
			.map((userId) => ({
				userId,
				kind: 'mention' as const,
				actorId: row.authorId,
				documentId,
				claimId: row.claimId,
				commentId: row.id
			}))
	);
}

/** Rewrites one's own comment; newly mentioned people are notified. AppError 403 or 404. */
export async function update(db: Database, id: string, body: string, actorId: string) {
	const current = await ownComment(db, id, actorId);
	const found = await claims.get(db, current.claimId);
	const mentions = findMentions(body, await users.colleagues(db));
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(comment)
			.set({ body, mentions, editedAt: new Date() })
			.where(eq(comment.id, id))
			.returning();
		const added = mentions.filter((person) => !current.mentions.includes(person));
		await announce(tx, row, added, found.documentId);
		await audit.record(tx, {
			documentId: found.documentId,
			entity: 'comment',
			entityId: id,
			action: 'update',
			actorId,
			before: { body: current.body },
			after: { body, claimId: current.claimId }
		});
		return row;
	});
}

/** Deletes one's own comment (its replies stay). AppError 403 or 404. */
export async function remove(db: Database, id: string, actorId: string): Promise<void> {
	const current = await ownComment(db, id, actorId);
	const found = await claims.get(db, current.claimId);
	await db.transaction(async (tx) => {
		await tx.update(comment).set({ deletedAt: new Date() }).where(eq(comment.id, id));
		await audit.record(tx, {
			documentId: found.documentId,
			entity: 'comment',
			entityId: id,
			action: 'delete',
			actorId,
			before: { body: current.body, claimId: current.claimId }
		});
	});
}

async function ownComment(db: Database, id: string, actorId: string): Promise<Comment> {
	const row = await get(db, id);
	if (row.authorId !== actorId) {
		throw new AppError(403, 'Only its author can change or delete a comment.');
	}
	return row;
}
