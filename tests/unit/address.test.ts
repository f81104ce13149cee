import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { refuseNulInAddress } from '$lib/server/http/address';

/** Runs the handle on `url`; what it answers, or 'resolved' when it lets the request through. */
async function answer(url: string) {
	const event = {
		url: new URL(url),
		request: new Request(url)
	} as RequestEvent;
	const response = await refuseNulInAddress({
		event,
		resolve: async () => new Response('resolved')
	});
	return {
		status: response.status,
		type: response.headers.get('content-type'),
		nosniff: response.headers.get('x-content-type-options'),
		body: await response.text()
	};
}

describe('refuseNulInAddress', () => {
	it.each(['http://x/api/v1/public/fact-checks/a%00b', 'http://x/api/v1/documents?q=wages%00'])(
		'answers problem+json 400 for %s',
		async (url) => {
			const found = await answer(url);
			expect(found).toMatchObject({
				status: 400,
				type: 'application/problem+json',
				nosniff: 'nosniff'
			});
			expect(JSON.parse(found.body).detail).toMatch(/U\+0000/);
		}
	);

	it('answers a page with U+0000 in its address with plain text 400', async () => {
		expect(await answer('http://x/fact-checks/a%00b')).toMatchObject({
			status: 400,
			type: 'text/plain; charset=utf-8'
		});
	});

	it.each(['http://x/fact-checks/a%2500b', 'http://x/search?q=100%25', 'http://x/documents/a-b'])(
		'lets %s through',
		async (url) => {
			expect((await answer(url)).body).toBe('resolved');
		}
	);
});
