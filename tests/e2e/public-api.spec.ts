import { origin } from './e2e-env';
import type { APIRequestContext } from '@playwright/test';
import { admin, bearer, createPerson, expect, test } from './fixtures';

test.use({ extraHTTPHeaders: { origin } });

const text = 'Growth was 5% 📈 this year.\n\nUnemployment fell to 3%, the minister said.';

/** A fact-check with one rated, evidenced claim, taken through review and published. */
async function publishFactCheck(request: APIRequestContext, title: string) {
	const editor = await createPerson(request, ['editor'], 'Public Editor');
	const reviewer = await createPerson(request, ['reviewer'], 'Public Reviewer');
	const headers = await bearer(request, editor);
	const make = async (title: string) =>
		(
			await (
				await request.post('/api/v1/documents', {
					headers,
					data: { title, text, language: 'en', sourceUrl: 'https://example.org/story' }
				})
			).json()
		).id as string;
	const published = await make(title);
	const draft = await make(`Draft ${Date.now()}`);
	const claim = await (
		await request.post(`/api/v1/documents/${published}/claims`, {
			headers,
			data: {
				selector: [{ type: 'TextQuoteSelector', exact: '📈 this year' }],
				claimant: 'The minister'
			}
		})
	).json();
	const rationale = {
		type: 'doc',
		content: [
			{ type: 'paragraph', content: [{ type: 'text', text: 'The statistics office says 4%.' }] }
		]
	};
	await request.patch(`/api/v1/claims/${claim.id}`, {
		headers: { ...headers, 'if-match': `"${claim.version}"` },
		data: { rating: 'mostly_false', rationale }
	});
	await request.post(`/api/v1/claims/${claim.id}/evidence`, {
		headers,
		data: { kind: 'link', url: 'https://example.org/stats', stance: 'refutes' }
	});
	expect((await request.post(`/api/v1/documents/${published}/submit`, { headers })).status()).toBe(
		200
	);
	const review = await bearer(request, reviewer);
	await request.post(`/api/v1/documents/${published}/review`, {
		headers: review,
		data: { decision: 'approve' }
	});
	const done = await request.post(`/api/v1/documents/${published}/publish`, {
		headers: review,
		data: {}
	});
	expect(done.status()).toBe(201);
	const { url } = await done.json();
	expect(done.headers().location).toBe(url);
	const slug = decodeURIComponent(url.split('/').pop());
	return { id: published, draft, claim, url: url as string, slug, headers, review };
}

test('the public API serves published fact-checks and nothing else', async ({
	request,
	playwright
}) => {
	// A Chinese title makes a Chinese slug: the Location header must still be valid.
	const { draft, claim, url, slug, headers } = await publishFactCheck(
		request,
		`公開查核 ${Date.now()}`
	);

	const anonymous = await playwright.request.newContext({ baseURL: origin });
	const list = await (
		await anonymous.get(`/api/v1/public/fact-checks?q=${encodeURIComponent('公開查核')}`)
	).json();
	expect(list.items.map((item: { slug: string }) => item.slug)).toContain(slug);

	const latest = await anonymous.get(`/api/v1/public/fact-checks/${slug}`);
	expect(latest.status()).toBe(200);
	expect(latest.headers()['cache-control']).toBe('public, max-age=0, must-revalidate');
	const body = await latest.json();
	expect(body).toMatchObject({ version: 1, latestVersion: 1, correctionNote: null });
	expect(body.claimReviews[0]).toMatchObject({
		'@type': 'ClaimReview',
		claimReviewed: '📈 this year',
		reviewRating: { ratingValue: 2, bestRating: 6, worstRating: 1, alternateName: 'Mostly false' },
		itemReviewed: {
			author: { name: 'The minister' },
			appearance: { url: 'https://example.org/story' }
		}
	});
	const v1 = await anonymous.get(`/api/v1/public/fact-checks/${slug}/versions/1`);
	expect(v1.headers()['cache-control']).toBe('public, max-age=86400');

	// The annotations' selectors select exactly their quotes, counting code points.
	const annotations = await (
		await anonymous.get(`/api/v1/public/fact-checks/${slug}/versions/1/annotations`)
	).json();
	const [quote, position] = annotations.first.items[0].target.selector;
	expect([...body.text].slice(position.start, position.end).join('')).toBe(quote.exact);

	const feed = await (await anonymous.get('/api/v1/public/claim-reviews')).json();
	expect(feed['@type']).toBe('DataFeed');
	expect(feed.dataFeedElement.map((r: { url: string }) => r.url)).toContain(
		body.claimReviews[0].url
	);

	const atomFeed = await anonymous.get('/feed.xml');
	expect(atomFeed.headers()['content-type']).toContain('application/atom+xml');
	expect(await atomFeed.text()).toContain(`${url}/v/1</id>`);
	expect(await (await anonymous.get('/sitemap.xml')).text()).toContain(`${url}</loc>`);
	expect(await (await anonymous.get('/robots.txt')).text()).toContain(
		`Sitemap: ${origin}/sitemap.xml`
	);

	// The claim's own page: exactly one ClaimReview, and an oEmbed card others may frame.
	const claimPage = await anonymous.get(`${url}/claims/${claim.id}`);
	expect(claimPage.status()).toBe(200);
	const html = await claimPage.text();
	const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)];
	expect(blocks).toHaveLength(1);
	expect(JSON.parse(blocks[0][1])).toMatchObject({
		'@type': 'ClaimReview',
		url: body.claimReviews[0].url
	});
	const oembed = await anonymous.get(
		`/api/oembed?url=${encodeURIComponent(`${origin}${url}/claims/${claim.id}`)}`
	);
	expect(oembed.status()).toBe(200);
	expect(await oembed.json()).toMatchObject({
		version: '1.0',
		type: 'rich',
		title: '📈 this year'
	});
	const card = await anonymous.get(`/embed/claims/${claim.id}`);
	expect(card.headers()['content-security-policy']).toContain('frame-ancestors *');
	const cardHtml = await card.text();
	expect(cardHtml).toContain('Mostly false');
	expect(cardHtml).not.toContain('Sign in');
	expect((await anonymous.get(`${url}`)).headers()['content-security-policy']).toContain(
		"frame-ancestors 'none'"
	);
	const elsewhere = `/api/oembed?url=${encodeURIComponent(`https://evil.example${url}/claims/${claim.id}`)}`;
	expect((await anonymous.get(elsewhere)).status()).toBe(404);

	const draftSlug = (await (await request.get(`/api/v1/documents/${draft}`, { headers })).json())
		.slug;
	const draftClaim = await (
		await request.post(`/api/v1/documents/${draft}/claims`, {
			headers,
			data: { selector: [{ type: 'TextQuoteSelector', exact: 'this year' }] }
		})
	).json();
	for (const path of [
		`/fact-checks/${encodeURIComponent(draftSlug)}/claims/${draftClaim.id}`,
		`/embed/claims/${draftClaim.id}`,
		`/api/oembed?url=${encodeURIComponent(`${origin}/fact-checks/${encodeURIComponent(draftSlug)}/claims/${draftClaim.id}`)}`,
		`/api/v1/public/fact-checks/${draftSlug}`,
		`/api/v1/public/fact-checks/${slug}/versions/2`,
		`/api/v1/public/fact-checks/${slug}/versions/x`
	]) {
		expect((await anonymous.get(path)).status(), path).toBe(404);
	}
	await anonymous.dispose();
});

test('a published page is rendered once per state, revalidated by its ETag, and moves on with a retraction', async ({
	request,
	playwright
}) => {
	const { id, url } = await publishFactCheck(request, `Cached ${Date.now()}`);
	const anonymous = await playwright.request.newContext({ baseURL: origin });
	const first = await anonymous.get(url);
	const etag = first.headers().etag;
	expect(etag).toMatch(/^"1-.+-en"$/);
	expect(first.headers()['cache-control']).toBe('public, max-age=0, must-revalidate');
	// The second reader gets the kept page: no script, so no nonce to share between readers.
	const second = await anonymous.get(url);
	expect(second.headers().etag).toBe(etag);
	expect(second.headers()['x-request-id']).not.toBe(first.headers()['x-request-id']);
	expect(await second.text()).toBe(await first.text());
	// Only JSON-LD: nothing that runs.
	expect((await first.text()).match(/<script(?![^>]*application\/ld\+json)/g)).toBeNull();
	expect(first.headers()['content-security-policy']).not.toContain('nonce-');
	expect((await anonymous.get(url, { headers: { 'if-none-match': etag } })).status()).toBe(304);
	// Another language is another page.
	const chinese = await anonymous.get(url, { headers: { 'accept-language': 'zh-TW' } });
	expect(chinese.headers().etag).toBe(etag.replace(/-en"$/, '-zh-Hant"'));

	const retracted = await request.post(`/api/v1/documents/${id}/retract`, {
		headers: await bearer(request, admin),
		data: { reason: 'The figures were from the wrong year.' }
	});
	expect(retracted.status()).toBe(200);
	const after = await anonymous.get(url, { headers: { 'if-none-match': etag } });
	expect(after.status()).toBe(200);
	expect(after.headers().etag).not.toBe(etag);
	expect(await after.text()).toContain('The figures were from the wrong year.');
	await anonymous.dispose();
});
