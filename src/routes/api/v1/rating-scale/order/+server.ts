import { requirePermission } from '$lib/server/auth';
import { api, json, methodNotAllowed, parse, readJson } from '$lib/server/http/problem';
import * as ratingScale from '$lib/server/rating-scale';
import { ratingOrder } from '$lib/server/rating-scale/input';
import { getLocale } from '$lib/paraglide/runtime';

/** `{keys}`: every rating of the scale, in the new order. */
export const PUT = api(async (event) => {
	const user = requirePermission(event, 'rating_scale.manage');
	const { keys } = parse(ratingOrder, await readJson(event));
	const rows = await ratingScale.reorder(event.locals.db, keys, user.id);
	return json(rows.map((row) => ratingScale.toJson(row, getLocale())));
});

export const fallback = methodNotAllowed;
