import { requirePermission } from '$lib/server/auth';
import * as claims from '$lib/server/claims';
import * as comments from '$lib/server/comments';
import { newComment } from '$lib/server/comments/input';
import { api, json, methodNotAllowed, parse, readJson } from '$lib/server/http/problem';

export const GET = api(async (event) => {
	requirePermission(event, 'document.read');
	const found = await claims.get(event.locals.db, event.params.id ?? '');
	return json({ items: await comments.list(event.locals.db, found.id), nextCursor: null });
});

/** `{body, parentId?}`; `@name` mentions notify those named. */
export const POST = api(async (event) => {
	const user = requirePermission(event, 'claim.comment');
	const input = parse(newComment, await readJson(event));
	const created = await comments.create(event.locals.db, event.params.id ?? '', input, user.id);
	return json(
		(await comments.list(event.locals.db, created.claimId)).find((c) => c.id === created.id),
		201
	);
});

export const fallback = methodNotAllowed;
