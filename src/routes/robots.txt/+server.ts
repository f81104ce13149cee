import type { RequestHandler } from './$types';

/** Public pages are for crawlers; the newsroom's own pages and the private API are not. */
export const GET: RequestHandler = ({ url }) =>
	new Response(
		[
			'User-agent: *',
			'Allow: /fact-checks',
			'Allow: /api/v1/public/',
			'Disallow: /documents',
			'Disallow: /review',
			'Disallow: /admin',
			'Disallow: /settings',
			'Disallow: /notifications',
			'Disallow: /api/',
			'',
			`Sitemap: ${url.origin}/sitemap.xml`,
			''
		].join('\n'),
		{
			headers: {
				'content-type': 'text/plain; charset=utf-8',
				'cache-control': 'public, max-age=86400'
			}
		}
	);
