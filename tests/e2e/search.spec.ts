import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { origin } from './e2e-env';
import { bearer, createPerson, expect, selectWithKeyboard, signIn, test } from './fixtures';

test.use({ extraHTTPHeaders: { origin } });

const published = [
	'據報導，騰訊推出了大語言模型Hunyuan-Large，研發人員稱其性能優於一些美國開發的頂級開源模型。',
	'美國的晶片出口限制並未阻止中國的AI進展。'
].join('\n\n');

/**
 * A fact-check published through the API: one Chinese claim rated True, with a rationale and
 * evidence, approved by a reviewer. Returns its slug and the claim's id.
 */
async function publishOne(request: APIRequestContext, title: string) {
	const editor = await createPerson(request, ['editor'], 'Search Editor');
	const reviewer = await createPerson(request, ['reviewer'], 'Search Reviewer');
	const headers = await bearer(request, editor);
	const created = await request.post('/api/v1/documents', {
		headers,
		data: { title, text: published, language: 'zh-Hant' }
	});
	expect(created.status(), await created.text()).toBe(201);
	const id = (await created.json()).id as string;
	const made = await request.post(`/api/v1/documents/${id}/claims`, {
		headers,
		data: {
			selector: [{ type: 'TextQuoteSelector', exact: '騰訊推出了大語言模型Hunyuan-Large' }],
			claimText: '騰訊推出了大語言模型Hunyuan-Large，性能優於美國的頂級開源模型。'
		}
	});
	expect(made.status(), await made.text()).toBe(201);
	const claim = await made.json();
	const rated = await request.patch(`/api/v1/claims/${claim.id}`, {
		headers: { ...headers, 'if-match': `"${claim.version}"` },
		data: {
			rating: 'true',
			rationale: {
				type: 'doc',
				content: [{ type: 'paragraph', content: [{ type: 'text', text: '騰訊的論文證實。' }] }]
			}
		}
	});
	expect(rated.status(), await rated.text()).toBe(200);
	const evidence = await request.post(`/api/v1/claims/${claim.id}/evidence`, {
		headers,
		data: { kind: 'statement', quote: '騰訊發布Hunyuan-Large', stance: 'supports' }
	});
	expect(evidence.status(), await evidence.text()).toBe(201);
	expect((await request.post(`/api/v1/documents/${id}/submit`, { headers })).status()).toBe(200);
	const review = await bearer(request, reviewer);
	await request.post(`/api/v1/documents/${id}/review`, {
		headers: review,
		data: { decision: 'approve' }
	});
	const done = await request.post(`/api/v1/documents/${id}/publish`, { headers: review, data: {} });
	expect(done.status(), await done.text()).toBe(201);
	return { slug: ((await done.json()).url as string).split('/').pop() ?? '', claimId: claim.id };
}

async function screenshot(page: Page, name: string) {
	await page.screenshot({ path: `test-results/screens-search/${name}.png`, fullPage: true });
}

async function inLocale(browser: Browser, locale: string, javaScriptEnabled = true) {
	const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { origin } });
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: origin }]);
	return context;
}

test('an editor searches in Chinese and English, filters by kind, without JavaScript too', async ({
	request,
	browser,
	editor
}) => {
	const stamp = Date.now();
	const { slug, claimId } = await publishOne(request, `Search fact-check ${stamp}`);
	const headers = await bearer(request, editor);
	const draft = await request.post('/api/v1/documents', {
		headers,
		data: {
			title: `Rents report ${stamp}`,
			text: 'The councillor said rents were falling. Rising prices <b>hurt</b> renters.',
			language: 'en'
		}
	});
	expect(draft.status()).toBe(201);

	const context = await inLocale(browser, 'en');
	const page = await context.newPage();
	await signIn(page, editor);
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Search' })
		.click();
	await expect(page).toHaveURL(/\/search$/);
	const box = page.getByRole('searchbox', { name: 'Search documents, claims and verdicts' });
	await box.fill('Hunyuan 騰訊');
	await box.press('Enter');
	await expect(page).toHaveURL(/q=Hunyuan/);
	const results = page.getByRole('listitem').filter({ hasText: 'Published verdict' });
	await expect(results.first()).toBeVisible();
	const verdict = page.locator('.results li').filter({ hasText: 'Published verdict' }).first();
	await expect(verdict.getByText('True', { exact: true })).toBeVisible();
	await expect(verdict.locator('mark').first()).toBeVisible();
	await expect(verdict.getByRole('link').first()).toHaveAttribute(
		'href',
		`/fact-checks/${slug}#claim-${claimId}`
	);
	await screenshot(page, 'search-en');

	// English: stemmed, and the text's markup shown as text.
	await box.fill('renter prices');
	await box.press('Enter');
	const doc = page.locator('.results li').first();
	await expect(doc.getByRole('link', { name: `Rents report ${stamp}` })).toBeVisible();
	await expect(doc.locator('.snippet')).toContainText('<b>hurt</b>');
	await expect(doc.locator('.snippet mark')).toHaveText(['prices', 'renters']);

	// Only claims: the Chinese claim, not the documents.
	await box.fill('晶片');
	await box.press('Enter');
	await expect(page.locator('.results li').first()).toBeVisible();
	await page
		.getByRole('navigation', { name: 'Kind of result' })
		.getByRole('link', { name: 'Documents' })
		.click();
	await expect(page).toHaveURL(/type=documents/);
	await expect(page.locator('.results li .kind')).toHaveText(
		Array(await page.locator('.results li').count()).fill('Document')
	);

	// Nothing to search for: said beside the box, not an error page.
	await box.fill('!!!');
	await box.press('Enter');
	await expect(page.getByRole('alert')).toHaveText('Type letters or digits to search for.');
	// The same session, without JavaScript and in Chinese: the GET form and the server do it all.
	const session = (await context.cookies()).filter((c) => c.name !== 'PARAGLIDE_LOCALE');
	await context.close();
	const plain = await inLocale(browser, 'zh-Hant', false);
	await plain.addCookies(session);
	const noScript = await plain.newPage();
	await noScript.goto('/search');
	await noScript.getByRole('searchbox', { name: '搜尋文件、主張與查核結果' }).fill('大語言模型');
	await noScript.getByRole('button', { name: '搜尋', exact: true }).click();
	await expect(noScript.locator('.results li').first()).toContainText('大語言模型');
	await expect(noScript.locator('.results mark').first()).toHaveText('大語言模型');
	await screenshot(noScript, 'search-zh-Hant');
	await plain.close();
});

test('the API answers search with ranked, escaped hits, and 422 for what it cannot search', async ({
	request,
	editor
}) => {
	const headers = await bearer(request, editor);
	const empty = await request.get('/api/v1/search?q=', { headers });
	expect(empty.status()).toBe(422);
	expect(empty.headers()['content-type']).toContain('application/problem+json');
	expect((await request.get(`/api/v1/search?q=${'字'.repeat(201)}`, { headers })).status()).toBe(
		422
	);
	expect((await request.get('/api/v1/search?q=a&type=people', { headers })).status()).toBe(422);
	expect((await request.get('/api/v1/search?q=a&cursor=x', { headers })).status()).toBe(422);
	const nobody = await bearer(request, await createPerson(request, []));
	expect((await request.get('/api/v1/search?q=a', { headers: nobody })).status()).toBe(403);
	expect((await request.get('/api/v1/search?q=a', { headers: { cookie: '' } })).status()).toBe(401);
	const ok = await request.get('/api/v1/search?q=%E6%99%B6%E7%89%87&limit=5', { headers });
	expect(ok.status()).toBe(200);
	const body = await ok.json();
	expect(body).toHaveProperty('nextCursor');
	expect(Array.isArray(body.items)).toBe(true);
	expect(
		(
			await request.get('/api/v1/claims/00000000-0000-0000-0000-000000000000/matches', { headers })
		).status()
	).toBe(404);
});

test('while an editor marks and words a claim, similar published verdicts are listed', async ({
	request,
	browser,
	editor
}) => {
	const stamp = Date.now();
	const { slug, claimId } = await publishOne(request, `Matching fact-check ${stamp}`);
	const headers = await bearer(request, editor);
	const created = await request.post('/api/v1/documents', {
		headers,
		data: {
			title: `Paraphrase ${stamp}`,
			text: '另一家媒體說，騰訊發布的大語言模型Hunyuan-Large，性能比美國頂級開源模型更好。\n\n今天天氣晴朗。',
			language: 'zh-Hant'
		}
	});
	const document = await created.json();

	for (const locale of ['en', 'zh-Hant']) {
		const context = await inLocale(browser, locale);
		const page = await context.newPage();
		await signIn(page, editor);
		await page.goto(`/documents/${document.id}`, { waitUntil: 'networkidle' });
		if (locale === 'en') {
			// Mark the paraphrase: its card opens with the verdict already published on it.
			await selectWithKeyboard(page, 0, 7, 37);
			await page.keyboard.press('m');
		} else {
			await page.locator('.claim-card .title').first().click();
		}
		const similar = page.getByRole('region', {
			name: locale === 'en' ? 'Similar verdicts' : '類似的查核結果'
		});
		// Other tests publish the same claim meanwhile: this one is among the matches.
		const href = `a[href="/fact-checks/${slug}#claim-${claimId}"]`;
		const link = similar.locator(href);
		await expect(link).toBeVisible();
		await expect(link).toHaveAttribute('target', '_blank');
		const item = similar.getByRole('listitem').filter({ has: page.locator(href) });
		await expect(item.getByText(locale === 'en' ? 'True' : '正確', { exact: true })).toBeVisible();
		await expect(item).toContainText(locale === 'en' ? 'Published by us' : '本單位發布');
		await screenshot(page, `matches-${locale}`);
		if (locale === 'en') {
			// Rewording the claim as checked looks again: something else has no match.
			const wording = page.getByLabel('Claim, as checked');
			await wording.fill('今天天氣晴朗，適合出門。');
			await expect(similar).toContainText('No published verdict on a similar claim yet.');
			await wording.fill('騰訊的Hunyuan-Large模型優於美國頂級開源模型');
			await expect(similar.getByRole('link').first()).toBeVisible();
		}
		await context.close();
	}
});
