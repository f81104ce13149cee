import { requirePermission } from '$lib/server/auth';
import { attempt } from '$lib/server/http/form';
import * as settings from '$lib/server/settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requirePermission(event, 'settings.manage');
	return { settings: await settings.read(event.locals.db) };
};

export const actions: Actions = {
	save: async (event) => {
		requirePermission(event, 'settings.manage');
		const form = await event.request.formData();
		return attempt(form, async () => {
			await settings.write(
				event.locals.db,
				'requireTwoApprovals',
				form.get('requireTwoApprovals') === 'on'
			);
			return { saved: true };
		});
	}
};
