import { api, json, methodNotAllowed, paginate } from '$lib/server/http/problem';
import * as publishing from '$lib/server/publishing';

/** Public: published fact-checks, newest first; `?q=&rating=&language=`. */
export const GET = api(async (event) => {
	const query = event.url.searchParams;
	const list = await publishing.publicList(event.locals.db, {
		q: query.get('q')?.trim().slice(0, 200) || undefined,
		rating: query.get('rating')?.slice(0, 40) || undefined,
		language: query.get('language')?.slice(0, 35) || undefined
	});
	return json(paginate(event.url, list));
});

export const fallback = methodNotAllowed;
