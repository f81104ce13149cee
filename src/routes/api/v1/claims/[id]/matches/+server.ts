import { requirePermission } from '$lib/server/auth';
import { api, json, methodNotAllowed } from '$lib/server/http/problem';
import * as search from '$lib/server/search';
import { readMatch } from '$lib/server/search/input';
import { getLocale } from '$lib/paraglide/runtime';

/**
 * Published verdicts (ours, and imported ClaimReviews) on claims like this one, most alike
 * first; `?text=` matches what the editor is typing instead of the claim's saved words.
 */
export const GET = api(async (event) => {
	requirePermission(event, 'document.read');
	const { text, limit } = readMatch(event.url.searchParams);
	const items = await search.matches(event.locals.db, event.params.id ?? '', {
		text,
		limit,
		locale: getLocale()
	});
	return json({ items, nextCursor: null });
});

export const fallback = methodNotAllowed;
