import { requirePermission } from '$lib/server/auth';
import * as comments from '$lib/server/comments';
import { commentPatch } from '$lib/server/comments/input';
import { api, json, methodNotAllowed, parse, readJson } from '$lib/server/http/problem';

/** `{body}`: one's own comment only. */
export const PATCH = api(async (event) => {
	const user = requirePermission(event, 'claim.comment');
	const { body } = parse(commentPatch, await readJson(event));
	const updated = await comments.update(event.locals.db, event.params.id ?? '', body, user.id);
	return json(
		(await comments.list(event.locals.db, updated.claimId)).find((c) => c.id === updated.id)
	);
});

export const DELETE = api(async (event) => {
	const user = requirePermission(event, 'claim.comment');
	await comments.remove(event.locals.db, event.params.id ?? '', user.id);
	return new Response(null, { status: 204 });
});

export const fallback = methodNotAllowed;
