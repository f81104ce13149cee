import { requirePermission } from '$lib/server/auth';
import * as evidence from '$lib/server/evidence';
import { evidencePatch } from '$lib/server/evidence/input';
import { api, ifMatch, json, methodNotAllowed, parse, readJson } from '$lib/server/http/problem';

export const GET = api(async (event) => {
	requirePermission(event, 'document.read');
	const found = await evidence.get(event.locals.db, event.params.id ?? '');
	const item = (await evidence.list(event.locals.db, found.claimId)).find((e) => e.id === found.id);
	return json(item, 200, { etag: `"${found.version}"` });
});

export const PATCH = api(async (event) => {
	const user = requirePermission(event, 'document.edit');
	const version = ifMatch(event);
	const patch = parse(evidencePatch, await readJson(event));
	const id = event.params.id ?? '';
	const updated = await evidence.update(event.locals.db, id, version, patch, user.id);
	return json(updated, 200, { etag: `"${updated.version}"` });
});

export const DELETE = api(async (event) => {
	const user = requirePermission(event, 'document.edit');
	await evidence.remove(event.locals.db, event.params.id ?? '', user.id);
	return new Response(null, { status: 204 });
});

export const fallback = methodNotAllowed;
