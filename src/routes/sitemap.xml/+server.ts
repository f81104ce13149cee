import { sitemap } from '$lib/feeds';
import * as publishing from '$lib/server/publishing';
import type { RequestHandler } from './$types';

/** Public: every public page, for search engines. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const versions = await publishing.allVersions(locals.db, 45_000);
	return new Response(sitemap(versions, url.origin), {
		headers: {
			'content-type': 'application/xml; charset=utf-8',
			'cache-control': 'public, max-age=3600'
		}
	});
};
