import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth';
import type { RequestHandler } from './$types';

/** Ends the session on the server, not only in this browser. */
export const POST: RequestHandler = async ({ locals, cookies, url }) => {
	if (locals.session) {
		await invalidateSession(locals.db, locals.session.id);
	}
	deleteSessionCookie(cookies, url);
	redirect(303, '/login?signedOut');
};
