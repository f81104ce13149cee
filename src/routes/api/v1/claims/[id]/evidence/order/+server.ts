import { requirePermission } from '$lib/server/auth';
import * as evidence from '$lib/server/evidence';
import { evidenceOrder } from '$lib/server/evidence/input';
import { api, json, methodNotAllowed, parse, readJson } from '$lib/server/http/problem';

/** `{ids}`: every evidence item of the claim, in the new order. */
export const PUT = api(async (event) => {
	const user = requirePermission(event, 'document.edit');
	const { ids } = parse(evidenceOrder, await readJson(event));
	const items = await evidence.reorder(event.locals.db, event.params.id ?? '', ids, user.id);
	return json({ items, nextCursor: null });
});

export const fallback = methodNotAllowed;
