import { orErrorPage } from '$lib/server/http/form';
import * as publishing from '$lib/server/publishing';
import { claimReviews, organisation } from '$lib/server/publishing/json';
import { paragraphs } from './source-text';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	// Public: anyone may read a published fact-check, so there is no permission check here.
	// publicVersion is 404 for anything unpublished; drafts never reach this page.
	const v = await orErrorPage(publishing.publicVersion(locals.db, params.slug, null));
	const publisher = await organisation(locals.db, url.origin);
	// The verdicts in the order their claims appear in the text.
	const claims = [...v.snapshot.claims].sort((a, b) => a.start - b.start || b.end - a.end);
	return {
		version: v.version,
		publishedAt: v.publishedAt,
		retracted: v.retracted,
		history: v.history,
		document: {
			title: v.snapshot.title,
			slug: v.snapshot.slug,
			language: v.snapshot.language,
			sourceUrl: v.snapshot.sourceUrl,
			publisher: v.snapshot.publisher,
			author: v.snapshot.author,
			sourcePublishedAt: v.snapshot.sourcePublishedAt
		},
		paragraphs: paragraphs(v.snapshot.text, claims),
		claims: claims.map(({ rationale: _json, ...claim }) => claim),
		credits: v.snapshot.credits,
		url: `${url.origin}/fact-checks/${encodeURIComponent(v.snapshot.slug)}`,
		claimReviews: claimReviews(v, url.origin, publisher)
	};
};
