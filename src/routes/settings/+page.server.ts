import {
	assertSignInSession,
	createPersonalToken,
	invalidateOwnSession,
	invalidateUserSessions,
	listPersonalTokens,
	listSessions,
	newPersonalToken,
	requirePermission,
	revokePersonalToken,
	TOKEN_LIFETIMES_DAYS
} from '$lib/server/auth';
import { AppError, invalid } from '$lib/server/errors';
import { attempt, formData, text } from '$lib/server/http/form';
import { parse } from '$lib/server/http/problem';
import * as users from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requirePermission(event, 'account.manage');
	const [sessions, tokens] = await Promise.all([
		listSessions(event.locals.db, user.id),
		listPersonalTokens(event.locals.db, user.id)
	]);
	return {
		email: user.email,
		sessions: sessions.map((session) => ({
			id: session.id,
			kind: session.kind,
			userAgent: session.userAgent,
			ipAddress: session.ipAddress,
			createdAt: session.createdAt,
			lastSeenAt: session.lastSeenAt,
			current: session.id === event.locals.session?.id
		})),
		tokens,
		lifetimes: TOKEN_LIFETIMES_DAYS
	};
};

export const actions: Actions = {
	password: async (event) => {
		const user = requirePermission(event, 'account.manage');
		const form = await formData(event);
		return attempt(form, async () => {
			if (text(form, 'next') !== text(form, 'confirm')) {
				throw invalid('confirm', 'passwords_differ', 'The two passwords are not the same.');
			}
			await users.changePassword(event.locals.db, user.id, {
				current: text(form, 'current'),
				next: text(form, 'next'),
				keepSessionId: event.locals.session?.id ?? ''
			});
			return { done: 'password' as const };
		});
	},
	endSession: async (event) => {
		const user = requirePermission(event, 'account.manage');
		const form = await formData(event);
		return attempt(form, async () => {
			assertSignInSession(event.locals.session);
			await invalidateOwnSession(event.locals.db, user.id, text(form, 'id'));
			return { done: 'session' as const };
		});
	},
	endOthers: async (event) => {
		const user = requirePermission(event, 'account.manage');
		const form = await formData(event);
		return attempt(form, async () => {
			assertSignInSession(event.locals.session);
			// Personal access tokens keep working: they have their own list, and are revoked there.
			await invalidateUserSessions(event.locals.db, user.id, event.locals.session?.id, {
				personal: true
			});
			return { done: 'others' as const };
		});
	},
	createToken: async (event) => {
		const user = requirePermission(event, 'account.manage');
		const form = await formData(event);
		return attempt(form, async () => {
			assertSignInSession(event.locals.session);
			const input = parse(newPersonalToken, {
				name: text(form, 'name'),
				expiresInDays: Number(text(form, 'expiresInDays'))
			});
			const { token, personalToken } = await createPersonalToken(event.locals.db, user.id, input);
			// Returned once, in this answer only; the page shows it until the next navigation.
			return { done: 'token' as const, created: { token, name: personalToken.name } };
		});
	},
	revokeToken: async (event) => {
		const user = requirePermission(event, 'account.manage');
		const form = await formData(event);
		return attempt(form, async () => {
			assertSignInSession(event.locals.session);
			await revokePersonalToken(event.locals.db, user.id, text(form, 'id')).catch((err) => {
				// Already gone (revoked in another tab, or expired): what was asked for holds.
				if (!(err instanceof AppError && err.status === 404)) {
					throw err;
				}
			});
			return { done: 'revoked' as const };
		});
	}
};
