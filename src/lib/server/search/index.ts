import { sql, type SQL } from 'drizzle-orm';
import { inChunks, isUuid, rowsOf, type Database } from '$lib/server/db';
import type { PublishedRating } from '$lib/server/db/schema';
import { notFound } from '$lib/server/errors';
import { localized } from '$lib/ratings';
import {
	anyQuery,
	claimTerms,
	findingTerms,
	pairQuery,
	roughStem,
	searchTerms,
	similarity,
	snippet,
	TermBudget,
	type Match,
	type SearchQuery
} from '$lib/search';

/**
 * Full-text search over documents, claims and published verdicts, and claim matching, for every
 * script. Texts are cut into terms in TypeScript (src/lib/search: CJK bigrams, folded words),
 * so the result does not hang on the database's locale and is the same on PGlite and on a
 * server; PostgreSQL stems English words (`to_tsvector('english', …)`), stores the vectors in
 * side tables (document_search, claim_search, published_claim, external_claim_review_search)
 * under GIN indexes, and ranks with ts_rank_cd.
 */

/** The text search configuration for a language tag: English is stemmed, others are not. */
export function configFor(language: string): 'english' | 'simple' {
	return /^en\b/i.test(language) ? 'english' : 'simple';
}

type Weight = 'A' | 'B' | 'C' | 'D';

/**
 * The SQL for the vector of `parts`, each weighted, in the configuration of `language` (a SQL
 * expression, or a tag). One size budget covers all parts, highest weight first.
 */
function vector(language: string | SQL, parts: [string, Weight][]): SQL {
	const budget = new TermBudget();
	const config =
		typeof language === 'string'
			? sql`${configFor(language)}::regconfig`
			: sql`(case when ${language} ~* '^en\\M' then 'english' else 'simple' end)::regconfig`;
	const pieces = parts.map(
		([text, weight]) =>
			sql`setweight(to_tsvector(${config}, ${searchTerms(text, budget)}), ${weight}::"char")`
	);
	return sql.join(pieces, sql` || `);
}

/**
 * The tsquery for a parsed query, in both configurations: a row indexed in English matches its
 * stemmed form, any other row the words as typed. Once when both read the same (no word that
 * English stems, as in Chinese), as the index would look every term up twice.
 */
function tsquery(text: string): SQL {
	const english = sql`to_tsquery('english', ${text})`;
	const simple = sql`to_tsquery('simple', ${text})`;
	// An expression, not a subquery, so that the planner can read it and tell how common the
	// terms are (a very common one is found sooner by reading the table than the index).
	return sql`(case when ${english} = ${simple} then ${simple} else ${english} || ${simple} end)`;
}

/** Indexes a document's working title and text, in the transaction that changed them. */
export async function indexDocument(
	db: Database,
	doc: { id: string; title: string; text: string; language: string }
): Promise<void> {
	const search = vector(doc.language, [
		[doc.title, 'A'],
		[doc.text, 'D']
	]);
	const title = vector(doc.language, [[doc.title, 'A']]);
	await db.execute(sql`
		insert into document_search (document_id, search, title) values (${doc.id}, ${search}, ${title})
		on conflict (document_id) do update set search = excluded.search, title = excluded.title`);
}

/**
 * Indexes a working claim (as checked, quote, claimant) in its document's language, in the
 * transaction that changed it.
 */
export function indexClaim(
	db: Database,
	row: { id: string; documentId: string; claimText: string; exact: string; claimant: string }
): Promise<void> {
	return indexClaims(db, row.documentId, [row]);
}

/** Indexes claims of one document (an import) as indexClaim does, a chunk to a statement. */
export async function indexClaims(
	db: Database,
	documentId: string,
	rows: { id: string; claimText: string; exact: string; claimant: string }[]
): Promise<void> {
	for (const chunk of inChunks(rows, 500)) {
		const values = chunk.map((row) => {
			const search = vector(sql`d.language`, [
				[row.claimText, 'A'],
				[row.exact, 'B'],
				[row.claimant, 'C']
			]);
			return sql`(${row.id}::uuid, ${search})`;
		});
		await db.execute(sql`
			insert into claim_search (claim_id, search)
			select v.claim_id, v.search from document d, lateral (values ${sql.join(values, sql`, `)})
				as v(claim_id, search)
			where d.id = ${documentId}
			on conflict (claim_id) do update set search = excluded.search`);
	}
}

/**
 * Takes a deleted claim out of search (restoring it indexes it again), so that search never
 * has to look at the claim row to leave deleted ones out.
 */
export async function unindexClaim(db: Database, claimId: string): Promise<void> {
	await db.execute(sql`delete from claim_search where claim_id = ${claimId}`);
}

/** What indexPublished reads of a published version's snapshot. */
export interface PublishedSnapshot {
	title: string;
	language: string;
	text: string;
	claims: {
		id: string;
		exact: string;
		claimText: string;
		claimant: string;
		rationaleHtml: string;
		rating: PublishedRating | null;
	}[];
}

/**
 * Makes version `version` of a document what public search, verdict search and claim matching
 * find: its claims replace those of the previous version in published_claim, and its title,
 * claims, rationales and text become the document's public vector. In the publishing
 * transaction.
 */
export async function indexPublished(
	db: Database,
	documentId: string,
	version: number,
	publishedAt: Date,
	snapshot: PublishedSnapshot
): Promise<void> {
	await db.execute(sql`delete from published_claim where document_id = ${documentId}`);
	for (const c of snapshot.claims) {
		const rating = c.rating
			? { key: c.rating.key, labels: c.rating.labels, color: c.rating.color, value: c.rating.value }
			: null;
		const search = vector(snapshot.language, [
			[c.claimText, 'A'],
			[c.exact, 'B'],
			[c.claimant, 'C']
		]);
		await db.execute(sql`
			insert into published_claim
				(claim_id, document_id, version, claim_text, exact, claimant, rating, language, published_at, search)
			values (${c.id}, ${documentId}, ${version}, ${c.claimText}, ${c.exact}, ${c.claimant},
				${rating === null ? null : JSON.stringify(rating)}::jsonb, ${snapshot.language},
				${publishedAt.toISOString()}::timestamptz, ${search})
			on conflict (claim_id) do update set document_id = excluded.document_id,
				version = excluded.version, claim_text = excluded.claim_text, exact = excluded.exact,
				claimant = excluded.claimant, rating = excluded.rating, language = excluded.language,
				published_at = excluded.published_at, search = excluded.search`);
	}
	const published = vector(snapshot.language, [
		[snapshot.title, 'A'],
		[snapshot.claims.map((c) => `${c.claimText}\n${c.exact}`).join('\n'), 'B'],
		[snapshot.claims.map((c) => htmlText(c.rationaleHtml)).join('\n'), 'C'],
		[snapshot.text, 'D']
	]);
	await db.execute(sql`
		update document_search set published = ${published} where document_id = ${documentId}`);
}

/** The words of sanitised HTML (the rationale), for indexing: tags and entities dropped. */
function htmlText(html: string): string {
	return html.replace(/<[^>]*>/g, ' ').replace(/&[#\w]+;/g, ' ');
}

/**
 * Indexes imported ClaimReviews for claim matching: those with `ids`, or (without) every one
 * not indexed yet. The importer calls it in the transaction that stores them; startup catches
 * any it missed.
 */
export async function indexExternal(db: Database, ids?: readonly string[]): Promise<number> {
	const wanted = ids?.filter(isUuid);
	if (wanted && wanted.length === 0) {
		return 0;
	}
	const rows = await rowsOf<{
		id: string;
		claimReviewed: string;
		claimant: string;
		language: string;
	}>(
		db,
		sql`select e.id, e.claim_reviewed as "claimReviewed", e.claimant, e.language
			from external_claim_review e
			where ${
				wanted
					? sql`e.id in (${sql.join(
							wanted.map((id) => sql`${id}::uuid`),
							sql`, `
						)})`
					: sql`not exists (select 1 from external_claim_review_search s where s.external_id = e.id)`
			}
			limit 1000`
	);
	for (const row of rows) {
		const search = vector(row.language, [
			[row.claimReviewed, 'A'],
			[row.claimant, 'C']
		]);
		await db.execute(sql`
			insert into external_claim_review_search (external_id, search) values (${row.id}, ${search})
			on conflict (external_id) do update set search = excluded.search`);
	}
	return rows.length;
}

/**
 * Indexes whatever has no search row yet — everything written before search existed, or by a
 * path that skipped indexing — in batches. Run at startup; safe to run again (it then finds
 * nothing). Returns how many rows it indexed.
 */
export async function indexPending(db: Database): Promise<number> {
	let total = await inBatches(
		100,
		(size) =>
			rowsOf<{ id: string; title: string; text: string; language: string }>(
				db,
				sql`select d.id, d.title, d.text, d.language from document d
					where not exists (select 1 from document_search s
						where s.document_id = d.id and s.title is not null) limit ${size}`
			),
		(doc) => indexDocument(db, doc)
	);
	total += await inBatches(
		1000,
		(size) =>
			rowsOf<{
				id: string;
				documentId: string;
				claimText: string;
				exact: string;
				claimant: string;
			}>(
				db,
				sql`select c.id, c.document_id as "documentId", c.claim_text as "claimText", c.exact, c.claimant
					from claim c where c.deleted_at is null
					and not exists (select 1 from claim_search s where s.claim_id = c.id) limit ${size}`
			),
		(claim) => indexClaim(db, claim)
	);
	// Published documents whose public vector is missing: from their latest version.
	const published = await rowsOf<{
		documentId: string;
		version: number;
		publishedAt: string;
		snapshot: PublishedSnapshot;
	}>(
		db,
		sql`select v.document_id as "documentId", v.version, v.published_at as "publishedAt", v.snapshot
			from published_version v join document_search s on s.document_id = v.document_id
			where s.published is null
			and v.version = (select max(w.version) from published_version w where w.document_id = v.document_id)`
	);
	for (const row of published) {
		await indexPublished(db, row.documentId, row.version, new Date(row.publishedAt), row.snapshot);
	}
	total += published.length;
	for (let n = await indexExternal(db); n > 0; n = await indexExternal(db)) {
		total += n;
	}
	return total;
}

/**
 * Indexes what `next(size)` finds, `size` rows at a time, until a batch comes back short;
 * each row indexed leaves the query's answer, so the next batch is new rows. How many it indexed.
 */
async function inBatches<T>(
	size: number,
	next: (size: number) => Promise<T[]>,
	index: (row: T) => Promise<unknown>
): Promise<number> {
	let total = 0;
	for (;;) {
		const rows = await next(size);
		for (const row of rows) {
			await index(row);
		}
		total += rows.length;
		if (rows.length < size) {
			return total;
		}
	}
}

export const searchTypes = ['document', 'claim', 'verdict'] as const;
export type SearchType = (typeof searchTypes)[number];

/**
 * At most this many index matches of one type are ranked: a very common word would otherwise
 * rank a large part of a big collection on every request. Below it ranking is exact; above,
 * the best of the first CANDIDATES matches the index gives are shown. Searching all three
 * types ranks fewer of each (MERGED_CANDIDATES), as three searches cost three times one.
 */
export const CANDIDATES = 1000;
export const MERGED_CANDIDATES = 300;

/** One search result. `titleHtml` and `snippet` are escaped HTML with `<mark>`ed matches. */
export interface SearchHit {
	type: SearchType;
	id: string;
	title: string;
	titleHtml: string;
	snippet: string;
	url: string;
	rank: number;
	document: { id: string; title: string; slug: string; status: string; language: string };
	rating: { key: string; label: string; color: string } | null;
	/** Last changed (documents, claims) or published (verdicts). */
	date: string;
}

interface HitRow {
	id: string;
	title: string;
	body: string;
	documentId: string;
	documentTitle: string;
	slug: string;
	status: string;
	language: string;
	ratingKey: string | null;
	ratingLabels: Record<string, string> | null;
	ratingColor: string | null;
	date: string | Date;
	rank: number;
}

interface Slice {
	limit: number;
	offset: number;
	/** How many of the index's matches are ranked. */
	candidates: number;
}

/**
 * The best `limit` matches from `offset` of one side table: ranked inside the index scan's
 * result (at most `candidates` rows), and only the page joined to the rows it describes.
 */
function ranked(table: SQL, key: SQL, q: SQL, { limit, offset, candidates }: Slice): SQL {
	return sql`query as (select ${q} as q),
		hits as materialized (
			select s.${key} as id, ts_rank_cd(s.search, query.q, 1) as rank
			from ${table} s, query where s.search @@ query.q limit ${candidates}),
		top as (select id, rank from hits order by rank desc, id limit ${limit} offset ${offset})`;
}

const queries: Record<SearchType, (q: SQL, slice: Slice) => SQL> = {
	document: (q, slice) => sql`
		with ${ranked(sql`document_search`, sql.raw('document_id'), q, slice)}
		select d.id, d.title, '' as body, d.id as "documentId", d.title as "documentTitle", d.slug,
			d.status, d.language, null as "ratingKey", null as "ratingLabels", null as "ratingColor",
			d.updated_at as date, top.rank
		from top join document d on d.id = top.id
		order by top.rank desc, top.id`,
	claim: (q, slice) => sql`
		with ${ranked(sql`claim_search`, sql.raw('claim_id'), q, slice)}
		select c.id, case when c.claim_text = '' then c.exact else c.claim_text end as title,
			c.exact as body, d.id as "documentId", d.title as "documentTitle", d.slug, d.status,
			d.language, c.rating_key as "ratingKey", r.labels as "ratingLabels", r.color as "ratingColor",
			c.updated_at as date, top.rank
		from top join claim c on c.id = top.id
			join document d on d.id = c.document_id
			left join rating r on r.key = c.rating_key
		order by top.rank desc, top.id`,
	verdict: (q, slice) => sql`
		with ${ranked(sql`published_claim`, sql.raw('claim_id'), q, slice)}
		select p.claim_id as id, case when p.claim_text = '' then p.exact else p.claim_text end as title,
			p.exact as body, d.id as "documentId", d.title as "documentTitle", d.slug, d.status,
			p.language, p.rating->>'key' as "ratingKey", p.rating->'labels' as "ratingLabels",
			p.rating->>'color' as "ratingColor", p.published_at as date, top.rank
		from top join published_claim p on p.claim_id = top.id
			join document d on d.id = p.document_id
		order by top.rank desc, top.id`
};

/**
 * Searches documents (working title and text), claims (as checked, quote, claimant) and
 * published verdicts for `query` (from parseQuery), best first: one type, or all three merged
 * by rank. Pages by `offset`; `nextCursor` is the next offset, or null. Ranks at most
 * CANDIDATES matches of one type, MERGED_CANDIDATES of each of all three. For signed-in
 * staff: drafts are included.
 */
export async function search(
	db: Database,
	query: SearchQuery,
	options: { type?: SearchType; limit: number; offset: number; locale: string }
): Promise<{ items: SearchHit[]; nextCursor: string | null }> {
	const { limit, offset, locale } = options;
	const types = options.type ? [options.type] : searchTypes;
	const candidates = types.length === 1 ? CANDIDATES : MERGED_CANDIDATES;
	if (offset >= candidates) {
		return { items: [], nextCursor: null };
	}
	const q = tsquery(query.tsquery);
	// Merging types needs each one's best offset+limit; one type pages in SQL.
	const perType = await Promise.all(
		types.map(async (type) => {
			const rows = await rowsOf<HitRow>(
				db,
				types.length === 1
					? queries[type](q, { limit: limit + 1, offset, candidates })
					: queries[type](q, { limit: offset + limit + 1, offset: 0, candidates })
			);
			return rows.map((row) => ({ type, row }));
		})
	);
	const merged =
		types.length === 1
			? perType[0]
			: perType
					.flat()
					// Ties in a stable order, so that pages neither repeat nor skip a hit.
					.sort(
						(a, b) =>
							b.row.rank - a.row.rank ||
							searchTypes.indexOf(a.type) - searchTypes.indexOf(b.type) ||
							(a.row.id < b.row.id ? -1 : 1)
					)
					.slice(offset);
	const page = merged.slice(0, limit);
	const texts = await documentTexts(
		db,
		page.filter((hit) => hit.type === 'document').map((hit) => hit.row.id)
	);
	const items = page.map(({ type, row }) => hit(type, row, query, locale, texts));
	const next = offset + limit;
	return {
		items,
		nextCursor: merged.length > limit && next < candidates ? String(next) : null
	};
}

async function documentTexts(db: Database, ids: string[]): Promise<Map<string, string>> {
	if (ids.length === 0) {
		return new Map();
	}
	const rows = await rowsOf<{ id: string; text: string }>(
		db,
		sql`select id, text from document where id in (${sql.join(
			ids.map((id) => sql`${id}::uuid`),
			sql`, `
		)})`
	);
	return new Map(rows.map((row) => [row.id, row.text]));
}

function hit(
	type: SearchType,
	row: HitRow,
	query: SearchQuery,
	locale: string,
	texts: Map<string, string>
): SearchHit {
	const body = type === 'document' ? (texts.get(row.id) ?? '') : row.body;
	const slug = encodeURIComponent(row.slug);
	return {
		type,
		id: row.id,
		title: row.title,
		titleHtml: snippet(row.title, query, 300),
		snippet: snippet(body, query),
		url:
			type === 'document'
				? `/documents/${row.id}`
				: type === 'claim'
					? `/documents/${row.documentId}?claim=${row.id}#card-${row.id}`
					: `/fact-checks/${slug}#claim-${row.id}`,
		rank: Number(row.rank),
		document: {
			id: row.documentId,
			title: row.documentTitle,
			slug: row.slug,
			status: row.status,
			language: row.language
		},
		rating:
			row.ratingKey && row.ratingLabels
				? {
						key: row.ratingKey,
						label: localized(row.ratingLabels, locale),
						color: row.ratingColor ?? ''
					}
				: null,
		date: new Date(row.date).toISOString()
	};
}

/**
 * The published documents whose latest version matches `query` (title, claims, rationales,
 * text), best first, with their rank: what the public list's search filters by. Published
 * content only: drafts never decide what the public finds.
 */
export function publishedMatch(query: SearchQuery): { where: SQL; rank: SQL } {
	const q = tsquery(query.tsquery);
	return {
		where: sql`exists (select 1 from document_search s where s.document_id = document.id and s.published @@ ${q})`,
		rank: sql`(select ts_rank_cd(s.published, ${q}, 1) from document_search s where s.document_id = document.id)`
	};
}

/** Up to this many titles matching a filter are read from the title index and then sorted. */
const FEW_TITLES = 1000;

/**
 * The condition for documents (as `document`) whose working title matches `query`: the
 * documents list's title filter. PostgreSQL cannot guess how many titles a word matches, so
 * they are counted (up to FEW_TITLES) to choose the plan: few are read from the title index
 * and sorted; many are met soon enough walking the list in its order.
 */
export async function titleMatch(db: Database, query: SearchQuery): Promise<SQL> {
	const q = tsquery(query.tsquery);
	const matches = sql`from document_search s where s.title @@ ${q}`;
	const [{ count }] = await rowsOf<{ count: number }>(
		db,
		sql`select count(*)::int as count from (select 1 ${matches} limit ${FEW_TITLES}) few`
	);
	return count < FEW_TITLES
		? sql`document.id = any(array(select s.document_id ${matches}))`
		: sql`exists (select 1 ${matches} and s.document_id = document.id)`;
}

/**
 * Claim matching ranks at most this many claims sharing two terms with the one being checked.
 * Where a claim's words are all very common, the most alike may be beyond them (measured in
 * the report of issue 8); a paraphrase usually shares rarer terms and is found.
 */
export const MATCH_CANDIDATES = 500;

/** Matches less alike than this are not shown: below it they are mostly the same topic only. */
export const MIN_SIMILARITY = 0.2;

/** The longest text matched, in characters: a claim is one sentence. */
export const MAX_MATCH_TEXT = 2000;

interface MatchRow {
	id: string;
	claimText: string;
	language: string;
	exact: string;
	claimant: string;
	ratingLabels: Record<string, string> | null;
	ratingLabel: string | null;
	ratingColor: string | null;
	ratingValue: number | null;
	bestRating: number | null;
	worstRating: number | null;
	publisher: string | null;
	title: string;
	slug: string | null;
	url: string | null;
	date: string | Date | null;
	retracted: boolean;
}

/**
 * Previously published verdicts on claims like claim `claimId` — the latest published
 * versions of other documents, and imported ClaimReviews — most alike first, at most `limit`,
 * none below MIN_SIMILARITY. `text` (what the editor is typing) replaces the claim's own
 * wording when given. AppError 404 when there is no such claim. Never shows a draft.
 */
export async function matches(
	db: Database,
	claimId: string,
	options: { text?: string; limit?: number; locale: string }
): Promise<Match[]> {
	const [own] = isUuid(claimId)
		? await rowsOf<{ documentId: string; claimText: string; exact: string }>(
				db,
				sql`select document_id as "documentId", claim_text as "claimText", exact from claim
					where id = ${claimId} and deleted_at is null`
			)
		: [];
	if (!own) {
		throw notFound('No such claim.');
	}
	const text = (options.text?.trim() || own.claimText || own.exact).slice(0, MAX_MATCH_TEXT);
	return similarClaims(db, text, {
		excludeDocument: own.documentId,
		limit: options.limit ?? 5,
		locale: options.locale
	});
}

/**
 * Published verdicts and imported ClaimReviews on claims like `text`, most alike first. The
 * index finds those sharing at least two of its rarest terms (findingTerms, pairQuery); the
 * few hundred best by ts_rank are scored by similarity in TypeScript.
 */
export async function similarClaims(
	db: Database,
	text: string,
	options: { excludeDocument?: string; limit: number; locale: string }
): Promise<Match[]> {
	const terms = claimTerms(text);
	const shares = await termShares(db, terms);
	const pairs = pairQuery(findingTerms(terms, (term) => shares.get(term)));
	const any = anyQuery(terms);
	if (!pairs || !any) {
		return [];
	}
	const exclude = options.excludeDocument ?? '00000000-0000-0000-0000-000000000000';
	const ranked = sql`with query as (select ${tsquery(pairs)} as pairs, ${tsquery(any)} as any)`;
	// Ours, theirs and our rating scale at once: on a server, three connections.
	const [ours, external, scale] = await Promise.all([
		rowsOf<MatchRow>(
			db,
			sql`${ranked},
		hits as materialized (
			select p.claim_id, p.claim_text, p.language, p.exact, p.claimant, p.rating, p.document_id,
				p.published_at, ts_rank(p.search, query.any) as rank
			from published_claim p, query
			where p.search @@ query.pairs and p.document_id <> ${exclude}::uuid limit ${MATCH_CANDIDATES}),
		best as (select * from hits order by rank desc limit 50)
		select p.claim_id as id, p.claim_text as "claimText", p.language, p.exact, p.claimant,
			p.rating->'labels' as "ratingLabels", null as "ratingLabel", p.rating->>'color' as "ratingColor",
			null as "ratingValue", null as "bestRating", null as "worstRating", null as publisher,
			d.title, d.slug, null as url, p.published_at as date, d.retracted_at is not null as retracted
		from best p join document d on d.id = p.document_id`
		),
		rowsOf<MatchRow>(
			db,
			sql`${ranked},
		hits as materialized (
			select s.external_id, ts_rank(s.search, query.any) as rank
			from external_claim_review_search s, query
			where s.search @@ query.pairs limit ${MATCH_CANDIDATES}),
		best as (select * from hits order by rank desc limit 50)
		select e.id, e.claim_reviewed as "claimText", e.language, '' as exact, e.claimant,
			null as "ratingLabels", e.rating_label as "ratingLabel", null as "ratingColor",
			e.rating_value as "ratingValue", e.best_rating as "bestRating", e.worst_rating as "worstRating",
			e.publisher, e.item_reviewed_url as title, null as slug, e.url, e.date_published as date,
			false as retracted
		from best h join external_claim_review e on e.id = h.external_id`
		),
		rowsOf<{ value: number; color: string }>(
			db,
			sql`select value, color from rating where value is not null and retired_at is null`
		)
	]);
	const wanted = claimTerms(text, roughStem);
	const alike = (row: MatchRow) =>
		Math.max(
			similarity(wanted, claimTerms(row.claimText, roughStem)),
			row.exact ? similarity(wanted, claimTerms(row.exact, roughStem)) : 0
		);
	return [
		...ours.map((row) => toMatch(row, 'factmark', options.locale, scale, alike(row))),
		...external.map((row) => toMatch(row, 'external', options.locale, scale, alike(row)))
	]
		.filter((match) => match.similarity >= MIN_SIMILARITY)
		.sort((a, b) => b.similarity - a.similarity)
		.slice(0, options.limit);
}

/** A term held by at most this many published claims is cheap to look through: rare enough. */
const FEW_CLAIMS = 1000;

/**
 * The share of published claims holding each of `terms`, for those PostgreSQL's statistics
 * list as common (ANALYZE keeps the most common lexemes of published_claim.search) and held by
 * more than FEW_CLAIMS; the others count as rare. A word is looked up by its English stem too.
 * Empty without statistics, as on a small or new collection.
 */
async function termShares(db: Database, terms: string[]): Promise<Map<string, number>> {
	const rows = await rowsOf<{ term: string; share: number }>(
		db,
		sql`with common as (
			select e.lexeme, e.share from pg_stats s,
				unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as e(lexeme, share)
			where s.schemaname = current_schema() and s.tablename = 'published_claim'
				and s.attname = 'search')
		select t.term, max(c.share) as share
		from jsonb_array_elements_text(${JSON.stringify(terms)}::jsonb) as t(term),
			-- Stemmed once per term, then joined by hash (not once per common lexeme).
			unnest(array[t.term, (ts_lexize('english_stem', t.term))[1]]) as l(lexeme)
			join common c on c.lexeme = l.lexeme
		group by t.term
		having max(c.share) * (select reltuples from pg_class where oid = 'published_claim'::regclass) > ${FEW_CLAIMS}`
	);
	return new Map(rows.map((row) => [row.term, Number(row.share)]));
}

function toMatch(
	row: MatchRow,
	source: Match['source'],
	locale: string,
	scale: { value: number; color: string }[],
	alike: number
): Match {
	return {
		source,
		id: row.id,
		claim: row.claimText || row.exact,
		language: row.language,
		claimant: row.claimant,
		rating: {
			label: row.ratingLabels ? localized(row.ratingLabels, locale) : (row.ratingLabel ?? ''),
			color: row.ratingColor ?? externalColor(row, scale)
		},
		publisher: row.publisher,
		title: row.title,
		date: row.date ? new Date(row.date).toISOString() : null,
		url:
			source === 'factmark'
				? `/fact-checks/${encodeURIComponent(row.slug ?? '')}#claim-${row.id}`
				: (row.url ?? ''),
		retracted: row.retracted,
		similarity: Math.round(alike * 100) / 100
	};
}

/**
 * Another fact-checker's rating in the colour of the nearest rating of our scale, placing its
 * value between its worst and best; null when it has no numeric value.
 */
function externalColor(row: MatchRow, scale: { value: number; color: string }[]): string | null {
	const { ratingValue: value, bestRating: best, worstRating: worst } = row;
	if (value === null || best === null || worst === null || best === worst || !scale.length) {
		return null;
	}
	const low = Math.min(...scale.map((r) => r.value));
	const high = Math.max(...scale.map((r) => r.value));
	const position = Math.min(1, Math.max(0, (value - worst) / (best - worst)));
	const target = low + position * (high - low);
	return scale.reduce((a, b) => (Math.abs(b.value - target) < Math.abs(a.value - target) ? b : a))
		.color;
}
