import { requirePermission } from '$lib/server/auth';
import { isUuid } from '$lib/server/db';
import { readPage } from '$lib/server/http/cursor';
import { api, json, methodNotAllowed } from '$lib/server/http/problem';
import * as review from '$lib/server/review';

/** Submissions waiting, oldest first; `?language=`, `?submitter=<user id>`, `?assigned=me`. */
export const GET = api(async (event) => {
	const user = requirePermission(event, 'review.queue');
	const query = event.url.searchParams;
	const submitter = query.get('submitter') ?? '';
	const filter = {
		language: query.get('language') || undefined,
		submittedBy: isUuid(submitter) ? submitter : undefined,
		takenBy: query.get('assigned') === 'me' ? user.id : undefined
	};
	return json(await review.queuePage(event.locals.db, filter, readPage(event.url)));
});

export const fallback = methodNotAllowed;
