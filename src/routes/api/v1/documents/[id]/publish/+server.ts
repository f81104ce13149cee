import { requirePermission } from '$lib/server/auth';
import { api, json, methodNotAllowed, parse, readJson } from '$lib/server/http/problem';
import * as publishing from '$lib/server/publishing';
import { publication } from '$lib/server/review/input';

/** `{note?}` → 201 `{version, url}`; 409 unless approved; 422 without a note from version 2. */
export const POST = api(async (event) => {
	const user = requirePermission(event, 'document.publish');
	const { note } = parse(publication, await readJson(event));
	const published = await publishing.publish(event.locals.db, event.params.id ?? '', note, user);
	return json(published, 201, { location: published.url });
});

export const fallback = methodNotAllowed;
