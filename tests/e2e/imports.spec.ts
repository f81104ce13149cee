import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { bearer, expect, signIn, test, type Person } from './fixtures';

const article = [
	'🚀 Launch day 🎉: the minister said exports grew 12% in 2024 and that wages rose 3%.',
	'Critics 😀 said wages rose 3% only in the capital, and that unemployment doubled.'
].join('\n\n');

const at = (words: string) => {
	const start = article.indexOf(words);
	return { start, end: start + words.length };
};
const quote = (exact: string, prefix?: string, suffix?: string) => ({
	type: 'TextQuoteSelector',
	exact,
	...(prefix === undefined ? {} : { prefix }),
	...(suffix === undefined ? {} : { suffix })
});

/** The Hypothesis client's "Export annotations" file for this article (UTF-16 positions). */
function hypothesisExport() {
	const row = (id: string, selector: object[], text = '', extra: object = {}) => ({
		id,
		created: '2025-03-02T09:14:07.611123+00:00',
		updated: '2025-03-02T09:14:07.611123+00:00',
		user: 'acct:factdesk@hypothes.is',
		uri: 'https://news.example.org/launch-day',
		text,
		tags: [],
		group: '__world__',
		target: [{ source: 'https://news.example.org/launch-day', selector }],
		document: { title: ['Launch day'] },
		...extra
	});
	return {
		export_date: '2025-03-02T09:20:11.000Z',
		export_userid: 'acct:factdesk@hypothes.is',
		client_version: '1.1559.0',
		annotations: [
			row(
				'a1',
				[
					{
						type: 'RangeSelector',
						startContainer: '/p[1]',
						startOffset: 30,
						endContainer: '/p[1]',
						endOffset: 58
					},
					{ type: 'TextPositionSelector', ...at('exports grew 12%') },
					quote('exports grew 12%', 'the minister said ', ' in 2024')
				],
				'Customs data say 9.8%.'
			),
			row('a2', [quote('unemployment doubled')]),
			row('a3', [quote('wages rose 3 percent only in the capital', 'Critics 😀 said ', ', and')]),
			row('a4', [quote('the governor resigned on Tuesday evening')]),
			row('a5', [], 'Agreed', {
				references: ['a1'],
				target: [{ source: 'https://news.example.org/' }]
			})
		]
	};
}

async function newDocument(request: APIRequestContext, editor: Person, title: string) {
	const headers = await bearer(request, editor);
	const created = await request.post('/api/v1/documents', {
		headers,
		data: { title, text: article, language: 'en' }
	});
	expect(created.status(), await created.text()).toBe(201);
	return { id: (await created.json()).id as string, headers };
}

async function axe(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test('an editor imports a Hypothesis export in the workspace and reads the report', async ({
	page,
	request,
	editor
}) => {
	const { id } = await newDocument(request, editor, `Launch day ${Date.now()}`);
	await signIn(page, editor);
	await page.goto(`/documents/${id}`);
	await page.waitForLoadState('networkidle');
	const cards = page.getByRole('complementary', { name: 'Claims' }).getByRole('article');
	await expect(cards).toHaveCount(0);

	await page.getByText('Import annotations', { exact: true }).first().click();
	await page.getByLabel('Upload a file (.json, .jsonld)').setInputFiles({
		name: 'hypothesis-export.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(hypothesisExport()))
	});
	await page.getByRole('button', { name: 'Import annotations' }).click();

	const report = page.getByRole('region', { name: 'Import report' });
	await expect(report).toBeVisible();
	const count = (label: string) =>
		report
			.locator('dl div')
			.filter({ has: page.locator('dt').getByText(label, { exact: true }) })
			.locator('dd');
	await expect(count('Placed')).toHaveText('2');
	await expect(count('On similar words')).toHaveText('1');
	await expect(count('Not placed')).toHaveText('2');
	await expect(count('Already there')).toHaveText('0');
	await expect(report).toContainText('converted to characters: 1.');
	await expect(report.getByText('wages rose 3 percent only in the capital')).toBeVisible();
	await expect(
		report.getByText('wages rose 3% only in the capital', { exact: true })
	).toBeVisible();
	await expect(report).toContainText('Annotation 4');
	await expect(report).toContainText('not in this text');
	await expect(report).toContainText('A reply to another annotation');
	// The new claims are in the panel at once, without reloading.
	await expect(cards).toHaveCount(3);
	await expect(page.locator('.source [data-claim]')).not.toHaveCount(0);
	await axe(page);
	await page.screenshot({ path: 'test-results/screens/annotation-import.en.png', fullPage: true });

	// The fuzzy one opens its card from the report.
	await report.getByRole('link', { name: 'Annotation 3' }).click();
	await expect(
		cards.filter({ has: page.locator('blockquote', { hasText: 'wages rose 3% only' }) })
	).toHaveCount(1);

	// Pasted again: everything placed is already there.
	await page.getByLabel('…or paste the JSON').fill(JSON.stringify(hypothesisExport()));
	await page.getByRole('button', { name: 'Import annotations' }).click();
	await expect(count('Already there')).toHaveText('3');
	await expect(count('Placed')).toHaveText('0');
	await expect(cards).toHaveCount(3);

	// Something that is not JSON: said, nothing changes.
	await page.getByLabel('…or paste the JSON').fill('{"rows": [');
	await page.getByRole('button', { name: 'Import annotations' }).click();
	await expect(page.getByRole('alert')).toContainText('not valid JSON');
	await expect(cards).toHaveCount(3);
});

test('the import report in Traditional Chinese', async ({ browser, request, editor, baseURL }) => {
	const { id } = await newDocument(request, editor, `發布日 ${Date.now()}`);
	const context = await browser.newContext();
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'zh-Hant', url: baseURL ?? '' }]);
	const page = await context.newPage();
	await signIn(page, editor);
	await page.goto(`/documents/${id}`);
	await page.waitForLoadState('networkidle');
	await page.getByText('匯入註記', { exact: true }).first().click();
	await page.getByLabel('……或貼上 JSON').fill(JSON.stringify(hypothesisExport()));
	await page.getByRole('button', { name: '匯入註記' }).click();
	const report = page.getByRole('region', { name: '匯入報告' });
	await expect(report).toContainText('放在相近字句上——請檢查');
	await expect(report).toContainText('第 4 則註記');
	await axe(page);
	await page.screenshot({
		path: 'test-results/screens/annotation-import.zh-Hant.png',
		fullPage: true
	});
	await context.close();
});

test('without JavaScript, the import page takes the paste and shows the report', async ({
	browser,
	request,
	editor
}) => {
	const { id } = await newDocument(request, editor, `No script ${Date.now()}`);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, editor);
	await page.goto(`/documents/${id}/import-annotations`);
	await page.getByLabel('…or paste the JSON').fill(JSON.stringify(hypothesisExport()));
	await page.getByRole('button', { name: 'Import annotations' }).click();
	const report = page.getByRole('region', { name: 'Import report' });
	await expect(report).toContainText('Annotation 4');
	await expect(report.getByRole('link', { name: 'Annotation 3' })).toHaveAttribute(
		'href',
		new RegExp(`^/documents/${id}\\?claim=`)
	);
	await context.close();
});

test('the annotation import API: roles, content types and malformed bodies', async ({
	request,
	playwright,
	baseURL,
	editor,
	reviewer
}) => {
	const { id, headers } = await newDocument(request, editor, `API import ${Date.now()}`);
	const url = `/api/v1/documents/${id}/annotations`;
	const ok = await request.post(url, {
		headers: { ...headers, 'content-type': 'application/ld+json' },
		data: JSON.stringify({
			'@context': 'http://www.w3.org/ns/anno.jsonld',
			type: 'AnnotationCollection',
			first: {
				type: 'AnnotationPage',
				items: [
					{ type: 'Annotation', target: { selector: [quote('unemployment doubled')] } },
					{
						type: 'Annotation',
						target: { selector: [{ type: 'TextPositionSelector', start: 0, end: 1 }] }
					}
				]
			}
		})
	});
	expect(ok.status(), await ok.text()).toBe(200);
	expect(await ok.json()).toMatchObject({
		anchored: [
			{ index: 0, how: 'quote' },
			{ index: 1, how: 'position' }
		],
		fuzzy: [],
		unplaced: [],
		duplicates: []
	});

	// Fresh contexts: `request` carries the editor's session cookie from signing in.
	const other = await playwright.request.newContext({ baseURL });
	const asReviewer = await bearer(other, reviewer);
	const forbidden = await other.post(url, { headers: asReviewer, data: [] });
	expect(forbidden.status()).toBe(403);
	expect(forbidden.headers()['content-type']).toContain('application/problem+json');
	await other.dispose();
	const anonymous = await playwright.request.newContext({ baseURL });
	expect((await anonymous.post(url, { data: [] })).status()).toBe(401);
	await anonymous.dispose();

	for (const [body, type, status] of [
		['[{', 'application/json', 400],
		['"hello"', 'application/json', 422],
		[
			'{"type":"AnnotationCollection","first":"https://elsewhere.example/p1"}',
			'application/json',
			422
		],
		['[]', 'application/json', 422],
		['[]', 'application/xml', 415]
	] as const) {
		const response = await request.post(url, {
			headers: { ...headers, 'content-type': type },
			// Bytes, as sent: Playwright would serialise a string given with a JSON content type.
			data: Buffer.from(body)
		});
		expect(response.status(), body).toBe(status);
		expect(response.headers()['content-type']).toContain('application/problem+json');
	}
	const missing = await request.post(
		'/api/v1/documents/00000000-0000-4000-8000-000000000000/annotations',
		{
			headers,
			data: []
		}
	);
	expect(missing.status()).toBe(404);
});

const claimReview = (n: number, fields: Record<string, unknown> = {}) => ({
	'@context': 'https://schema.org',
	'@type': 'ClaimReview',
	url: `https://factcheck.example.tw/articles/${n}`,
	claimReviewed: `網傳「喝溫鹽水可以預防病毒感染」第${n}則`,
	datePublished: '2025-02-14',
	inLanguage: 'zh-Hant',
	author: { '@type': 'Organization', name: '台灣事實查核範例中心' },
	itemReviewed: {
		'@type': 'Claim',
		author: { '@type': 'Person', name: '網路流傳訊息' },
		appearance: { '@type': 'CreativeWork', url: 'https://social.example.com/posts/998877' }
	},
	reviewRating: {
		'@type': 'Rating',
		ratingValue: 1,
		bestRating: 5,
		worstRating: 1,
		alternateName: '錯誤'
	},
	...fields
});

test("an editor keeps other fact-checkers' verdicts from a page's HTML", async ({
	page,
	request,
	editor,
	reviewer
}) => {
	const n = Date.now();
	const html = `<!doctype html><html><head><title>查核報告</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"範例中心"}</script>
<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@graph': [claimReview(n), claimReview(n + 1, { url: 'javascript:alert(1)', claimReviewed: '<img src=x onerror=alert(1)>' })] })}</script>
</head><body></body></html>`;
	await signIn(page, editor);
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Other fact-checks' })
		.click();
	await expect(
		page.getByRole('heading', { level: 1, name: "Other fact-checkers' verdicts" })
	).toBeVisible();
	await page.getByLabel('Paste JSON-LD or HTML').fill(html);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	const report = page.getByRole('region', { name: 'Import report' });
	const count = (label: string) =>
		report
			.locator('dl div')
			.filter({ has: page.locator('dt').getByText(label, { exact: true }) })
			.locator('dd');
	await expect(count('Imported')).toHaveText('1');
	await expect(count('Refused')).toHaveText('1');
	await expect(report).toContainText('not an http or https address');
	await expect(report).toContainText('Organization');
	const row = page.getByRole('row').filter({ hasText: `第${n}則` });
	await expect(row).toContainText('錯誤 (1 of 5)');
	await expect(row).toContainText('台灣事實查核範例中心');
	await expect(row.getByRole('link')).toHaveAttribute(
		'href',
		`https://factcheck.example.tw/articles/${n}`
	);
	await axe(page);
	await page.screenshot({ path: 'test-results/screens/references.en.png', fullPage: true });

	// Importing the same url again updates it.
	await page
		.getByLabel('Paste JSON-LD or HTML')
		.fill(JSON.stringify(claimReview(n, { reviewRating: { alternateName: '部分錯誤' } })));
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(count('Updated')).toHaveText('1');
	await expect(row).toContainText('部分錯誤');

	// A reviewer reads the list but cannot import or remove.
	const asReviewer = await bearer(request, reviewer);
	const list = await request.get(
		`/api/v1/external-claim-reviews?q=${encodeURIComponent(`第${n}則`)}`,
		{
			headers: asReviewer
		}
	);
	expect(list.status()).toBe(200);
	const { items, nextCursor } = await list.json();
	expect(items).toHaveLength(1);
	expect(nextCursor).toBeNull();
	const refused = await request.post('/api/v1/external-claim-reviews', {
		headers: asReviewer,
		data: claimReview(n + 2)
	});
	expect(refused.status()).toBe(403);
	expect(
		(
			await request.delete(`/api/v1/external-claim-reviews/${items[0].id}`, { headers: asReviewer })
		).status()
	).toBe(403);

	// Removed by the editor.
	await row.getByRole('button', { name: /^Remove/ }).click();
	await expect(row).toHaveCount(0);
});

test("other fact-checkers' verdicts in Traditional Chinese, and through the API", async ({
	browser,
	request,
	editor,
	baseURL
}) => {
	const n = Date.now() + 7;
	const headers = await bearer(request, editor);
	const created = await request.post('/api/v1/external-claim-reviews', {
		headers,
		data: [claimReview(n), { '@type': 'ClaimReview', url: 'https://x.example/1' }]
	});
	expect(created.status(), await created.text()).toBe(200);
	expect(await created.json()).toMatchObject({
		imported: [{ index: 0, url: `https://factcheck.example.tw/articles/${n}` }],
		refused: [{ index: 1, reason: 'no_claim' }]
	});
	const none = await request.post('/api/v1/external-claim-reviews', {
		headers,
		data: { '@type': 'Organization' }
	});
	expect(none.status()).toBe(422);
	const bad = await request.get('/api/v1/external-claim-reviews?limit=500', { headers });
	expect(bad.status()).toBe(422);

	const context = await browser.newContext();
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'zh-Hant', url: baseURL ?? '' }]);
	const page = await context.newPage();
	await signIn(page, editor);
	await page.goto('/references');
	await expect(page.getByRole('heading', { level: 1, name: '其他查核機構的判定' })).toBeVisible();
	await page.getByRole('searchbox').fill(`第${n}則`);
	await page.getByRole('button', { name: '搜尋' }).click();
	await page.waitForURL(/[?&]q=/);
	await expect(page.getByRole('row').filter({ hasText: `第${n}則` })).toContainText('錯誤（1／5）');
	await page.getByLabel('貼上 JSON-LD 或 HTML').fill('just words');
	await page.getByRole('button', { name: '匯入', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('請貼上 ClaimReview JSON-LD');
	await axe(page);
	await page.screenshot({ path: 'test-results/screens/references.zh-Hant.png', fullPage: true });
	await context.close();
});
