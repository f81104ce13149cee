import {
	assertSignInSession,
	createPersonalToken,
	listPersonalTokens,
	newPersonalToken,
	requirePermission
} from '$lib/server/auth';
import { api, json, methodNotAllowed, paginate, parse, readJson } from '$lib/server/http/problem';

/** The caller's personal access tokens, newest first, without secrets. */
export const GET = api(async (event) => {
	const user = requirePermission(event, 'account.manage');
	const tokens = await listPersonalTokens(event.locals.db, user.id);
	const current = event.locals.session?.id;
	return json(
		paginate(
			event.url,
			tokens.map((token) => ({ ...token, current: token.id === current }))
		)
	);
});

/** Makes a personal access token; its secret is in this answer and nowhere ever again. */
export const POST = api(async (event) => {
	const user = requirePermission(event, 'account.manage');
	assertSignInSession(event.locals.session);
	const input = parse(newPersonalToken, await readJson(event));
	const { token, personalToken } = await createPersonalToken(event.locals.db, user.id, input);
	return json({ ...personalToken, token }, 201, { 'cache-control': 'no-store' });
});

export const fallback = methodNotAllowed;
