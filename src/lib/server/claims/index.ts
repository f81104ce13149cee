import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { anchor, describe, indexText, type IndexedText } from '$lib/anchoring';
import * as audit from '$lib/server/audit';
import { CodePointIndex, sliceCodePoints } from '$lib/anchoring/codepoints';
import { inChunks, isUuid, rowsOf, type Database } from '$lib/server/db';
import { claim } from '$lib/server/db/schema';
import * as documents from '$lib/server/documents';
import { AppError, invalid, notFound } from '$lib/server/errors';
import * as rationale from '$lib/server/rationale';
import * as ratingScale from '$lib/server/rating-scale';
import * as search from '$lib/server/search';
import * as users from '$lib/server/users';
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
		rating: row.ratingKey,
		rationale: row.rationale,
		rationaleHtml: row.rationaleHtml,
		assigneeId: row.assigneeId,
		version: row.version,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt,
		updatedBy: row.updatedBy
	};
}

/** What the audit log keeps of a claim: the fields a person reads, not the bookkeeping. */
function snapshot(row: Claim) {
	return {
		quote: row.exact,
		start: row.start,
		end: row.end,
		orphaned: row.orphanedAt !== null,
		claimText: row.claimText,
		claimant: row.claimant,
		claimDate: row.claimDate,
		rating: row.ratingKey,
		rationale: row.rationaleHtml,
		assigneeId: row.assigneeId,
		deleted: row.deletedAt !== null
	};
}

/** The audit entry of a change to a claim. */
function change(before: Claim | null, after: Claim, action: string, actorId: string): audit.Change {
	return {
		documentId: after.documentId,
		entity: 'claim',
		entityId: after.id,
		action,
		actorId,
		...(before ? audit.difference(snapshot(before), snapshot(after)) : { after: snapshot(after) })
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

/** A claim as the workspace lists it: fields still empty are left out. */
export interface OutlineClaim {
	id: string;
	start: number;
	end: number;
	version: number;
	claimText?: string;
	claimant?: string;
	claimDate?: string;
	rating?: string;
	assigneeId?: string;
	/** Only for an orphan: its old words, and the passage suggested for them if any. */
	orphan?: {
		quote: string;
		prefix: string;
		suffix: string;
		suggestion?: { start: number; end: number; confidence: number; text: string };
	};
}

/** A row of outline's list: positional, as PostgreSQL builds it. */
type OutlineRow = [
	id: string,
	start: number,
	end: number,
	version: number,
	claimText: string | null,
	claimant: string | null,
	claimDate: string | null,
	rating: string | null,
	assigneeId: string | null,
	orphan:
		| [
				quote: string,
				prefix: string,
				suffix: string,
				suggestion: [start: number, end: number, confidence: number, text: string] | null
		  ]
		| null
];

/**
 * The live claims of a document in text order, with only what the workspace shows of each.
 * An attached claim's words are in the text at its position; only an orphan carries its old
 * ones. PostgreSQL builds the list as one JSON value of positional rows: with thousands of
 * claims, one value is read several times faster than thousands of rows of columns (on PGlite
 * especially).
 */
export async function outline(db: Database, documentId: string): Promise<OutlineClaim[]> {
	const [{ claims }] = await rowsOf<{ claims: string }>(
		db,
		sql`select coalesce(json_agg(json_build_array(c.id, c.start, c."end", c.version,
				nullif(c.claim_text, ''), nullif(c.claimant, ''), c.claim_date, c.rating_key, c.assignee_id,
				case when c.orphaned_at is not null then json_build_array(c.exact, c.prefix, c.suffix,
					case when c.suggestion_start is not null and c.suggestion_end is not null then
						json_build_array(c.suggestion_start, c.suggestion_end, coalesce(c.suggestion_confidence, 0),
							-- Characters are code points: the suggested passage's words.
							(select substr(d.text, c.suggestion_start + 1, c.suggestion_end - c.suggestion_start)
								from document d where d.id = c.document_id))
					end)
				end
			) order by c.start, c."end" desc, c.created_at), '[]')::text as claims
		from claim c where c.document_id = ${documentId} and c.deleted_at is null`
	);
	return (JSON.parse(claims) as OutlineRow[]).map(
		([id, start, end, version, claimText, claimant, claimDate, rating, assigneeId, orphan]) => ({
			id,
			start,
			end,
			version,
			// Fields still empty are left out: thousands of empty keys weigh on the page.
			...(claimText && { claimText }),
			...(claimant && { claimant }),
			...(claimDate && { claimDate }),
			...(rating && { rating }),
			...(assigneeId && { assigneeId }),
			...(orphan && {
				orphan: {
					quote: orphan[0],
					prefix: orphan[1],
					suffix: orphan[2],
					...(orphan[3] && {
						suggestion: {
							start: orphan[3][0],
							end: orphan[3][1],
							confidence: orphan[3][2],
							text: orphan[3][3]
						}
					})
				}
			})
		})
	);
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
function anchoring(text: string | IndexedText, start: number, end: number) {
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
	const { claimText, claimant, claimDate } = input;
	const range = resolve(found.text, input.selector);
	const [row] = await createMany(db, found, [{ ...range, claimText, claimant, claimDate }], userId);
	return row;
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
	const [row] = await createMany(db, found, [{ ...range, ...fields }], userId);
	return row;
}

/** A claim to add: code points `start..end` of its document's text, and its fields. */
export interface NewClaim {
	start: number;
	end: number;
	claimText: string;
	claimant: string;
	claimDate: string | null;
}

/**
 * Adds claims to document `found`, which the caller has found editable (an import holds it
 * locked, and may give its text indexed already): the claims, their search entries and their
 * audit entries a chunk to a statement, in one transaction, in the order given. AppError 422
 * when a range is empty, out of the text, or splits a character.
 */
export async function createMany(
	db: Database,
	found: { id: string; text: string | IndexedText },
	items: NewClaim[],
	userId: string
): Promise<Claim[]> {
	const text = indexText(found.text);
	const values = items.map(({ start, end, claimText, claimant, claimDate }) => ({
		documentId: found.id,
		...anchoring(text, start, end),
		claimText,
		claimant,
		claimDate,
		createdBy: userId,
		updatedBy: userId
	}));
	return db.transaction(async (tx) => {
		const rows: Claim[] = [];
		for (const chunk of inChunks(values)) {
			rows.push(...(await tx.insert(claim).values(chunk).returning()));
		}
		await search.indexClaims(tx, found.id, rows);
		await documents.touch(tx, found.id);
		await audit.record(tx, ...rows.map((row) => change(null, row, 'create', userId)));
		return rows;
	});
}

const attached = {
	orphanedAt: null,
	suggestionStart: null,
	suggestionEnd: null,
	suggestionConfidence: null
};

/**
 * Changes a claim's fields and verdict (a rating of the scale in use, a rationale as Tiptap
 * JSON rendered to sanitised HTML), assigns it, or re-attaches it with a new `selector`
 * (validated like a new one; it is no longer orphaned). `version` must be the claim's current
 * one: AppError 412 otherwise, so that nothing is overwritten unseen; 409 in review; 422 for a
 * retired or unknown rating, an assignee who is not an active editor, or a bad rationale.
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
	const { selector, rating, rationale: written, assigneeId, ...fields } = patch;
	const doc = written === undefined || written === null ? written : parseRationale(written);
	const target = selector && resolve(found.text, selector);
	const reattach = target
		? { ...anchoring(found.text, target.start, target.end), ...attached }
		: {};
	if (rating && rating !== current.ratingKey) {
		await ratingScale.assertAssignable(db, rating);
	}
	if (assigneeId) {
		await users.assertAssignable(db, assigneeId);
	}
	const verdict = {
		...(rating === undefined ? {} : { ratingKey: rating }),
		...(doc === undefined
			? {}
			: doc === null || rationale.isEmpty(doc)
				? { rationale: null, rationaleHtml: '' }
				: { rationale: doc, rationaleHtml: rationale.render(doc) })
	};
	const verdictChanged =
		('ratingKey' in verdict && verdict.ratingKey !== current.ratingKey) ||
		('rationaleHtml' in verdict && verdict.rationaleHtml !== current.rationaleHtml);
	return save(db, current, version, {
		...fields,
		...reattach,
		...verdict,
		...(assigneeId === undefined ? {} : { assigneeId }),
		...(verdictChanged ? { verdictBy: userId } : {}),
		updatedBy: userId
	});
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
	return save(db, current, version, {
		...anchoring(found.text, range.start, range.end),
		...attached,
		updatedBy: userId
	});
}

/** `rationale.parse`, its errors' paths starting at `rationale`. */
function parseRationale(input: unknown) {
	try {
		return rationale.parse(input);
	} catch (err) {
		if (err instanceof AppError) {
			const errors = err.errors.map((e) => ({
				...e,
				path: `rationale.${e.path}`.replace(/\.$/, '')
			}));
			throw new AppError(err.status, err.message, errors);
		}
		throw err;
	}
}

const stale = () =>
	new AppError(412, 'Someone changed this claim meanwhile; reload it and try again.');

async function save(
	db: Database,
	current: Claim,
	version: number,
	changes: Partial<typeof claim.$inferInsert> & { updatedBy: string }
): Promise<Claim> {
	if (current.version !== version) {
		throw stale();
	}
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(claim)
			.set({ ...changes, version: sql`${claim.version} + 1`, updatedAt: new Date() })
			.where(and(eq(claim.id, current.id), eq(claim.version, version), isNull(claim.deletedAt)))
			.returning();
		if (!row) {
			throw stale();
		}
		if ('claimText' in changes || 'exact' in changes || 'claimant' in changes) {
			await search.indexClaim(tx, row);
		}
		await documents.touch(tx, row.documentId);
		// The version matched, so `current` is the row as it was just before.
		await audit.record(tx, change(current, row, 'update', changes.updatedBy));
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
		await (deletedAt ? search.unindexClaim(tx, row.id) : search.indexClaim(tx, changed));
		await documents.touch(tx, row.documentId);
		await audit.record(tx, change(row, changed, deletedAt ? 'delete' : 'restore', userId));
		return changed;
	});
}
