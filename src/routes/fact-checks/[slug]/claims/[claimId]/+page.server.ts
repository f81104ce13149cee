import { claimPage } from '$lib/server/publishing/page';
import type { PageServerLoad } from './$types';

// Public: one published claim's verdict, to share; 404 for anything unpublished.
export const load: PageServerLoad = ({ locals, params, url }) =>
	claimPage(locals.db, params.slug, params.claimId, url.origin);
