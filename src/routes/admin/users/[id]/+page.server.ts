import { invalidateUserSessions, requirePermission } from '$lib/server/auth';
import { attempt, formData, orErrorPage, text } from '$lib/server/http/form';
import { parse } from '$lib/server/http/problem';
import * as users from '$lib/server/users';
import { roleList } from '$lib/server/users/input';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requirePermission(event, 'user.manage');
	return { person: await orErrorPage(users.get(event.locals.db, event.params.id)) };
};

export const actions: Actions = {
	roles: async (event) => {
		requirePermission(event, 'user.manage');
		const form = await formData(event);
		return attempt(form, async () => {
			await users.setRoles(event.locals.db, event.params.id, parse(roleList, form.getAll('roles')));
			return { done: 'roles' as const };
		});
	},
	disable: async (event) => {
		requirePermission(event, 'user.manage');
		const form = await formData(event);
		return attempt(form, async () => {
			await users.setDisabled(event.locals.db, event.params.id, text(form, 'disabled') === 'true');
			return {
				done: text(form, 'disabled') === 'true' ? ('disabled' as const) : ('enabled' as const)
			};
		});
	},
	signOut: async (event) => {
		requirePermission(event, 'user.manage');
		const form = await formData(event);
		return attempt(form, async () => {
			const person = await users.get(event.locals.db, event.params.id);
			await invalidateUserSessions(event.locals.db, person.id);
			return { done: 'signedOut' as const };
		});
	},
	password: async (event) => {
		requirePermission(event, 'user.manage');
		const form = await formData(event);
		return attempt(form, async () => {
			await users.resetPassword(event.locals.db, event.params.id, text(form, 'password'));
			return { done: 'password' as const };
		});
	}
};
