import * as v from 'valibot';
import { requirePermission } from '$lib/server/auth';
import { api, methodNotAllowed, parse, readJson } from '$lib/server/http/problem';
import * as notifications from '$lib/server/notifications';

const readInput = v.strictObject({
	ids: v.optional(
		v.pipe(v.array(v.pipe(v.string(), v.uuid('ids are notification ids.'))), v.maxLength(500))
	)
});

/** `{ids?}`: marks those of one's notifications read, or all without `ids`. */
export const POST = api(async (event) => {
	const user = requirePermission(event, 'account.manage');
	const { ids } = parse(readInput, await readJson(event));
	await notifications.markRead(event.locals.db, user.id, ids ?? 'all');
	return new Response(null, { status: 204 });
});

export const fallback = methodNotAllowed;
