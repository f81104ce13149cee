import { requirePermission } from '$lib/server/auth';
import { api, json, methodNotAllowed } from '$lib/server/http/problem';
import * as notifications from '$lib/server/notifications';

/** One's own notifications, newest first, and how many are unread. */
export const GET = api(async (event) => {
	const user = requirePermission(event, 'account.manage');
	const items = await notifications.list(event.locals.db, user.id);
	const unread = await notifications.unreadCount(event.locals.db, user.id);
	return json({ items, unread, nextCursor: null });
});

export const fallback = methodNotAllowed;
