import { requirePermission } from '$lib/server/auth';
import * as documents from '$lib/server/documents';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requirePermission(event, 'review.queue');
	return { waiting: await documents.list(event.locals.db, { status: 'in_review' }) };
};
