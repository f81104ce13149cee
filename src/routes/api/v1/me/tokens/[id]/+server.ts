import { assertSignInSession, requirePermission, revokePersonalToken } from '$lib/server/auth';
import { api, methodNotAllowed } from '$lib/server/http/problem';

/** Revokes one of the caller's personal access tokens at once. */
export const DELETE = api(async (event) => {
	const user = requirePermission(event, 'account.manage');
	assertSignInSession(event.locals.session);
	await revokePersonalToken(event.locals.db, user.id, event.params.id ?? '');
	return new Response(null, { status: 204 });
});

export const fallback = methodNotAllowed;
