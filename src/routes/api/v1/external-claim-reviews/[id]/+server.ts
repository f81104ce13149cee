import { requirePermission } from '$lib/server/auth';
import * as claimReviews from '$lib/server/claim-reviews';
import { api, methodNotAllowed } from '$lib/server/http/problem';

export const DELETE = api(async (event) => {
	requirePermission(event, 'reference.import');
	await claimReviews.remove(event.locals.db, event.params.id ?? '');
	return new Response(null, { status: 204 });
});

export const fallback = methodNotAllowed;
