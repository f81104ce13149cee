import { desc, eq, ilike, or, sql } from 'drizzle-orm';
import {
	findClaimReviews,
	mapClaimReview,
	MAX_REVIEWS,
	readClaimReviews,
	type Found,
	type Refusal
} from '$lib/claimreview/parse';
import { isUuid, type Database } from '$lib/server/db';
import { externalClaimReview } from '$lib/server/db/schema';
import { AppError, notFound } from '$lib/server/errors';
import { assertStorable } from '$lib/server/input';
import * as search from '$lib/server/search';

export type ExternalClaimReview = typeof externalClaimReview.$inferSelect;

/** The largest paste or upload: a fact-check page's HTML with its JSON-LD, or a feed. */
export const IMPORT_LIMIT_BYTES = 4 * 1024 * 1024;

/** What became of each item found in an import, by its place among them. */
export interface ImportReport {
	/** New references. */
	imported: { index: number; id: string; url: string; claimReviewed: string }[];
	/** References with that url already: their fields were replaced by these. */
	updated: { index: number; id: string; url: string; claimReviewed: string }[];
	/** ClaimReviews not kept, and why. */
	refused: { index: number; reason: Refusal; detail: string; url?: string }[];
	/** Other JSON-LD nodes (Organization, WebSite, BreadcrumbList…) passed over. */
	skipped: { index: number; type: string }[];
}

/** A reference as the API shows it. */
export function toJson(row: ExternalClaimReview) {
	return {
		id: row.id,
		url: row.url,
		claimReviewed: row.claimReviewed,
		claimant: row.claimant,
		publisher: row.publisher,
		rating: {
			label: row.ratingLabel,
			value: row.ratingValue,
			bestRating: row.bestRating,
			worstRating: row.worstRating
		},
		language: row.language,
		datePublished: row.datePublished?.toISOString() ?? null,
		itemReviewedUrl: row.itemReviewedUrl,
		claimReview: row.json,
		importedBy: row.importedBy,
		createdAt: row.createdAt.toISOString()
	};
}

/**
 * Keeps the ClaimReviews found in parsed JSON-LD (a ClaimReview, an array, a `@graph`, a
 * DataFeed) as references for claim matching: one per url, so that importing again updates.
 * Every item found is in exactly one list of the report. One transaction, which also indexes
 * them for search. AppError 422 when nothing in it is a ClaimReview, more than MAX_REVIEWS, or
 * a ClaimReview holding text that cannot be stored (`assertStorable`).
 */
export async function importJson(
	db: Database,
	input: unknown,
	userId: string
): Promise<ImportReport> {
	return store(db, findClaimReviews(input), userId);
}

/**
 * As importJson, from pasted or uploaded text: JSON-LD, or a page's HTML whose
 * `<script type="application/ld+json">` blocks are read. AppError 422 when it is neither.
 */
export async function importText(
	db: Database,
	source: string,
	userId: string
): Promise<ImportReport> {
	const read = readClaimReviews(source);
	if ('problem' in read) {
		throw new AppError(422, read.problem, [], {}, { code: read.code });
	}
	return store(db, read.found, userId);
}

async function store(db: Database, found: Found[], userId: string): Promise<ImportReport> {
	const reviews = found.filter((item) => item.kind !== 'other').length;
	if (reviews === 0) {
		const types = [...new Set(found.map((item) => (item.kind === 'other' ? item.type : '')))];
		throw new AppError(
			422,
			`There is no ClaimReview in this input${types.length ? ` (only ${types.slice(0, 8).join(', ')})` : ''}.`,
			[],
			{},
			{ code: 'no_claim_review' }
		);
	}
	if (reviews > MAX_REVIEWS) {
		throw new AppError(
			422,
			`One import takes at most ${MAX_REVIEWS} ClaimReviews; split it.`,
			[],
			{},
			{
				code: 'too_many',
				max: MAX_REVIEWS
			}
		);
	}
	// Each node is kept whole as jsonb, so even a field no one reads must be storable.
	for (const [index, item] of found.entries()) {
		if (item.kind === 'review') {
			assertStorable(item.node, String(index));
		}
	}
	const report: ImportReport = { imported: [], updated: [], refused: [], skipped: [] };
	await db.transaction(async (tx) => {
		const stored: string[] = [];
		for (const [index, item] of found.entries()) {
			if (item.kind === 'other') {
				report.skipped.push({ index, type: item.type });
				continue;
			}
			if (item.kind === 'malformed') {
				report.refused.push({ index, reason: 'malformed', detail: item.detail });
				continue;
			}
			const mapped = mapClaimReview(item.node);
			if (!mapped.ok) {
				const { reason, detail, url } = mapped;
				report.refused.push({ index, reason, detail, ...(url ? { url } : {}) });
				continue;
			}
			const { url, ...fields } = mapped.review;
			// xmax is 0 only for a row this statement inserted: how an upsert tells new from updated.
			const [row] = await tx
				.insert(externalClaimReview)
				.values({ url, ...fields, importedBy: userId })
				.onConflictDoUpdate({
					target: externalClaimReview.url,
					set: { ...fields, importedBy: userId }
				})
				.returning({ id: externalClaimReview.id, inserted: sql<boolean>`(xmax = 0)` });
			const entry = { index, id: row.id, url, claimReviewed: fields.claimReviewed };
			(row.inserted ? report.imported : report.updated).push(entry);
			stored.push(row.id);
		}
		await search.indexExternal(tx, stored);
	});
	return report;
}

/** `text` as a LIKE pattern matching itself anywhere: its wildcards escaped. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * References, the most recently published first (then the most recently imported), `limit`
 * from `offset`, plus one more to tell whether there are more; `q` keeps those whose claim,
 * claimant, publisher or url contains it.
 */
export function list(
	db: Database,
	options: { q?: string; limit: number; offset: number }
): Promise<ExternalClaimReview[]> {
	const q = options.q?.trim().normalize('NFC');
	const where = q
		? or(
				ilike(externalClaimReview.claimReviewed, containing(q)),
				ilike(externalClaimReview.claimant, containing(q)),
				ilike(externalClaimReview.publisher, containing(q)),
				ilike(externalClaimReview.url, containing(q))
			)
		: undefined;
	return db
		.select()
		.from(externalClaimReview)
		.where(where)
		.orderBy(
			sql`${externalClaimReview.datePublished} desc nulls last`,
			desc(externalClaimReview.createdAt),
			externalClaimReview.id
		)
		.limit(options.limit + 1)
		.offset(options.offset);
}

/** Removes a reference (claim matching no longer finds it). AppError 404 when there is none. */
export async function remove(db: Database, id: string): Promise<void> {
	const deleted = isUuid(id)
		? await db
				.delete(externalClaimReview)
				.where(eq(externalClaimReview.id, id))
				.returning({ id: externalClaimReview.id })
		: [];
	if (deleted.length === 0) {
		throw notFound('No such reference.');
	}
}
