import { requirePermission } from '$lib/server/auth';
import * as evidence from '$lib/server/evidence';
import { api, methodNotAllowed } from '$lib/server/http/problem';

/**
 * The uploaded file, always as a download that cannot run anything on our origin: its type
 * from its bytes, nosniff, and a CSP that forbids everything and sandboxes it. Images still
 * show in an <img>, which ignores Content-Disposition.
 */
export const GET = api(async (event) => {
	requirePermission(event, 'document.read');
	const file = await evidence.file(event.locals.db, event.params.id ?? '');
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type':
				file.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mediaType,
			'content-length': String(file.size),
			'content-disposition': `attachment; filename="${asciiName(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; sandbox",
			'cache-control': 'private, max-age=3600',
			etag: `"${file.sha256}"`
		}
	});
});

/** The name for old clients that read only `filename`: ASCII, without quotes or backslashes. */
function asciiName(name: string): string {
	return name.replace(/[^\x20-\x7e]|["\\]/g, '_');
}

export const fallback = methodNotAllowed;
