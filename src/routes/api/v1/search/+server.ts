import { requirePermission } from '$lib/server/auth';
import { api, json, methodNotAllowed } from '$lib/server/http/problem';
import * as search from '$lib/server/search';
import { readSearch } from '$lib/server/search/input';
import { getLocale } from '$lib/paraglide/runtime';

/** Documents, claims and published verdicts matching `?q=`, best first; `?type=&limit=&cursor=`. */
export const GET = api(async (event) => {
	requirePermission(event, 'document.read');
	const input = readSearch(event.url.searchParams, 50);
	return json(
		await search.search(event.locals.db, input.query, {
			type: input.type,
			limit: input.limit,
			offset: input.offset,
			locale: getLocale()
		})
	);
});

export const fallback = methodNotAllowed;
