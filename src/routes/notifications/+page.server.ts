import { fail, redirect } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth';
import { isUuid } from '$lib/server/db';
import { formData, text } from '$lib/server/http/form';
import * as notifications from '$lib/server/notifications';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requirePermission(event, 'account.manage');
	return { items: await notifications.list(event.locals.db, user.id) };
};

export const actions: Actions = {
	/** Marks one notification read and goes to what it is about. */
	open: async (event) => {
		const user = requirePermission(event, 'account.manage');
		const form = await formData(event);
		const [id, documentId, claimId] = ['id', 'documentId', 'claimId'].map((name) =>
			text(form, name)
		);
		// The target is rebuilt from ids, never taken as a URL, so this cannot redirect off-site.
		if (!isUuid(id) || (documentId && !isUuid(documentId)) || (claimId && !isUuid(claimId))) {
			return fail(400, { message: 'Not a notification.' });
		}
		await notifications.markRead(event.locals.db, user.id, [id]);
		if (!documentId) {
			redirect(303, '/notifications');
		}
		redirect(
			303,
			claimId
				? `/documents/${documentId}?claim=${claimId}#card-${claimId}`
				: `/documents/${documentId}`
		);
	},
	markAll: async (event) => {
		const user = requirePermission(event, 'account.manage');
		await notifications.markRead(event.locals.db, user.id, 'all');
		return { done: 'all' as const };
	}
};
