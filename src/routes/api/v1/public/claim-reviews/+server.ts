import { dataFeed } from '$lib/claimreview';
import { api, json, methodNotAllowed } from '$lib/server/http/problem';
import * as publishing from '$lib/server/publishing';
import { claimReviews, organisation } from '$lib/server/publishing/json';

/** Public: every ClaimReview of the latest published versions, as one schema.org DataFeed. */
export const GET = api(async (event) => {
	const publisher = await organisation(event.locals.db, event.url.origin);
	const list = await publishing.publicList(event.locals.db);
	const reviews = [];
	let modified = new Date(0);
	for (const item of list.filter((entry) => !entry.retracted)) {
		const v = await publishing.publicVersion(event.locals.db, item.slug, item.version);
		reviews.push(...claimReviews(v, event.url.origin, publisher));
		modified = v.publishedAt > modified ? v.publishedAt : modified;
	}
	return json(dataFeed(reviews, modified), 200, { 'content-type': 'application/ld+json' });
});

export const fallback = methodNotAllowed;
