import { requirePermission } from '$lib/server/auth';
import { api, json, methodNotAllowed, parse, readJson } from '$lib/server/http/problem';
import * as ratingScale from '$lib/server/rating-scale';
import { newRating } from '$lib/server/rating-scale/input';
import { getLocale } from '$lib/paraglide/runtime';

/** Public: the scale is what every published verdict is rated on. Retired ratings included. */
export const GET = api(async (event) => {
	const rows = await ratingScale.list(event.locals.db);
	return json(rows.map((row) => ratingScale.toJson(row, getLocale())));
});

export const POST = api(async (event) => {
	const user = requirePermission(event, 'rating_scale.manage');
	const input = parse(newRating, await readJson(event));
	const created = await ratingScale.create(event.locals.db, input, user.id);
	return json(ratingScale.toJson(created, getLocale()), 201, { etag: `"${created.version}"` });
});

export const fallback = methodNotAllowed;
