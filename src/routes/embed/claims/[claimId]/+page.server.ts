import { orErrorPage } from '$lib/server/http/form';
import * as publishing from '$lib/server/publishing';
import type { PageServerLoad } from './$types';

// Public: a published claim's verdict as a small card for other sites to frame (the one page
// that may be framed: see hooks.server.ts); 404 for anything unpublished.
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { version, claim } = await orErrorPage(publishing.publicClaim(locals.db, params.claimId));
	const slug = encodeURIComponent(version.snapshot.slug);
	return {
		language: version.snapshot.language,
		title: version.snapshot.title,
		claim: { text: claim.claimText || claim.exact, rating: claim.rating },
		url: `${url.origin}/fact-checks/${slug}/claims/${claim.id}`
	};
};
