import { atom } from '$lib/feeds';
import * as publishing from '$lib/server/publishing';
import * as settings from '$lib/server/settings';
import type { RequestHandler } from './$types';

/** Public: an Atom feed with one entry per published version. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const versions = await publishing.allVersions(locals.db, 100);
	const name = await settings.get(locals.db, 'organisationName');
	return new Response(atom(versions, url.origin, name), {
		headers: {
			'content-type': 'application/atom+xml; charset=utf-8',
			'cache-control': 'public, max-age=300'
		}
	});
};
