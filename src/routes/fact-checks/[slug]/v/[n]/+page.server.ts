import { error } from '@sveltejs/kit';
import { factCheckPage } from '$lib/server/publishing/page';
import type { PageServerLoad } from './$types';

// Public: every published version stays readable, with what changed from the one before.
export const load: PageServerLoad = ({ locals, params, url }) => {
	if (!/^[1-9]\d{0,5}$/.test(params.n)) {
		error(404, 'No such version.');
	}
	return factCheckPage(locals.db, params.slug, Number(params.n), url.origin);
};
