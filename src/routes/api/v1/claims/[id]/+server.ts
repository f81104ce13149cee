import { requirePermission } from '$lib/server/auth';
import * as claims from '$lib/server/claims';
import { claimPatch } from '$lib/server/claims/input';
import * as evidence from '$lib/server/evidence';
import { api, ifMatch, json, methodNotAllowed, parse, readJson } from '$lib/server/http/problem';

export const GET = api(async (event) => {
	requirePermission(event, 'document.read');
	const found = await claims.get(event.locals.db, event.params.id ?? '');
	const items = await evidence.list(event.locals.db, found.id);
	return json({ ...claims.toJson(found), evidence: items }, 200, { etag: `"${found.version}"` });
});

/** Changes need the version they start from, as `If-Match: "<version>"`. */
export const PATCH = api(async (event) => {
	const user = requirePermission(event, 'document.edit');
	const version = ifMatch(event);
	const patch = parse(claimPatch, await readJson(event));
	const updated = await claims.update(
		event.locals.db,
		event.params.id ?? '',
		version,
		patch,
		user.id
	);
	return json(claims.toJson(updated), 200, { etag: `"${updated.version}"` });
});

export const DELETE = api(async (event) => {
	const user = requirePermission(event, 'document.edit');
	await claims.remove(event.locals.db, event.params.id ?? '', user.id);
	return new Response(null, { status: 204 });
});

export const fallback = methodNotAllowed;
