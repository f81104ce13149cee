import {
	listAnnotations,
	MAX_ANNOTATIONS,
	placeAnnotation,
	readAnnotation,
	type Reason
} from '$lib/annotation-import';
import { indexText } from '$lib/anchoring';
import * as claims from '$lib/server/claims';
import * as comments from '$lib/server/comments';
import type { Database } from '$lib/server/db';
import * as documents from '$lib/server/documents';
import { AppError } from '$lib/server/errors';
import { assertStorable } from '$lib/server/input';

/**
 * The largest import body: Hypothesis exports carry much besides the selectors (links,
 * permissions, document metadata), about 1.5 kB an annotation, so MAX_ANNOTATIONS of them need
 * more than the API's usual 1 MB.
 */
export const IMPORT_LIMIT_BYTES = 4 * 1024 * 1024;

/** What became of each annotation of an import, by its index in the list sent. */
export interface ImportReport {
	/** Placed where their position or exact words say. */
	anchored: { index: number; claimId: string; how: 'position' | 'quote'; utf16?: true }[];
	/** Placed on similar words: `quote` is theirs, `found` what the text says there. */
	fuzzy: { index: number; claimId: string; confidence: number; quote: string; found: string }[];
	/** Not placed, and why. */
	unplaced: { index: number; reason: Reason; detail: string; quote?: string }[];
	/** Placed exactly on an existing claim (or an earlier annotation of this import): not added. */
	duplicates: { index: number; claimId: string }[];
}

/**
 * Parses the text of an import file or paste box as JSON. AppError 400 when it is not JSON,
 * 422 when it holds text that cannot be stored or nests beyond reason (`assertStorable`).
 */
export function parseJson(source: string): unknown {
	let parsed: unknown;
	try {
		parsed = JSON.parse(source.replace(/^\uFEFF/, ''));
	} catch {
		throw new AppError(400, 'This is not valid JSON.', [], {}, { code: 'invalid_json' });
	}
	assertStorable(parsed);
	return parsed;
}

/**
 * Imports W3C Web Annotations (an AnnotationCollection, AnnotationPage, array, single
 * Annotation, or a Hypothesis search response or export) onto a document as claims: each is
 * placed by its selectors (positions converted from UTF-16 units where that is what they
 * count; confident fuzzy matches accepted and reported as such), its describing body becomes
 * the claim as checked and any other text a note in the claim's discussion. Nothing is dropped
 * unseen: every annotation is in exactly one list of the report. All claims, notes and their
 * audit entries (which announce them to open workspaces) are made in one transaction.
 * AppError 404 (no document), 409 (in review: claims cannot change), 422 (a body that holds no
 * annotations, or more than MAX_ANNOTATIONS).
 */
export async function importOnto(
	db: Database,
	documentId: string,
	body: unknown,
	userId: string
): Promise<ImportReport> {
	// A document that is not there is 404 whatever the body holds.
	await documents.get(db, documentId);
	const listed = listAnnotations(body);
	if ('problem' in listed) {
		throw new AppError(422, listed.problem, [], {}, { code: listed.code });
	}
	if (listed.annotations.length === 0) {
		throw new AppError(
			422,
			'There are no annotations in this body.',
			[],
			{},
			{
				code: 'no_annotations'
			}
		);
	}
	if (listed.annotations.length > MAX_ANNOTATIONS) {
		throw new AppError(
			422,
			`One import takes at most ${MAX_ANNOTATIONS} annotations; this has ${listed.annotations.length}. Split it.`,
			[],
			{},
			{ code: 'too_many', max: MAX_ANNOTATIONS }
		);
	}
	return db.transaction(async (tx) => {
		// Locked, so that a submission cannot slip in between the check and the claims.
		const found = await documents.lock(tx, documentId);
		documents.assertEditable(found);
		const indexed = indexText(found.text);
		// Each range's claim: its id when there is one already, else its place in `adding`.
		const taken = new Map<string, string | number>();
		for (const row of await claims.list(tx, found.id)) {
			if (row.orphanedAt === null) {
				taken.set(`${row.start}:${row.end}`, row.id);
			}
		}
		const report: ImportReport = { anchored: [], fuzzy: [], unplaced: [], duplicates: [] };
		// The claims to add, each with its note and the report's entries that are to name it.
		const adding: { claim: claims.NewClaim; note?: string; named: { claimId: string }[] }[] = [];
		for (const [index, annotation] of listed.annotations.entries()) {
			const read = readAnnotation(annotation, index);
			if (!read.ok) {
				const { reason, detail, quote } = read;
				report.unplaced.push({ index, reason, detail, ...(quote ? { quote } : {}) });
				continue;
			}
			const placed = placeAnnotation(indexed, read);
			const quote = read.quote ? { quote: read.quote.exact } : {};
			if ('reason' in placed) {
				report.unplaced.push({ index, ...placed, ...quote });
				continue;
			}
			const key = `${placed.start}:${placed.end}`;
			const already = taken.get(key);
			if (already !== undefined) {
				const entry = { index, claimId: typeof already === 'string' ? already : '' };
				report.duplicates.push(entry);
				if (typeof already === 'number') {
					adding[already].named.push(entry);
				}
				continue;
			}
			taken.set(key, adding.length);
			const entry = { index, claimId: '' };
			if (placed.how === 'fuzzy') {
				report.fuzzy.push(
					Object.assign(entry, {
						confidence: Math.round(placed.confidence * 1000) / 1000,
						quote: read.quote?.exact ?? '',
						found: found.text.slice(
							indexed.codePoints.toUtf16(placed.start),
							indexed.codePoints.toUtf16(placed.end)
						)
					})
				);
			} else {
				report.anchored.push(
					Object.assign(entry, {
						how: placed.how,
						...(placed.utf16 ? { utf16: true as const } : {})
					})
				);
			}
			const { start, end } = placed;
			adding.push({
				claim: { start, end, claimText: read.claimText, claimant: '', claimDate: null },
				note: read.note,
				named: [entry]
			});
		}
		// All at once: the same function as the claims API, a chunk of claims to a statement.
		const created = await claims.createMany(
			tx,
			{ id: found.id, text: indexed },
			adding.map(({ claim }) => claim),
			userId
		);
		for (const [i, { note, named }] of adding.entries()) {
			for (const entry of named) {
				entry.claimId = created[i].id;
			}
			if (note) {
				await comments.create(tx, created[i].id, { body: note, parentId: null }, userId);
			}
		}
		return report;
	});
}
