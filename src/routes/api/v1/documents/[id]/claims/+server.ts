import { requirePermission } from '$lib/server/auth';
import * as claims from '$lib/server/claims';
import * as documents from '$lib/server/documents';
import { newClaim } from '$lib/server/claims/input';
import { api, json, methodNotAllowed, parse, readJson } from '$lib/server/http/problem';

export const GET = api(async (event) => {
	requirePermission(event, 'document.read');
	const found = await documents.get(event.locals.db, event.params.id ?? '');
	const rows = await claims.list(event.locals.db, found.id);
	return json({ items: rows.map(claims.toJson), nextCursor: null });
});

export const POST = api(async (event) => {
	const user = requirePermission(event, 'document.edit');
	const input = parse(newClaim, await readJson(event));
	const created = await claims.create(event.locals.db, event.params.id ?? '', input, user.id);
	return json(claims.toJson(created), 201, {
		location: `/api/v1/claims/${created.id}`,
		etag: `"${created.version}"`
	});
});

export const fallback = methodNotAllowed;
