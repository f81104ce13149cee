import { requireUser } from '$lib/server/auth';
import { api, json, methodNotAllowed } from '$lib/server/http/problem';

export const GET = api(async (event) => {
	const { id, email, name, roles } = requireUser(event);
	return json({ id, email, name, roles });
});

export const fallback = methodNotAllowed;
