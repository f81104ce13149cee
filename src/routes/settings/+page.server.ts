import {
	invalidateOwnSession,
	invalidateUserSessions,
	listSessions,
	requirePermission
} from '$lib/server/auth';
import { invalid } from '$lib/server/errors';
import { attempt, text } from '$lib/server/http/form';
import * as users from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requirePermission(event, 'account.manage');
	const sessions = await listSessions(event.locals.db, user.id);
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
		}))
	};
};

export const actions: Actions = {
	password: async (event) => {
		const user = requirePermission(event, 'account.manage');
		const form = await event.request.formData();
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
		const form = await event.request.formData();
		await invalidateOwnSession(event.locals.db, user.id, text(form, 'id'));
		return { done: 'session' as const };
	},
	endOthers: async (event) => {
		const user = requirePermission(event, 'account.manage');
		await invalidateUserSessions(event.locals.db, user.id, event.locals.session?.id);
		return { done: 'others' as const };
	}
};
