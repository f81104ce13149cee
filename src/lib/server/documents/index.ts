import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import * as audit from '$lib/server/audit';
import * as presence from '$lib/server/collab/presence';
import * as search from '$lib/server/search';
import { isUuid, type Database } from '$lib/server/db';
import { claim, document, documentRevision, user } from '$lib/server/db/schema';
import { AppError, notFound } from '$lib/server/errors';
import { pageOf, type Page } from '$lib/server/http/cursor';
import * as users from '$lib/server/users';
import { parseQuery } from '$lib/search';
import { canonicalText } from '$lib/text/canonical';
import { isEditable } from '$lib/workflow';

export type Status = (typeof document.status.enumValues)[number];
export const statuses = document.status.enumValues;

export interface NewDocument {
	title: string;
	text: string;
	language: string;
	sourceUrl?: string | null;
	publisher?: string | null;
	author?: string | null;
	publishedAt?: Date | null;
}

/** A URL-friendly name from a title, keeping letters of every script. */
export function slugify(title: string): string {
	const slug = title
		.normalize('NFC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '');
	return [...slug].slice(0, 60).join('').replace(/-+$/, '') || 'document';
}

/**
 * Stores a new draft with its text in canonical form as revision 1, under a slug no other
 * document has.
 */
export async function create(db: Database, input: NewDocument, createdBy: string) {
	const base = slugify(input.title);
	const taken = await db
		.select({ slug: document.slug })
		.from(document)
		.where(sql`${document.slug} = ${base} or ${document.slug} like ${base + '-%'}`);
	const used = new Set(taken.map((row) => row.slug));
	let slug = base;
	for (let n = 2; used.has(slug); n++) {
		slug = `${base}-${n}`;
	}
	const text = canonicalText(input.text);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(document)
			.values({ ...input, text, slug, createdBy })
			.returning();
		await tx.insert(documentRevision).values({ documentId: row.id, number: 1, text, createdBy });
		await search.indexDocument(tx, row);
		await audit.record(tx, {
			documentId: row.id,
			entity: 'document',
			entityId: row.id,
			action: 'create',
			actorId: createdBy,
			after: { ...toJson(row), text }
		});
		return row;
	});
}

export interface Filter {
	status?: Status;
	/** Words in the title. */
	q?: string;
	/** Documents assigned to this user, or with a claim assigned to them. */
	assignee?: string;
}

/**
 * A page of documents, most recently changed first, optionally filtered; `nextCursor` continues
 * after its last row (keyset pagination: as fast on the thousandth page as on the first).
 */
export async function listPage(db: Database, filter: Filter = {}, page: Page = firstPage) {
	const rows = await query(db, filter, page, filter.q ? await titleFilter(db, filter.q) : null);
	const { items, nextCursor } = pageOf(rows, page, (row) => row.sortKey);
	return { items: items.map(({ sortKey: _, ...row }) => row), nextCursor };
}

const firstPage: Page = { limit: 200, after: null };

/** The first `page.limit` documents of `listPage`. */
export async function list(db: Database, filter: Filter = {}, page: Page = firstPage) {
	return (await listPage(db, filter, page)).items;
}

/**
 * Words of the title, each also as the start of a longer word; nothing for a filter with no
 * words at all (only punctuation, say).
 */
async function titleFilter(db: Database, q: string): Promise<SQL> {
	const words = parseQuery(q, { prefixes: true });
	return words ? search.titleMatch(db, words) : sql`false`;
}

function query(db: Database, filter: Filter, page: Page, title: SQL | null) {
	const conditions: SQL[] = title ? [title] : [];
	if (filter.assignee) {
		conditions.push(
			or(
				eq(document.assigneeId, filter.assignee),
				sql`exists (select 1 from ${claim} where ${claim.documentId} = ${document.id} and ${claim.assigneeId} = ${filter.assignee} and ${claim.deletedAt} is null)`
			) as SQL
		);
	}
	if (filter.status) {
		conditions.push(eq(document.status, filter.status));
	}
	if (page.after) {
		conditions.push(
			sql`(${document.updatedAt}, ${document.id}) < (${page.after.at}::timestamptz, ${page.after.id}::uuid)`
		);
	}
	return db
		.select({
			id: document.id,
			slug: document.slug,
			title: document.title,
			language: document.language,
			status: document.status,
			updatedAt: document.updatedAt,
			// To the microsecond, as the cursor needs it.
			sortKey: sql<string>`${document.updatedAt}::text`,
			createdBy: user.name,
			assignee: sql<string | null>`(select name from "user" a where a.id = ${document.assigneeId})`,
			claims: sql<number>`(select count(*)::int from ${claim} where ${claim.documentId} = ${document.id} and ${claim.deletedAt} is null)`,
			// Who has it open in the live workspace now.
			here: presence.hereNow,
			// Who changed its claims in the last half hour, most recent first.
			working: sql<
				string[]
			>`(select coalesce(array_agg(name order by at desc), '{}') from (select u.name, max(c.updated_at) as at from claim c join "user" u on u.id = c.updated_by where c.document_id = ${document.id} and c.updated_at > now() - interval '30 minutes' group by u.name) recent)`
		})
		.from(document)
		.leftJoin(user, eq(document.createdBy, user.id))
		.where(and(...conditions))
		.orderBy(desc(document.updatedAt), desc(document.id))
		.limit(page.limit + 1);
}

/** One document with its current text; AppError 404 when there is none with that id. */
export async function get(db: Database, id: string) {
	const [row] = isUuid(id) ? await db.select().from(document).where(eq(document.id, id)) : [];
	if (!row) {
		throw notFound('No such document.');
	}
	return row;
}

/**
 * Records that a document changed (its version goes up, so every copy of it is stale), with
 * `changes` to its own columns. Returns the row as it is now.
 */
export async function touch(
	db: Database,
	documentId: string,
	changes: Partial<typeof document.$inferInsert> = {}
): Promise<typeof document.$inferSelect> {
	const [row] = await db
		.update(document)
		.set({ ...changes, updatedAt: new Date(), version: sql`${document.version} + 1` })
		.where(eq(document.id, documentId))
		.returning();
	if ('title' in changes || 'text' in changes || 'language' in changes) {
		// Search reads what it says, and in its language: indexed in this same transaction.
		await search.indexDocument(db, row);
	}
	return row;
}

/**
 * One document, locked until the transaction `tx` ends: changes that depend on its state or
 * number what it holds (revisions, workflow) take it first. AppError 404 when there is none.
 */
export async function lock(tx: Database, id: string) {
	const [row] = isUuid(id)
		? await tx.select().from(document).where(eq(document.id, id)).for('update')
		: [];
	if (!row) {
		throw notFound('No such document.');
	}
	return row;
}

/** AppError 409 unless the document's text and claims may change now: not while in review. */
export function assertEditable(found: { status: Status }): void {
	if (!isEditable(found.status)) {
		throw new AppError(409, 'The document is in review; its text and claims cannot change now.');
	}
}

/** A document as the API shows it. */
export function toJson(row: typeof document.$inferSelect) {
	return {
		id: row.id,
		slug: row.slug,
		title: row.title,
		language: row.language,
		sourceUrl: row.sourceUrl,
		publisher: row.publisher,
		author: row.author,
		publishedAt: row.publishedAt?.toISOString().slice(0, 10) ?? null,
		status: row.status,
		revision: row.revision,
		assigneeId: row.assigneeId,
		retractedAt: row.retractedAt,
		retractionReason: row.retractionReason,
		version: row.version,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt
	};
}

/**
 * Assigns a document to an active editor, or to nobody with null. AppError 404, or 422 for an
 * assignee who is not an active editor.
 */
export async function assign(
	db: Database,
	id: string,
	assigneeId: string | null,
	actorId: string
): Promise<typeof document.$inferSelect> {
	const found = await get(db, id);
	if (assigneeId) {
		await users.assertAssignable(db, assigneeId);
	}
	return db.transaction(async (tx) => {
		const row = await touch(tx, found.id, { assigneeId });
		await audit.record(tx, {
			documentId: found.id,
			entity: 'document',
			entityId: found.id,
			action: 'assign',
			actorId,
			before: { assigneeId: found.assigneeId },
			after: { assigneeId }
		});
		return row;
	});
}
