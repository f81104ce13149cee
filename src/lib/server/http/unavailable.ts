import { error, type Handle, type RequestEvent } from '@sveltejs/kit';
import { isUnavailable } from '$lib/server/db/unavailable';
import { logger } from '$lib/server/log';
import { RETRY_AFTER_SECONDS, UNAVAILABLE, unavailableProblem } from './problem';

/** Logs, once, that a request failed for want of the database, and marks it for `databaseDown`. */
function note(event: RequestEvent, err: unknown) {
	if (!event.locals.unavailable) {
		event.locals.unavailable = true;
		const { code, cause } = err as { code?: unknown; cause?: { code?: unknown } };
		logger.warn(
			{ requestId: event.locals.requestId, path: event.url.pathname, code: cause?.code ?? code },
			'database unavailable'
		);
	}
}

/**
 * For handleError: the error to show when `err` is the database being out of reach (and the
 * request marked, so that `databaseDown` answers 503), else null.
 */
export function unavailableError(err: unknown, event: RequestEvent): App.Error | null {
	if (!isUnavailable(err)) {
		return null;
	}
	note(event, err);
	return { message: UNAVAILABLE, requestId: event.locals.requestId };
}

/**
 * While the database is out of reach — a PostgreSQL server restarting, say — whatever needs it
 * is answered 503 with Retry-After rather than 500: nothing is broken in the app, and the same
 * request works once the database is back (the driver reconnects by itself). Outermost, so that
 * it also covers the other handles, which read sessions and rate limits; pages keep their error
 * page, the API gets problem+json.
 */
export const databaseDown: Handle = async ({ event, resolve }) => {
	const api = event.url.pathname.startsWith('/api/');
	let response: Response;
	try {
		response = await resolve(event);
	} catch (err) {
		if (!isUnavailable(err)) {
			throw err;
		}
		note(event, err);
		if (api) {
			return unavailableProblem();
		}
		error(503, UNAVAILABLE);
	}
	if (response.status !== 500 || !event.locals.unavailable) {
		return response;
	}
	if (api) {
		return unavailableProblem();
	}
	const headers = new Headers(response.headers);
	headers.set('retry-after', String(RETRY_AFTER_SECONDS));
	return new Response(response.body, { status: 503, headers });
};
