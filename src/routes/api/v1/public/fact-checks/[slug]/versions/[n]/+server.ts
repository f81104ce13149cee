import { api, json, methodNotAllowed } from '$lib/server/http/problem';
import * as publishing from '$lib/server/publishing';
import { organisation, versionJson, versionNumber } from '$lib/server/publishing/json';

/** Public: version n of a fact-check, which never changes. */
export const GET = api(async (event) => {
	const n = versionNumber(event.params.n);
	const v = await publishing.publicVersion(event.locals.db, event.params.slug ?? '', n);
	const publisher = await organisation(event.locals.db, event.url.origin);
	return json(versionJson(v, event.url.origin, publisher));
});

export const fallback = methodNotAllowed;
