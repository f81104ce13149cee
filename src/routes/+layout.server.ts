import { can } from '$lib/permissions';
import * as notifications from '$lib/server/notifications';
import * as review from '$lib/server/review';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	if (!locals.user) {
		return { user: null, unread: 0, waiting: 0 };
	}
	// Read so that SvelteKit runs this load again on every navigation: the bell's count
	// should not stay what it was when the page was first opened.
	void url.pathname;
	const [unread, waiting] = await Promise.all([
		notifications.unreadCount(locals.db, locals.user.id),
		// Only those who may open the queue are told how long it is.
		can(locals.user.roles, 'review.queue') ? review.waiting(locals.db) : 0
	]);
	return {
		user: { id: locals.user.id, name: locals.user.name, roles: locals.user.roles },
		unread,
		waiting
	};
};
