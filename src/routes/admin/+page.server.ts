import { redirect } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requirePermission(event, 'user.manage');
	redirect(303, '/admin/users');
};
