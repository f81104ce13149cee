import type { Handle } from '@sveltejs/kit';
import { problem } from './problem';
import { requestId, secure } from './security';

const DETAIL = 'The address holds U+0000 (%00), which no path or query parameter may contain.';

/**
 * Refuses, with 400, a request whose path or query holds U+0000 (`%00`) before any other handle
 * or route reads it: PostgreSQL can neither store nor compare that character, so a slug, key,
 * id or search term carrying one would fail as a 500 wherever it reached the database. First
 * in the sequence, ahead of the public cache, which looks slugs up itself.
 */
export const refuseNulInAddress: Handle = ({ event, resolve }) => {
	if (!(event.url.pathname + event.url.search).includes('%00')) {
		return resolve(event);
	}
	const response = event.url.pathname.startsWith('/api/')
		? problem(400, DETAIL)
		: new Response(DETAIL, {
				status: 400,
				headers: { 'content-type': 'text/plain; charset=utf-8' }
			});
	secure(response.headers, event.url, requestId(event.request.headers.get('x-request-id')));
	return response;
};
