/**
 * Reading schema.org ClaimReview published by other fact-checkers (https://schema.org/ClaimReview,
 * as Google's Fact Check markup documents it), to keep as references that claim matching can
 * find. Pure. Everything in it is untrusted: strings are cleaned and kept as text, links are
 * kept only when they are http(s), and nothing here throws for what a page may hold.
 */

/** What Factmark keeps of another fact-checker's ClaimReview. */
export interface ExternalReview {
	/** The fact-check's own address: http(s), normalised; one review per address. */
	url: string;
	claimReviewed: string;
	/** Who made the claim (itemReviewed.author.name). */
	claimant: string;
	/** Who checked it (author.name, else publisher.name). */
	publisher: string;
	ratingLabel: string;
	ratingValue: number | null;
	bestRating: number | null;
	worstRating: number | null;
	/** BCP 47, or '' when not given or not a language tag. */
	language: string;
	datePublished: Date | null;
	/** Where the claim appeared (itemReviewed.appearance or firstAppearance url). */
	itemReviewedUrl: string;
	/** The ClaimReview as given. */
	json: Record<string, unknown>;
}

/** Why an item found in the input is not kept. Stable codes: the UI words each one. */
export type Refusal = 'malformed' | 'no_url' | 'bad_url' | 'no_claim' | 'too_long';

export type Mapped =
	| { ok: true; review: ExternalReview }
	| { ok: false; reason: Refusal; detail: string; url?: string };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const many = (value: unknown): unknown[] =>
	Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];

/** The longest claim summary kept, as a claim's "claim as checked". */
export const MAX_CLAIM_REVIEWED = 2_000;
/** The most ClaimReviews one import takes. */
export const MAX_REVIEWS = 1_000;
const MAX_NAME = 300;
const MAX_URL = 2_000;

/** True when a JSON-LD node's type names `name` (`ClaimReview`, `schema:ClaimReview`, …). */
function hasType(node: Json, name: string): boolean {
	return many(node['@type'] ?? node.type).some(
		(type) =>
			typeof type === 'string' &&
			(type === name || type.endsWith(`:${name}`) || type.endsWith(`/${name}`))
	);
}

/** The type of a node, for saying what was skipped. */
function typeOf(node: unknown): string {
	if (!isObject(node)) {
		return Array.isArray(node) ? 'array' : typeof node;
	}
	const type = many(node['@type'] ?? node.type).find((entry) => typeof entry === 'string');
	return typeof type === 'string' ? type.slice(0, 60) : 'untyped';
}

/**
 * Text as kept: the first string of a value (a JSON-LD `@value` too), NFC, control characters
 * and runs of whitespace made single spaces, trimmed.
 */
function text(value: unknown): string {
	const first = many(value)[0];
	const raw = isObject(first) ? first['@value'] : first;
	if (typeof raw !== 'string' && typeof raw !== 'number') {
		return '';
	}
	return String(raw)
		.normalize('NFC')
		.replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ')
		.trim();
}

/** `value` cut to `max` UTF-16 units, never between the halves of a surrogate pair. */
function cap(value: string, max: number): string {
	if (value.length <= max) {
		return value;
	}
	const end = /[\uD800-\uDBFF]/.test(value.charAt(max - 1)) ? max - 1 : max;
	return value.slice(0, end);
}

/** A name: of a Person or Organization node, or a bare string. */
function nameOf(value: unknown): string {
	const first = many(value)[0];
	return cap(isObject(first) ? text(first.name) || text(first.legalName) : text(first), MAX_NAME);
}

/** An http(s) URL, normalised, or null. */
function httpUrl(value: unknown): string | null {
	const first = many(value)[0];
	const raw = text(isObject(first) ? (first.url ?? first['@id']) : first);
	if (!raw || raw.length > MAX_URL) {
		return null;
	}
	try {
		const url = new URL(raw);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
	} catch {
		return null;
	}
}

/** A finite number from a number or a numeric string ("4", "4.5"), else null. */
function numberOf(value: unknown): number | null {
	const first = many(value)[0];
	const raw = isObject(first) ? first['@value'] : first;
	const number =
		typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() ? Number(raw) : NaN;
	return Number.isFinite(number) ? number : null;
}

/** A date of ISO 8601 form (a day, or a time), else null. */
function dateOf(value: unknown): Date | null {
	const raw = text(value);
	if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw)) {
		return null;
	}
	const date = new Date(raw.length === 10 ? `${raw}T00:00:00Z` : raw.replace(' ', 'T'));
	return Number.isNaN(date.getTime()) ? null : date;
}

/** A BCP 47 tag, from a string or a Language node (its alternateName or name). */
function languageOf(value: unknown): string {
	const first = many(value)[0];
	const raw = isObject(first) ? text(first.alternateName) || text(first.name) : text(first);
	return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/.test(raw) ? raw : '';
}

/**
 * Maps one ClaimReview node to what is kept. Refused, with the reason: no `url`, one that is
 * not http(s), no `claimReviewed` (text), or a summary longer than MAX_CLAIM_REVIEWED.
 */
export function mapClaimReview(node: Json): Mapped {
	const given = text(node.url);
	const url = httpUrl(node.url);
	if (!given) {
		return { ok: false, reason: 'no_url', detail: 'A ClaimReview needs its url.' };
	}
	if (!url) {
		return {
			ok: false,
			reason: 'bad_url',
			detail: 'The url must be an http or https address.',
			url: cap(given, 200)
		};
	}
	const claimReviewed = text(node.claimReviewed);
	if (!claimReviewed) {
		return { ok: false, reason: 'no_claim', detail: 'The ClaimReview has no claimReviewed.', url };
	}
	if (claimReviewed.length > MAX_CLAIM_REVIEWED) {
		return {
			ok: false,
			reason: 'too_long',
			detail: `claimReviewed has more than ${MAX_CLAIM_REVIEWED} characters.`,
			url
		};
	}
	const item = many(node.itemReviewed).find(isObject) ?? {};
	const rating = many(node.reviewRating).find(isObject) ?? {};
	return {
		ok: true,
		review: {
			url,
			claimReviewed,
			claimant: nameOf(item.author),
			publisher: nameOf(node.author) || nameOf(node.publisher),
			ratingLabel: cap(text(rating.alternateName) || text(rating.name), MAX_NAME),
			ratingValue: numberOf(rating.ratingValue),
			bestRating: numberOf(rating.bestRating),
			worstRating: numberOf(rating.worstRating),
			language: languageOf(node.inLanguage),
			datePublished: dateOf(node.datePublished),
			itemReviewedUrl:
				many(item.appearance)
					.concat(many(item.firstAppearance))
					.map(httpUrl)
					.find((found) => found !== null) ?? '',
			json: node
		}
	};
}

/** The JSON-LD blocks of an HTML page (`<script type="application/ld+json">`), as texts. */
export function jsonLdBlocks(html: string): string[] {
	const blocks: string[] = [];
	const pattern =
		/<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;
	for (const match of html.matchAll(pattern)) {
		blocks.push(match[1]);
	}
	return blocks;
}

/** One item found in the input: a ClaimReview node, or something else and what it is. */
export type Found =
	| { kind: 'review'; node: Json }
	| { kind: 'other'; type: string }
	| { kind: 'malformed'; detail: string };

/**
 * The ClaimReviews in parsed JSON-LD, in document order: the node itself, an array, a `@graph`,
 * a schema.org DataFeed (its elements, or their `item`s), and ClaimReviews under a page's
 * `review` (a NewsArticle holding its fact-check). Other nodes are listed as `other`.
 */
export function findClaimReviews(input: unknown): Found[] {
	const found: Found[] = [];
	const visit = (node: unknown, depth: number) => {
		if (depth > 6) {
			return;
		}
		if (Array.isArray(node)) {
			node.forEach((child) => visit(child, depth + 1));
			return;
		}
		if (!isObject(node)) {
			found.push({ kind: 'other', type: typeOf(node) });
			return;
		}
		if (hasType(node, 'ClaimReview')) {
			found.push({ kind: 'review', node });
			return;
		}
		const children = [
			...many(node['@graph']),
			...many(node.dataFeedElement),
			...(hasType(node, 'DataFeedItem') ? many(node.item) : []),
			...many(node.review).filter((child) => isObject(child) && hasType(child, 'ClaimReview'))
		];
		if (children.length > 0) {
			children.forEach((child) => visit(child, depth + 1));
			return;
		}
		found.push({ kind: 'other', type: typeOf(node) });
	};
	visit(input, 0);
	return found;
}

/**
 * The ClaimReviews in what someone pasted or uploaded: JSON-LD (a ClaimReview, an array, a
 * `@graph`, a DataFeed), or a page's HTML, whose every `application/ld+json` block is read.
 * A block that is not JSON is reported as malformed; the others still count. `problem` when
 * the input is neither JSON nor HTML with JSON-LD.
 */
export function readClaimReviews(
	source: string
): { found: Found[] } | { problem: string; code: 'invalid_json' | 'no_json_ld' } {
	const trimmed = source.replace(/^\uFEFF/, '').trim();
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
		try {
			return { found: findClaimReviews(JSON.parse(trimmed)) };
		} catch {
			return { problem: 'This is not valid JSON.', code: 'invalid_json' };
		}
	}
	const blocks = jsonLdBlocks(trimmed);
	if (blocks.length === 0) {
		return {
			problem:
				'Paste ClaimReview JSON-LD, or the HTML of a fact-check page with <script type="application/ld+json"> blocks.',
			code: 'no_json_ld'
		};
	}
	return {
		found: blocks.flatMap((block, number): Found[] => {
			try {
				return findClaimReviews(JSON.parse(block.trim()));
			} catch {
				return [
					{
						kind: 'malformed',
						detail: `JSON-LD block ${number + 1} of the page is not valid JSON.`
					}
				];
			}
		})
	};
}
