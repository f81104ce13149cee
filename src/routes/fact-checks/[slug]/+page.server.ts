import { factCheckPage } from '$lib/server/publishing/page';
import type { PageServerLoad } from './$types';

// Public: anyone may read a published fact-check, so there is no permission check here.
export const load: PageServerLoad = ({ locals, params, url }) =>
	factCheckPage(locals.db, params.slug, null, url.origin);
