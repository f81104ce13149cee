import { api, json, methodNotAllowed } from '$lib/server/http/problem';
import * as publishing from '$lib/server/publishing';
import { organisation, versionJson } from '$lib/server/publishing/json';

/** Public: the latest published version of a fact-check. */
export const GET = api(async (event) => {
	const v = await publishing.publicVersion(event.locals.db, event.params.slug ?? '', null);
	const publisher = await organisation(event.locals.db, event.url.origin);
	return json(versionJson(v, event.url.origin, publisher));
});

export const fallback = methodNotAllowed;
