import { requirePermission } from '$lib/server/auth';
import * as claims from '$lib/server/claims';
import { claimPatch } from '$lib/server/claims/input';
import { AppError } from '$lib/server/errors';
import { api, json, methodNotAllowed, parse, readJson } from '$lib/server/http/problem';

export const GET = api(async (event) => {
	requirePermission(event, 'document.read');
	const found = await claims.get(event.locals.db, event.params.id ?? '');
	return json(claims.toJson(found), 200, { etag: `"${found.version}"` });
});

/** Changes need the version they start from, as `If-Match: "<version>"`. */
export const PATCH = api(async (event) => {
	const user = requirePermission(event, 'document.edit');
	const ifMatch = event.request.headers.get('if-match')?.match(/^(?:W\/)?"?(\d{1,9})"?$/);
	if (!ifMatch) {
		throw new AppError(428, 'Send If-Match with the claim\u2019s version, as If-Match: "3".');
	}
	const patch = parse(claimPatch, await readJson(event));
	const updated = await claims.update(
		event.locals.db,
		event.params.id ?? '',
		Number(ifMatch[1]),
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
