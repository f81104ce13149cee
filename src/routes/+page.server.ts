import { redirect } from '@sveltejs/kit';
import { can } from '$lib/permissions';
import type { PageServerLoad } from './$types';

/** The start page is where one works: documents, the review queue, admin, or the public site. */
export const load: PageServerLoad = ({ locals }) => {
	const roles = locals.user?.roles ?? [];
	if (can(roles, 'document.edit')) {
		redirect(303, '/documents');
	}
	if (can(roles, 'review.queue')) {
		redirect(303, '/review');
	}
	if (can(roles, 'user.manage')) {
		redirect(303, '/admin/users');
	}
	redirect(303, '/fact-checks');
};
