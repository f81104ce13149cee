import * as v from 'valibot';

/**
 * The query of the references list: `?q=`, and the API's paging (`?limit=` 1–200, default 50;
 * `?cursor=` as given in `nextCursor`).
 */
export const listQuery = v.object({
	q: v.optional(v.pipe(v.string(), v.maxLength(200, 'q has at most 200 characters.')), ''),
	limit: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^\d{1,3}$/, 'limit is a whole number from 1 to 200.'),
			v.transform(Number),
			v.minValue(1, 'limit is at least 1.'),
			v.maxValue(200, 'limit is at most 200.')
		),
		'50'
	),
	cursor: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^\d{1,9}$/, 'cursor is not one this API gave out.'),
			v.transform(Number)
		),
		'0'
	)
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
