import { requirePermission } from '$lib/server/auth';
import { api, ifMatch, json, methodNotAllowed, parse, readJson } from '$lib/server/http/problem';
import * as ratingScale from '$lib/server/rating-scale';
import { ratingPatch } from '$lib/server/rating-scale/input';
import { getLocale } from '$lib/paraglide/runtime';

export const GET = api(async (event) => {
	const found = await ratingScale.get(event.locals.db, event.params.key ?? '');
	return json(ratingScale.toJson(found, getLocale()), 200, { etag: `"${found.version}"` });
});

/** `{labels?, descriptions?, color?, value?, retired?}` with If-Match. */
export const PATCH = api(async (event) => {
	const user = requirePermission(event, 'rating_scale.manage');
	const version = ifMatch(event);
	const patch = parse(ratingPatch, await readJson(event));
	const key = event.params.key ?? '';
	const updated = await ratingScale.update(event.locals.db, key, version, patch, user.id);
	return json(ratingScale.toJson(updated, getLocale()), 200, { etag: `"${updated.version}"` });
});

export const fallback = methodNotAllowed;
