import * as v from 'valibot';
import { pageQuery } from '$lib/server/http/problem';

/**
 * The query of the references list: `?q=`, and the API's paging (`?limit=` 1–200, default 50;
 * `?cursor=` as given in `nextCursor`).
 */
export const listQuery = v.object({
	q: v.optional(v.pipe(v.string(), v.maxLength(200, 'q has at most 200 characters.')), ''),
	...pageQuery.entries
});

/**
 * A ClaimReview import through the API: JSON-LD as published (a ClaimReview, an array of them,
 * a `@graph` or a DataFeed). Only its shape is checked here; each ClaimReview in it is checked
 * on its own and reported.
 */
// The array first: an array is an object too, and looseObject would turn it into one.
export const claimReviewImport = v.union(
	[v.array(v.unknown()), v.looseObject({})],
	'Send ClaimReview JSON-LD: an object or an array.'
);
