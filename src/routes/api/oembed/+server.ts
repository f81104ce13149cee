import { AppError } from '$lib/server/errors';
import { api, json, methodNotAllowed } from '$lib/server/http/problem';
import * as publishing from '$lib/server/publishing';
import * as settings from '$lib/server/settings';

/**
 * Public: oEmbed (https://oembed.com) for a claim's verdict page: `?url=<this site>/fact-checks/
 * <slug>/claims/<id>`, JSON only. 404 for anything else, 501 for another format.
 */
export const GET = api(async (event) => {
	const query = event.url.searchParams;
	if ((query.get('format') ?? 'json') !== 'json') {
		return new Response(null, { status: 501 });
	}
	const target = URL.canParse(query.get('url') ?? '') ? new URL(query.get('url') ?? '') : null;
	const id = target?.pathname.match(/^\/fact-checks\/[^/]+\/claims\/([0-9a-f-]{36})$/i)?.[1];
	if (!target || target.origin !== event.url.origin || !id) {
		throw new AppError(404, 'Not a claim page of this site.');
	}
	const { claim } = await publishing.publicClaim(event.locals.db, id);
	const width = Math.min(Number(query.get('maxwidth')) || 480, 800);
	const height = Math.min(Number(query.get('maxheight')) || 200, 600);
	const src = `${event.url.origin}/embed/claims/${claim.id}`;
	return json({
		version: '1.0',
		type: 'rich',
		title: claim.claimText || claim.exact,
		provider_name: await settings.get(event.locals.db, 'organisationName'),
		provider_url: event.url.origin,
		width,
		height,
		html: `<iframe src="${src}" width="${width}" height="${height}" style="border:0" title="${escapeAttribute(claim.claimText || claim.exact)}" loading="lazy"></iframe>`
	});
});

function escapeAttribute(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const fallback = methodNotAllowed;
