import { invalid } from '$lib/server/errors';
import { isUuid } from '$lib/server/db';

/**
 * Keyset pagination for lists ordered by a timestamp and then an id: a page
 * continues after the last row of the one before, however many rows there are, and rows added
 * meanwhile neither repeat nor push others off the page.
 */
export interface Page {
	limit: number;
	/** The last row of the previous page: its timestamp exactly as PostgreSQL printed it. */
	after: { at: string; id: string } | null;
}

const limitPattern = /^\d{1,3}$/;

/**
 * `?limit=` (1–200, default 50) and `?cursor=` of a list request. AppError 422 for a limit out
 * of range or a cursor this API did not give out.
 */
export function readPage(url: URL, defaultLimit = 50): Page {
	const rawLimit = url.searchParams.get('limit');
	const limit = rawLimit === null ? defaultLimit : Number(rawLimit);
	if (rawLimit !== null && (!limitPattern.test(rawLimit) || limit < 1 || limit > 200)) {
		throw invalid('limit', 'limit', 'limit is a whole number from 1 to 200.');
	}
	const cursor = url.searchParams.get('cursor');
	return { limit, after: cursor ? decode(cursor) : null };
}

function decode(cursor: string): Page['after'] {
	const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
	if (!id || !isUuid(id) || Number.isNaN(Date.parse(at))) {
		throw invalid('cursor', 'cursor', 'cursor is not one this API gave out.');
	}
	return { at, id };
}

/**
 * The page out of `rows`, fetched with one row more than `page.limit`; `nextCursor` is null
 * on the last page.
 */
export function pageOf<T extends { id: string }>(
	rows: T[],
	page: Page,
	at: (row: T) => string
): { items: T[]; nextCursor: string | null } {
	const items = rows.slice(0, page.limit);
	const last = items.at(-1);
	return {
		items,
		nextCursor:
			rows.length > page.limit && last
				? Buffer.from(`${at(last)}|${last.id}`).toString('base64url')
				: null
	};
}
