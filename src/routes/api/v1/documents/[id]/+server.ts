import * as v from 'valibot';
import { requirePermission } from '$lib/server/auth';
import * as claims from '$lib/server/claims';
import * as documents from '$lib/server/documents';
import { api, json, methodNotAllowed, parse, readJson } from '$lib/server/http/problem';

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

const documentPatch = v.strictObject({
	assigneeId: v.nullable(
		v.pipe(v.string('assigneeId is a user id.'), v.uuid('assigneeId is a user id.'))
	)
});

/** `{assigneeId}`: assigns the document to an editor, or to nobody with null. */
export const PATCH = api(async (event) => {
	const user = requirePermission(event, 'document.assign');
	const { assigneeId } = parse(documentPatch, await readJson(event));
	const updated = await documents.assign(
		event.locals.db,
		event.params.id ?? '',
		assigneeId,
		user.id
	);
	return json(documents.toJson(updated), 200, { etag: `"${updated.version}"` });
});

export const fallback = methodNotAllowed;
