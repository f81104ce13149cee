import { requirePermission } from '$lib/server/auth';
import { can } from '$lib/permissions';
import * as documents from '$lib/server/documents';
import { readPage, type Page } from '$lib/server/http/cursor';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requirePermission(event, 'document.read');
	const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 200);
	const wanted = event.url.searchParams.get('status');
	const status = documents.statuses.find((candidate) => candidate === wanted);
	const assigned = event.url.searchParams.get('assigned') === 'me';
	const { items, nextCursor } = await documents.listPage(
		event.locals.db,
		{ q, status, assignee: assigned ? user.id : undefined },
		pageOf(event.url)
	);
	// The same list, filters kept: from the top, and continued.
	const link = (cursor: string | null) => {
		const url = new URL(event.url);
		url.searchParams.delete('cursor');
		if (cursor) {
			url.searchParams.set('cursor', cursor);
		}
		return `${url.pathname}${url.search}`;
	};
	return {
		q,
		status: status ?? '',
		assigned,
		canImport: can(user.roles, 'document.create'),
		documents: items,
		newest: event.url.searchParams.has('cursor') ? link(null) : null,
		older: nextCursor ? link(nextCursor) : null
	};
};

/** The page asked for; a cursor from an old or edited link starts from the top instead. */
function pageOf(url: URL): Page {
	try {
		return readPage(url);
	} catch {
		return { limit: 50, after: null };
	}
}
