import { requirePermission } from '$lib/server/auth';
import { api, json, methodNotAllowed, parse, readJson } from '$lib/server/http/problem';
import * as publishing from '$lib/server/publishing';
import { retraction } from '$lib/server/review/input';

/** `{reason}` → `{status: "retracted"}`; the published versions stay readable. */
export const POST = api(async (event) => {
	const user = requirePermission(event, 'document.retract');
	const { reason } = parse(retraction, await readJson(event));
	return json(await publishing.retract(event.locals.db, event.params.id ?? '', reason, user));
});

export const fallback = methodNotAllowed;
