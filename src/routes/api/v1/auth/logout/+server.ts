import { deleteSessionCookie, invalidateSession, requireUser } from '$lib/server/auth';
import { api, methodNotAllowed } from '$lib/server/http/problem';

/** Ends the session or token used for this request, at once. */
export const POST = api(async (event) => {
	requireUser(event);
	if (event.locals.session) {
		await invalidateSession(event.locals.db, event.locals.session.id);
	}
	deleteSessionCookie(event.cookies, event.url);
	return new Response(null, { status: 204 });
});

export const fallback = methodNotAllowed;
