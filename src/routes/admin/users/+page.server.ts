import { requirePermission } from '$lib/server/auth';
import { attempt, formData, text } from '$lib/server/http/form';
import { parse } from '$lib/server/http/problem';
import * as users from '$lib/server/users';
import { newUser } from '$lib/server/users/input';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requirePermission(event, 'user.manage');
	return { users: await users.list(event.locals.db) };
};

export const actions: Actions = {
	create: async (event) => {
		requirePermission(event, 'user.manage');
		const form = await formData(event);
		return attempt(form, async () => {
			const input = parse(newUser, {
				email: text(form, 'email'),
				name: text(form, 'name'),
				password: text(form, 'password'),
				roles: form.getAll('roles')
			});
			const created = await users.create(event.locals.db, input);
			return { created: created.name };
		});
	}
};
