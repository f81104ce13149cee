import type { Handle } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { getLocale } from '$lib/paraglide/runtime';
import { isUuid, rowsOf, type Database } from '$lib/server/db';

/**
 * Render once per version. A published fact-check's pages and JSON depend only on the
 * fact-check's state — its latest version, whether it is retracted — and the organisation
 * settings (credits, ClaimReview's author). That state, read in one small query, is the
 * response's ETag: a reader who has it gets 304, and a response rendered for it is kept and
 * sent again until the state moves on. Pages are kept for anonymous readers only (a signed-in
 * reader's page carries their name) and per language.
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

interface Kept {
	status: number;
	headers: [string, string][];
	body: string;
}

/** About 64 MB of text. */
const LIMIT = 64 * 1024 * 1024;
const kept = new Map<string, Kept>();
let keptSize = 0;

function keep(key: string, entry: Kept) {
	kept.set(key, entry);
	keptSize += entry.body.length;
	// The least recently used go first (a Map iterates in insertion order; a hit re-inserts).
	for (const [oldest, { body }] of kept) {
		if (keptSize <= LIMIT) {
			break;
		}
		kept.delete(oldest);
		keptSize -= body.length;
	}
}

/** The state a fact-check's public responses depend on, or null when nothing is published. */
async function state(db: Database, key: string, byClaim: boolean): Promise<string | null> {
	if (byClaim && !isUuid(key)) {
		return null;
	}
	const document = byClaim
		? sql`(select document_id from claim where id = ${key})`
		: sql`(select id from document where slug = ${key})`;
	const [row] = await rowsOf<{
		latest: number | null;
		retracted: boolean | null;
		settings: string;
	}>(
		db,
		sql`
			select
				(select max(version) from published_version where document_id = ${document}) as latest,
				(select retracted_at is not null from document where id = ${document}) as retracted,
				(select coalesce(extract(epoch from max(updated_at)), 0)::text from setting) as settings`
	);
	return row?.latest ? `${row.latest}${row.retracted ? 'r' : ''}-${row.settings}` : null;
}

/** A fresh nonce in place of the kept one: a nonce must not be reused across responses. */
function renonce(entry: Kept): Kept {
	const policy = entry.headers.find(([name]) => name === 'content-security-policy')?.[1];
	const old = policy?.match(/'nonce-([^']+)'/)?.[1];
	if (!old) {
		return entry;
	}
	const fresh = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
	return {
		...entry,
		headers: entry.headers.map(([name, value]) => [name, value.replaceAll(old, fresh)]),
		body: entry.body.replaceAll(old, fresh)
	};
}

function send(entry: Kept, head: boolean): Response {
	return new Response(head ? null : entry.body, {
		status: entry.status,
		headers: new Headers(entry.headers)
	});
}

export const publicCache: Handle = async ({ event, resolve }) => {
	const method = event.request.method;
	const route = routes.find(({ pattern }) => pattern.test(event.url.pathname));
	if (
		!route ||
		(method !== 'GET' && method !== 'HEAD') ||
		event.url.search ||
		(route.page && event.locals.user)
	) {
		return resolve(event);
	}
	const [, key] = event.url.pathname.match(route.pattern) ?? [];
	const byClaim = event.url.pathname.startsWith('/embed/');
	const tag = await state(event.locals.db, decodeURIComponent(key), byClaim);
	if (!tag) {
		return resolve(event);
	}
	const etag = `"${tag}${route.page ? `-${getLocale()}` : ''}"`;
	const validators: Record<string, string> = {
		etag,
		'cache-control': route.numbered ? NUMBERED : LATEST,
		...(route.page && { vary: 'Accept-Language, Cookie' })
	};
	const asked = event.request.headers.get('if-none-match') ?? '';
	if (asked.split(/\s*,\s*/).some((value) => value.replace(/^W\//, '') === etag)) {
		return new Response(null, { status: 304, headers: validators });
	}
	const cacheKey = `${event.url.pathname} ${etag}`;
	const hit = kept.get(cacheKey);
	if (hit) {
		kept.delete(cacheKey);
		kept.set(cacheKey, hit);
		return send(renonce(hit), method === 'HEAD');
	}
	const response = await resolve(event);
	if (response.status !== 200 || response.headers.has('set-cookie') || method !== 'GET') {
		return response;
	}
	for (const [name, value] of Object.entries(validators)) {
		response.headers.set(name, value);
	}
	const entry = { status: 200, headers: [...response.headers], body: await response.text() };
	keep(cacheKey, entry);
	return send(entry, false);
};
