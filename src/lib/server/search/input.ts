import { MAX_QUERY_LENGTH, parseQuery, type SearchQuery } from '$lib/search';
import { invalid } from '$lib/server/errors';
import { MAX_MATCH_TEXT, type SearchType } from './index';

/** The `type` values of the API and the search page: plural, as the collections are named. */
export const typeNames = {
	documents: 'document',
	claims: 'claim',
	verdicts: 'verdict'
} as const satisfies Record<string, SearchType>;

export interface SearchInput {
	query: SearchQuery;
	q: string;
	type: SearchType | undefined;
	limit: number;
	offset: number;
}

/**
 * Reads `?q=&type=&limit=&cursor=` of a search. AppError 422 (naming the parameter) for an
 * empty or too long query, one with nothing searchable in it (only punctuation or symbols), an
 * unknown type, or a limit or cursor that is not one this API gives out.
 */
export function readSearch(params: URLSearchParams, defaultLimit = 20): SearchInput {
	const q = (params.get('q') ?? '').trim();
	if (!q) {
		throw invalid('q', 'required', 'Say what to search for.');
	}
	if ([...q].length > MAX_QUERY_LENGTH) {
		throw invalid('q', 'too_long', `A search is at most ${MAX_QUERY_LENGTH} characters.`);
	}
	const query = parseQuery(q);
	if (!query) {
		throw invalid('q', 'no_terms', 'The search has no letters or digits to look for.');
	}
	const typeName = params.get('type') ?? '';
	if (typeName && !(typeName in typeNames)) {
		throw invalid('type', 'unknown', `type is one of ${Object.keys(typeNames).join(', ')}.`);
	}
	const type = typeName ? typeNames[typeName as keyof typeof typeNames] : undefined;
	const limit = whole(params.get('limit'), 'limit', defaultLimit, 1, 200);
	const offset = whole(params.get('cursor'), 'cursor', 0, 0, 1_000_000);
	return { query, q, type, limit, offset };
}

function whole(value: string | null, name: string, fallback: number, min: number, max: number) {
	if (value === null || value === '') {
		return fallback;
	}
	const n = /^\d{1,7}$/.test(value) ? Number(value) : NaN;
	if (!(n >= min && n <= max)) {
		throw invalid(name, 'range', `${name} is a whole number from ${min} to ${max}.`);
	}
	return n;
}

/**
 * Reads `?text=&limit=` of claim matching: the text to match instead of the claim's own
 * (optional), at most MAX_MATCH_TEXT characters, and up to 20 matches. AppError 422 otherwise.
 */
export function readMatch(params: URLSearchParams): { text: string | undefined; limit: number } {
	const text = params.get('text') ?? undefined;
	if (text !== undefined && [...text].length > MAX_MATCH_TEXT) {
		throw invalid('text', 'too_long', `text is at most ${MAX_MATCH_TEXT} characters.`);
	}
	return { text, limit: whole(params.get('limit'), 'limit', 5, 1, 20) };
}
