import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { defineCustomServerStrategy, getLocale } from '$lib/paraglide/runtime';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { deleteSessionCookie, readSessionCookie, validateToken } from '$lib/server/auth';
import { startCollab } from '$lib/server/collab';
import type { Connection } from '$lib/server/db';
import { refuseNulInAddress } from '$lib/server/http/address';
import { requestLocale } from '$lib/server/http/locale';
import { problem } from '$lib/server/http/problem';
import { apiRateLimits } from '$lib/server/http/rate-limit';
import { databaseDown, unavailableError } from '$lib/server/http/unavailable';
import { requestId, secure } from '$lib/server/http/security';
import { logger } from '$lib/server/log';
import { fromMemory, publicCache } from '$lib/server/publishing/cache';
import { start } from '$lib/server/startup';
import { textDirection } from '$lib/i18n';

let connection: Connection | undefined;

export const init: ServerInit = async () => {
	if (building) {
		return;
	}
	const opened = (connection = await start(process.env));
	const collab = startCollab(opened.db, process.env);
	// For server.js (and the dev server): public pages from memory, before the app runs, the
	// /collab WebSocket, and the security headers for what it answers without the app.
	Object.assign(globalThis, {
		[Symbol.for('factmark.fromMemory')]: fromMemory,
		[Symbol.for('factmark.collab')]: collab,
		[Symbol.for('factmark.secure')]: secure
	});
	// adapter-node's convention, emitted by server.js once it stops taking requests.
	process.once('sveltekit:shutdown', () => void collab.close().finally(() => opened.close()));
};

const requestIds: Handle = ({ event, resolve }) => {
	event.locals.requestId = requestId(event.request.headers.get('x-request-id'));
	return resolve(event);
};

const authentication: Handle = async ({ event, resolve }) => {
	if (!connection) {
		return problem(503, 'Factmark is starting; try again in a moment.');
	}
	const db = connection.db;
	event.locals.db = db;
	event.locals.user = null;
	event.locals.session = null;

	const bearer = event.request.headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
	const cookie = bearer ? undefined : readSessionCookie(event.cookies, event.url);
	const token = bearer ?? cookie;
	if (token) {
		const found = await validateToken(db, token, new Date(), { bearer: Boolean(bearer) });
		if (found) {
			event.locals.user = found.user;
			event.locals.session = found.session;
		} else if (cookie) {
			deleteSessionCookie(event.cookies, event.url);
		}
	}

	// A cookie rides along with cross-site requests; a bearer token does not. So API writes
	// must not come from another site, and those signed in by the cookie must say where they
	// come from (browsers send Origin with every such request).
	const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(event.request.method);
	if (unsafe && event.url.pathname.startsWith('/api/')) {
		const origin = event.request.headers.get('origin');
		const signedInByCookie = Boolean(cookie && event.locals.session);
		if (origin ? origin !== event.url.origin : signedInByCookie) {
			return problem(403, 'Cross-site request refused: the Origin header must be this site.');
		}
	}
	return resolve(event);
};

// One strategy rather than paraglide's two, because paraglide asks custom strategies before
// built-in ones.
defineCustomServerStrategy('custom-locale', {
	getLocale: (request) =>
		requestLocale(
			request?.headers.get('cookie') ?? null,
			request?.headers.get('accept-language') ?? null
		)
});

const localisation: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) =>
				html.replace('%lang%', getLocale()).replace('%dir%', textDirection(getLocale()))
		});
	});

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	secure(headers, event.url, event.locals.requestId);
	if (event.locals.user && !headers.has('cache-control')) {
		headers.set('cache-control', 'private, no-store');
	}
	return response;
};

export const handle = sequence(
	databaseDown,
	refuseNulInAddress,
	publicCache(() => connection?.db),
	requestIds,
	securityHeaders,
	authentication,
	apiRateLimits(process.env),
	localisation
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const unavailable = unavailableError(error, event);
	if (unavailable) {
		return unavailable;
	}
	const requestId = event.locals.requestId;
	if (status >= 500) {
		logger.error({ err: error, requestId, path: event.url.pathname }, 'unhandled error');
	}
	return { message: status >= 500 ? 'Something went wrong on our side.' : message, requestId };
};
