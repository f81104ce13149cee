import { requirePermission } from '$lib/server/auth';
import * as claims from '$lib/server/claims';
import * as documents from '$lib/server/documents';
import { api, json, methodNotAllowed } from '$lib/server/http/problem';

export const GET = api(async (event) => {
	requirePermission(event, 'document.read');
	const found = await documents.get(event.locals.db, event.params.id ?? '');
	const rows = await claims.list(event.locals.db, found.id);
	return json(
		{ ...documents.toJson(found), text: found.text, claims: rows.map(claims.toJson) },
		200,
		{ etag: `"${found.version}"` }
	);
});

export const fallback = methodNotAllowed;
