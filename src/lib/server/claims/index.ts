import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { anchor, describe } from '$lib/anchoring';
import { CodePointIndex, sliceCodePoints } from '$lib/anchoring/codepoints';
import { isUuid, type Database } from '$lib/server/db';
import { claim, document } from '$lib/server/db/schema';
import * as documents from '$lib/server/documents';
import { AppError, invalid, notFound } from '$lib/server/errors';
import type { ClaimPatch, SelectorInput } from './input';

export type Claim = typeof claim.$inferSelect;

/** A claim as the API shows it: W3C selectors, and its fields. */
export function toJson(row: Claim) {
	return {
		id: row.id,
		documentId: row.documentId,
		selector: [
			{ type: 'TextQuoteSelector', exact: row.exact, prefix: row.prefix, suffix: row.suffix },
			{ type: 'TextPositionSelector', start: row.start, end: row.end }
		],
		quote: row.exact,
		orphaned: row.orphanedAt !== null,
		suggestion:
			row.suggestionStart === null || row.suggestionEnd === null
				? null
				: {
						start: row.suggestionStart,
						end: row.suggestionEnd,
						confidence: row.suggestionConfidence
					},
		claimText: row.claimText,
		claimant: row.claimant,
		claimDate: row.claimDate,
		version: row.version,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt
	};
}

/** The live claims of a document, in text order (an enclosing claim before those inside). */
export function list(db: Database, documentId: string): Promise<Claim[]> {
	return db
		.select()
		.from(claim)
		.where(and(eq(claim.documentId, documentId), isNull(claim.deletedAt)))
		.orderBy(asc(claim.start), desc(claim.end), asc(claim.createdAt));
}

/** One live claim; AppError 404 when there is none. */
export async function get(db: Database, id: string): Promise<Claim> {
	const [row] = isUuid(id)
		? await db
				.select()
				.from(claim)
				.where(and(eq(claim.id, id), isNull(claim.deletedAt)))
		: [];
	if (!row) {
		throw notFound('No such claim.');
	}
	return row;
}

/** The document, when its claims may change now: not while it is in review or approved. */
async function editableDocument(db: Database, documentId: string) {
	const found = await documents.get(db, documentId);
	documents.assertEditable(found);
	return found;
}

/**
 * Where a selector points in `text`, in code points. A position must hold exactly the quote;
 * without one, the quote must occur exactly (its context telling look-alikes apart). Fuzzy
 * matches are never accepted here. AppError 422 otherwise.
 */
export function resolve(text: string, selector: SelectorInput): { start: number; end: number } {
	const [quote, position] = selector;
	const index = new CodePointIndex(text);
	if (position) {
		if (position.end <= position.start || position.end > index.length) {
			throw invalid(
				'selector.1',
				'out_of_range',
				`The position must satisfy 0 ≤ start < end ≤ ${index.length}.`
			);
		}
		if (sliceCodePoints(text, position.start, position.end) !== quote.exact) {
			throw invalid('selector', 'mismatch', 'The text at that position is not the quote.');
		}
		return { start: position.start, end: position.end };
	}
	const found = anchor(text, { quote });
	if (!found || found.how === 'fuzzy') {
		throw invalid('selector.0', 'mismatch', 'The quote does not occur in the text.');
	}
	return { start: found.start, end: found.end };
}

/**
 * The selector columns for code points `start..end` of a document's text. AppError 422 when
 * the range is empty, out of the text, or splits a character (an emoji, a letter and its marks).
 */
function anchoring(text: string, start: number, end: number) {
	try {
		const { quote } = describe(text, start, end);
		return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start, end };
	} catch (err) {
		if (err instanceof RangeError) {
			throw invalid('selector', 'range', 'A claim covers whole characters of the text.');
		}
		throw err;
	}
}

/**
 * Adds a claim to a document from W3C selectors (validated against its text, a missing
 * position filled from the quote). AppError 404, 409 (in review) or 422.
 */
export async function create(
	db: Database,
	documentId: string,
	input: { selector: SelectorInput; claimText: string; claimant: string; claimDate: string | null },
	userId: string
): Promise<Claim> {
	const found = await editableDocument(db, documentId);
	const { start, end } = resolve(found.text, input.selector);
	return insert(db, found.id, found.text, start, end, input, userId);
}

/** Adds a claim over code points `start..end` of the document's text (a selection). */
export async function createAt(
	db: Database,
	documentId: string,
	range: { start: number; end: number },
	userId: string
): Promise<Claim> {
	const found = await editableDocument(db, documentId);
	const fields = { claimText: '', claimant: '', claimDate: null };
	return insert(db, found.id, found.text, range.start, range.end, fields, userId);
}

async function insert(
	db: Database,
	documentId: string,
	text: string,
	start: number,
	end: number,
	fields: { claimText: string; claimant: string; claimDate: string | null },
	userId: string
): Promise<Claim> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(claim)
			.values({
				documentId,
				...anchoring(text, start, end),
				...fields,
				createdBy: userId,
				updatedBy: userId
			})
			.returning();
		await touch(tx, documentId);
		return row;
	});
}

async function touch(db: Database, documentId: string): Promise<void> {
	await db
		.update(document)
		.set({ updatedAt: new Date(), version: sql`${document.version} + 1` })
		.where(eq(document.id, documentId));
}

const attached = {
	orphanedAt: null,
	suggestionStart: null,
	suggestionEnd: null,
	suggestionConfidence: null
};

/**
 * Changes a claim's fields, or re-attaches it with a new `selector` (validated like a new
 * one; it is no longer orphaned). `version` must be the claim's current one: AppError 412
 * otherwise, so that nothing is overwritten unseen.
 */
export async function update(
	db: Database,
	id: string,
	version: number,
	patch: ClaimPatch,
	userId: string
): Promise<Claim> {
	const current = await get(db, id);
	const found = await editableDocument(db, current.documentId);
	const { selector, ...fields } = patch;
	const target = selector && resolve(found.text, selector);
	const reattach = target
		? { ...anchoring(found.text, target.start, target.end), ...attached }
		: {};
	return save(db, id, version, { ...fields, ...reattach, updatedBy: userId });
}

/**
 * Re-attaches a claim (an orphan, typically) to code points `start..end` of its document's
 * current text: the editor's confirmation of a suggestion or a new selection. AppError 412
 * when `version` is stale, 422 for a range that is not whole characters of the text.
 */
export async function reattach(
	db: Database,
	id: string,
	version: number,
	range: { start: number; end: number },
	userId: string
): Promise<Claim> {
	const current = await get(db, id);
	const found = await editableDocument(db, current.documentId);
	return save(db, id, version, {
		...anchoring(found.text, range.start, range.end),
		...attached,
		updatedBy: userId
	});
}

async function save(
	db: Database,
	id: string,
	version: number,
	changes: Partial<typeof claim.$inferInsert>
): Promise<Claim> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(claim)
			.set({ ...changes, version: sql`${claim.version} + 1`, updatedAt: new Date() })
			.where(and(eq(claim.id, id), eq(claim.version, version), isNull(claim.deletedAt)))
			.returning();
		if (!row) {
			throw new AppError(412, 'Someone changed this claim meanwhile; reload it and try again.');
		}
		await touch(tx, row.documentId);
		return row;
	});
}

/** Deletes a claim (kept, so that `restore` can undo it). AppError 404 or 409. */
export async function remove(db: Database, id: string, userId: string): Promise<Claim> {
	const current = await get(db, id);
	return setDeleted(db, current, new Date(), userId);
}

/** Undoes `remove`. AppError 404 when the claim was never there or is not deleted. */
export async function restore(db: Database, id: string, userId: string): Promise<Claim> {
	const [deleted] = isUuid(id) ? await db.select().from(claim).where(eq(claim.id, id)) : [];
	if (!deleted?.deletedAt) {
		throw notFound('No deleted claim with that id.');
	}
	return setDeleted(db, deleted, null, userId);
}

async function setDeleted(db: Database, row: Claim, deletedAt: Date | null, userId: string) {
	await editableDocument(db, row.documentId);
	return db.transaction(async (tx) => {
		const [changed] = await tx
			.update(claim)
			.set({
				deletedAt,
				updatedAt: new Date(),
				updatedBy: userId,
				version: sql`${claim.version} + 1`
			})
			.where(eq(claim.id, row.id))
			.returning();
		await touch(tx, row.documentId);
		return changed;
	});
}
