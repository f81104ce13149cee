import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { AppError } from '$lib/server/errors';
import { can, type Action } from '$lib/permissions';
import type { SessionUser } from './session';

function isApi(event: RequestEvent): boolean {
	return event.url.pathname.startsWith('/api/');
}

/** The signed-in user, or: a 401 for the API, a redirect to the sign-in page for pages. */
export function requireUser(event: RequestEvent): SessionUser {
	const user = event.locals.user;
	if (user) {
		return user;
	}
	if (isApi(event)) {
		throw new AppError(401, 'Sign in first.', [], { 'www-authenticate': 'Bearer' });
	}
	const back = event.url.pathname + event.url.search;
	redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
}

/**
 * Called at the top of every load, action and endpoint: the signed-in user when the
 * permission table lets them take `action`, otherwise 401/redirect or 403.
 */
export function requirePermission(event: RequestEvent, action: Action): SessionUser {
	const user = requireUser(event);
	if (can(user.roles, action)) {
		return user;
	}
	if (isApi(event)) {
		throw new AppError(403, 'You are not allowed to do this.');
	}
	error(403, 'You are not allowed to see this page.');
}
