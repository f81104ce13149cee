import { requirePermission } from '$lib/server/auth';
import { api, json, methodNotAllowed } from '$lib/server/http/problem';
import * as review from '$lib/server/review';

/** → `{status, round}`; 422 with `incomplete: [{claimId, number, quote, lacks}]`. */
export const POST = api(async (event) => {
	const user = requirePermission(event, 'document.edit');
	return json(await review.submit(event.locals.db, event.params.id ?? '', user));
});

export const fallback = methodNotAllowed;
