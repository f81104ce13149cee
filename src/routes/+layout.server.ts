import * as notifications from '$lib/server/notifications';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	if (!locals.user) {
		return { user: null, unread: 0 };
	}
	// Read so that SvelteKit runs this load again on every navigation: the bell's count
	// should not stay what it was when the page was first opened.
	void url.pathname;
	return {
		user: { id: locals.user.id, name: locals.user.name, roles: locals.user.roles },
		unread: await notifications.unreadCount(locals.db, locals.user.id)
	};
};
