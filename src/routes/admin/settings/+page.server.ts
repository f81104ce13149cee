import * as v from 'valibot';
import { requirePermission } from '$lib/server/auth';
import { attempt, formData, text } from '$lib/server/http/form';
import { parse } from '$lib/server/http/problem';
import * as settings from '$lib/server/settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requirePermission(event, 'settings.manage');
	return { settings: await settings.read(event.locals.db) };
};

const webAddress = (message: string) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.maxLength(2_000, message),
		v.check((value) => value === '' || /^https?:\/\/[^\s/]+/i.test(value), message)
	);

const organisation = v.object({
	organisationName: v.pipe(
		v.string(),
		v.trim(),
		v.normalize('NFC'),
		v.nonEmpty('Give the organisation a name.'),
		v.maxLength(200, 'A name has at most 200 characters.')
	),
	organisationUrl: webAddress('An address starts with http:// or https://.'),
	organisationLogo: webAddress('A logo address starts with http:// or https://.')
});

export const actions: Actions = {
	save: async (event) => {
		requirePermission(event, 'settings.manage');
		const form = await formData(event);
		return attempt(form, async () => {
			const org = parse(organisation, {
				organisationName: text(form, 'organisationName'),
				organisationUrl: text(form, 'organisationUrl'),
				organisationLogo: text(form, 'organisationLogo')
			});
			const requireTwoApprovals = form.get('requireTwoApprovals') === 'on';
			await settings.writeAll(event.locals.db, { ...org, requireTwoApprovals });
			return { saved: true };
		});
	}
};
