import { origin } from './e2e-env';
import { bearer, expect, signIn, test } from './fixtures';

test.use({ extraHTTPHeaders: { origin } });

test('documents, claims, revisions and annotations through the API', async ({
	request,
	editor,
	reviewer
}) => {
	const headers = await bearer(request, editor);
	const created = await request.post('/api/v1/documents', {
		headers,
		data: {
			title: 'API article',
			text: 'Growth was 5% 📈 this year.\r\n\r\n\r\nUnemployment fell to 3%.',
			language: 'en-gb',
			sourceUrl: 'https://example.org/story'
		}
	});
	expect(created.status()).toBe(201);
	const document = await created.json();
	expect(document).toMatchObject({ status: 'draft', revision: 1, language: 'en-GB' });
	expect(document.text).toBe('Growth was 5% 📈 this year.\n\nUnemployment fell to 3%.');

	const claim = await request.post(`/api/v1/documents/${document.id}/claims`, {
		headers,
		data: { selector: [{ type: 'TextQuoteSelector', exact: '📈 this year' }], claimant: 'Minister' }
	});
	expect(claim.status()).toBe(201);
	const body = await claim.json();
	expect(body.selector[1]).toEqual({ type: 'TextPositionSelector', start: 14, end: 25 });

	const bad = await request.post(`/api/v1/documents/${document.id}/claims`, {
		headers,
		data: { selector: [{ type: 'TextQuoteSelector', exact: 'not there' }] }
	});
	expect(bad.status()).toBe(422);

	const noIfMatch = await request.patch(`/api/v1/claims/${body.id}`, {
		headers,
		data: { claimant: 'x' }
	});
	expect(noIfMatch.status()).toBe(428);
	const patched = await request.patch(`/api/v1/claims/${body.id}`, {
		headers: { ...headers, 'if-match': `"${body.version}"` },
		data: { claimText: 'Growth was 5% this year.' }
	});
	expect(patched.status()).toBe(200);
	const stale = await request.patch(`/api/v1/claims/${body.id}`, {
		headers: { ...headers, 'if-match': `"${body.version}"` },
		data: { claimText: 'Overwritten?' }
	});
	expect(stale.status()).toBe(412);

	const revision = await request.post(`/api/v1/documents/${document.id}/revisions`, {
		headers,
		data: { text: 'A correction.\n\nGrowth was 5% 📈 this year.\n\nUnemployment fell to 3%.' }
	});
	expect(revision.status()).toBe(201);
	expect(await revision.json()).toMatchObject({ revision: 2, anchored: [body.id], orphaned: [] });

	const readerHeaders = await bearer(request, reviewer);
	const annotations = await request.get(`/api/v1/documents/${document.id}/annotations`, {
		headers: readerHeaders
	});
	expect(annotations.headers()['content-type']).toContain('application/ld+json');
	const collection = await annotations.json();
	expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 1 });
	expect(collection.first.items[0].target.selector[1]).toEqual({
		type: 'TextPositionSelector',
		start: 29,
		end: 40
	});
	const forbidden = await request.post(`/api/v1/documents/${document.id}/claims`, {
		headers: readerHeaders,
		data: { selector: [{ type: 'TextQuoteSelector', exact: 'Growth' }] }
	});
	expect(forbidden.status()).toBe(403);
	const anonymous = await request.get(`/api/v1/documents/${document.id}`, {
		headers: { authorization: 'Bearer nope' }
	});
	expect(anonymous.status()).toBe(401);
});

test('an editor uploads a Word document', async ({ page, editor }) => {
	await signIn(page, editor);
	await page.goto('/documents/new');
	await page.getByLabel('…or upload a file').setInputFiles('tests/fixtures/article.docx');
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chips and AI');
	await expect(page.locator('.source p')).toHaveText([
		'Chips and AI',
		'DeepSeek-V3 ranked first among open models.',
		'美國在AI方面保持了兩到三年領先優勢。'
	]);
});
