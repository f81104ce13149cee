import { requirePermission } from '$lib/server/auth';
import { can } from '$lib/permissions';
import * as documents from '$lib/server/documents';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requirePermission(event, 'document.read');
	const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 200);
	const wanted = event.url.searchParams.get('status');
	const status = documents.statuses.find((candidate) => candidate === wanted);
	const assigned = event.url.searchParams.get('assigned') === 'me';
	return {
		q,
		status: status ?? '',
		assigned,
		canImport: can(user.roles, 'document.create'),
		documents: await documents.list(event.locals.db, {
			q,
			status,
			assignee: assigned ? user.id : undefined
		})
	};
};
