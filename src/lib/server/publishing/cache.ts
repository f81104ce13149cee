import type { Handle } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { cookieValue, sessionCookieName } from '$lib/server/auth/cookie';
import { isUuid, rowsOf, type Database } from '$lib/server/db';
import { subscribe } from '$lib/server/events';
import { requestLocale } from '$lib/server/http/locale';
import { requestId } from '$lib/server/http/security';

/**
 * Render once per version. A published fact-check's pages and JSON depend only on the
 * fact-check's state — its latest version, whether it is retracted — and the organisation
 * settings (credits, ClaimReview's author). That state is the response's ETag: a reader who
 * has it gets 304, and a response rendered for it is kept and sent again until the state moves
 * on. Pages are kept for anonymous readers only (a signed-in reader's page carries their name)
 * and per language.
 */
const routes: { pattern: RegExp; page: boolean; numbered: boolean }[] = [
	{ pattern: /^\/fact-checks\/([^/]+)$/, page: true, numbered: false },
	{ pattern: /^\/fact-checks\/([^/]+)\/v\/\d+$/, page: true, numbered: true },
	{ pattern: /^\/fact-checks\/([^/]+)\/claims\/[^/]+$/, page: true, numbered: false },
	{ pattern: /^\/embed\/claims\/([^/]+)$/, page: true, numbered: false },
	{ pattern: /^\/api\/v1\/public\/fact-checks\/([^/]+)$/, page: false, numbered: false },
	{
		pattern: /^\/api\/v1\/public\/fact-checks\/([^/]+)\/versions\/\d+(?:\/annotations)?$/,
		page: false,
		numbered: true
	}
];

/**
 * A numbered version's content never changes, but a retraction must still reach its readers,
 * and it names the latest version: a day. Everything else revalidates on every visit.
 */
const NUMBERED = 'public, max-age=86400';
const LATEST = 'public, max-age=0, must-revalidate';

/**
 * The states, by slug (or claim id for the embeddable card), as last read. A change to any
 * document or setting — announced by every instance after it commits — forgets them all; they
 * are a query away and documents change seldom compared with how often they are read.
 */
const states = new Map<string, string>();
subscribe((announcement) => {
	if (!announcement || announcement.entity === 'document' || announcement.entity === 'setting') {
		states.clear();
	}
});

/** The state a fact-check's public responses depend on, or null when nothing is published. */
async function state(db: Database, key: string, byClaim: boolean): Promise<string | null> {
	const known = states.get(key);
	if (known || (byClaim && !isUuid(key))) {
		return known ?? null;
	}
	const document = byClaim
		? sql`(select document_id from claim where id = ${key})`
		: sql`(select id from document where slug = ${key})`;
	const [row] = await rowsOf<{ latest: number | null; retracted: boolean; settings: string }>(
		db,
		sql`
			select
				(select max(version) from published_version where document_id = ${document}) as latest,
				(select retracted_at is not null from document where id = ${document}) as retracted,
				(select coalesce(extract(epoch from max(updated_at)), 0)::text from setting) as settings`
	);
	if (!row?.latest) {
		return null;
	}
	const tag = `${row.latest}${row.retracted ? 'r' : ''}-${row.settings}`;
	states.set(key, tag);
	return tag;
}

/** A kept response, whole. */
interface Kept {
	headers: [string, string][];
	body: Uint8Array<ArrayBuffer>;
}

/** About 64 MB of responses, the least recently used dropped first. */
const LIMIT = 64 * 1024 * 1024;
const kept = new Map<string, Kept>();
let keptSize = 0;

function keep(key: string, entry: Kept) {
	kept.set(key, entry);
	keptSize += entry.body.length;
	// A Map iterates in insertion order, and a hit re-inserts: the oldest come first.
	for (const [oldest, { body }] of kept) {
		if (keptSize <= LIMIT) {
			break;
		}
		kept.delete(oldest);
		keptSize -= body.length;
	}
}

type Header = (name: string) => string | null;

/** What a request asks of the kept responses, read from the request alone. */
interface Wanted {
	route: (typeof routes)[number];
	key: string;
	byClaim: boolean;
	/** The page's language; null for JSON. */
	locale: string | null;
}

/** Null for a request kept responses cannot answer: a signed-in reader's page, say. */
function wanted(method: string, url: URL, header: Header): Wanted | null {
	const route = routes.find(({ pattern }) => pattern.test(url.pathname));
	if (!route || (method !== 'GET' && method !== 'HEAD') || url.search) {
		return null;
	}
	const session = cookieValue(header('cookie'), sessionCookieName(url));
	if (route.page && (header('authorization') || session)) {
		return null;
	}
	const [, raw] = url.pathname.match(route.pattern) ?? [];
	let key: string;
	try {
		key = decodeURIComponent(raw);
	} catch {
		return null;
	}
	return {
		route,
		key,
		byClaim: url.pathname.startsWith('/embed/'),
		locale: route.page ? requestLocale(header('cookie'), header('accept-language')) : null
	};
}

function validators({ route, locale }: Wanted, tag: string): Record<string, string> {
	return {
		etag: `"${tag}${locale ? `-${locale}` : ''}"`,
		'cache-control': route.numbered ? NUMBERED : LATEST,
		...(route.page && { vary: 'Accept-Language, Cookie' })
	};
}

interface Answer {
	status: number;
	headers: [string, string][];
	body: Uint8Array<ArrayBuffer> | null;
}

/**
 * The answer from memory to a request whose fact-check is in state `tag`: 304 when the reader
 * has it, else the kept response with this request's id; null when nothing is kept for it.
 */
function answer(
	wish: Wanted,
	tag: string,
	request: { method: string; url: URL; header: Header; requestId: string }
): Answer | null {
	const fresh = validators(wish, tag);
	const asked = request.header('if-none-match') ?? '';
	if (asked.split(/\s*,\s*/).some((value) => value.replace(/^W\//, '') === fresh.etag)) {
		return { status: 304, headers: Object.entries(fresh), body: null };
	}
	const key = `${request.url.pathname} ${fresh.etag}`;
	const hit = kept.get(key);
	if (!hit) {
		return null;
	}
	kept.delete(key);
	kept.set(key, hit);
	return {
		status: 200,
		headers: hit.headers.map(([name, value]) => [
			name,
			name === 'x-request-id' ? request.requestId : value
		]),
		body: request.method === 'HEAD' ? null : hit.body
	};
}

const toResponse = ({ status, headers, body }: Answer) => new Response(body, { status, headers });

/**
 * Keeps the public responses, outermost of the app's handles (so that what is kept is the whole
 * response, headers and all), and answers from them. `database` is the app's, once it is up.
 */
export function publicCache(database: () => Database | undefined): Handle {
	return async ({ event, resolve }) => {
		const db = database();
		const header: Header = (name) => event.request.headers.get(name);
		const wish = db && wanted(event.request.method, event.url, header);
		// The state is read before rendering: a page rendered while it moves on is then kept
		// under the old state, which no one asks for any more.
		const tag = wish ? await state(db, wish.key, wish.byClaim) : null;
		if (!wish || !tag) {
			return resolve(event);
		}
		const method = event.request.method;
		const known = answer(wish, tag, {
			method,
			url: event.url,
			header,
			requestId: requestId(header('x-request-id'))
		});
		if (known) {
			return toResponse(known);
		}
		const response = await resolve(event);
		const headers = response.headers;
		// Public pages load no script (csr = false), so their policy has no nonce to reuse.
		const once =
			headers.has('set-cookie') || headers.get('content-security-policy')?.includes("'nonce-");
		if (method !== 'GET' || response.status !== 200 || once) {
			return response;
		}
		const fresh = validators(wish, tag);
		for (const [name, value] of Object.entries(fresh)) {
			headers.set(name, value);
		}
		const entry = { headers: [...headers], body: new Uint8Array(await response.arrayBuffer()) };
		keep(`${event.url.pathname} ${fresh.etag}`, entry);
		return toResponse({ status: 200, ...entry });
	};
}

/**
 * For server.js: the answer from memory, before any of the app runs, to a request whose
 * fact-check's state is known here; undefined when the app must answer.
 */
export function fromMemory(request: {
	method: string;
	url: URL;
	headers: Record<string, string | string[] | undefined>;
	requestId: string;
}): Answer | undefined {
	const header: Header = (name) => {
		const value = request.headers[name];
		return Array.isArray(value) ? value.join(', ') : (value ?? null);
	};
	const wish = wanted(request.method, request.url, header);
	const tag = wish && states.get(wish.key);
	return (wish && tag && answer(wish, tag, { ...request, header })) || undefined;
}
