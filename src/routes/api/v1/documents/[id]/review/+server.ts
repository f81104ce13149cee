import { requirePermission } from '$lib/server/auth';
import { api, json, methodNotAllowed, parse, readJson } from '$lib/server/http/problem';
import * as review from '$lib/server/review';
import { decision } from '$lib/server/review/input';

/** `{decision, comment?, claimComments?}` → `{status, round}`; 403 under four eyes. */
export const POST = api(async (event) => {
	const user = requirePermission(event, 'review.decide');
	const input = parse(decision, await readJson(event));
	return json(await review.decide(event.locals.db, event.params.id ?? '', input, user));
});

export const fallback = methodNotAllowed;
