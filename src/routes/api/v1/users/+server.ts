import { requirePermission } from '$lib/server/auth';
import { api, json, methodNotAllowed, paginate, parse, readJson } from '$lib/server/http/problem';
import * as users from '$lib/server/users';
import { newUser } from '$lib/server/users/input';

export const GET = api(async (event) => {
	requirePermission(event, 'user.manage');
	return json(paginate(event.url, await users.list(event.locals.db)));
});

export const POST = api(async (event) => {
	requirePermission(event, 'user.manage');
	const created = await users.create(event.locals.db, parse(newUser, await readJson(event)));
	return json(created, 201, { location: `/api/v1/users/${created.id}` });
});

export const fallback = methodNotAllowed;
