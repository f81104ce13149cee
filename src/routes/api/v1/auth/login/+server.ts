import { createSession, setSessionCookie, verifyCredentials } from '$lib/server/auth';
import { api, json, methodNotAllowed, parse, readJson } from '$lib/server/http/problem';
import { login } from '$lib/server/users/input';

/** Signs in: the token for `Authorization: Bearer`, and the same session as a cookie. */
export const POST = api(async (event) => {
	const credentials = parse(login, await readJson(event));
	const user = await verifyCredentials(event.locals.db, {
		...credentials,
		ipAddress: event.getClientAddress()
	});
	const { token, session } = await createSession(event.locals.db, user.id, {
		kind: 'token',
		userAgent: event.request.headers.get('user-agent') ?? '',
		ipAddress: event.getClientAddress()
	});
	setSessionCookie(event.cookies, event.url, token);
	return json({ token, expiresAt: session.expiresAt, user }, 200, { 'cache-control': 'no-store' });
});

export const fallback = methodNotAllowed;
