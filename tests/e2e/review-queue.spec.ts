import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { origin } from './e2e-env';
import { bearer, createPerson, expect, type Person, signIn, test } from './fixtures';

test.use({ extraHTTPHeaders: { origin } });

const rationale = {
	type: 'doc',
	content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }]
};

/**
 * A document made and submitted through the API by `editor`: one claim per quote, each rated,
 * reasoned and evidenced, so that the submission is accepted.
 */
async function submitted(
	request: APIRequestContext,
	editor: Person,
	document: { title: string; text: string; language: string },
	verdicts: [quote: string, rating: string][]
) {
	const headers = await bearer(request, editor);
	const created = await request.post('/api/v1/documents', { headers, data: document });
	expect(created.status(), await created.text()).toBe(201);
	const { id } = await created.json();
	for (const [exact, rating] of verdicts) {
		const made = await request.post(`/api/v1/documents/${id}/claims`, {
			headers,
			data: { selector: [{ type: 'TextQuoteSelector', exact }] }
		});
		expect(made.status(), await made.text()).toBe(201);
		const claim = await made.json();
		const rated = await request.patch(`/api/v1/claims/${claim.id}`, {
			headers: { ...headers, 'if-match': `"${claim.version}"` },
			data: { rating, rationale }
		});
		expect(rated.status(), await rated.text()).toBe(200);
		const evidence = await request.post(`/api/v1/claims/${claim.id}/evidence`, {
			headers,
			data: { kind: 'link', url: 'https://example.org', stance: 'refutes' }
		});
		expect(evidence.status(), await evidence.text()).toBe(201);
	}
	const submit = await request.post(`/api/v1/documents/${id}/submit`, { headers });
	expect(submit.status(), await submit.text()).toBe(200);
	return { id, headers };
}

const row = (page: Page, title: string) => page.getByRole('row').filter({ hasText: title });

test('a reviewer finds a submission in the queue, filters it and takes it', async ({
	page,
	request,
	reviewer
}) => {
	const unique = Date.now().toString(36);
	const editor = await createPerson(request, ['editor'], `Queue Editor ${unique}`);
	const english = `Schools report ${unique}`;
	const chinese = `學校報告 ${unique}`;
	await submitted(
		request,
		editor,
		{ title: english, text: 'The city built 40 new schools in 2024.', language: 'en' },
		[['built 40 new schools', 'false']]
	);
	// A second submission in another language, sent back once and resubmitted: round 2.
	const second = await submitted(
		request,
		editor,
		{
			title: chinese,
			text: '市政府去年興建了四十所新學校，學生人數增加一倍。',
			language: 'zh-Hant'
		},
		[
			['興建了四十所新學校', 'false'],
			['學生人數增加一倍', 'mostly_true']
		]
	);
	const other = await createPerson(request, ['reviewer'], `Other Reviewer ${unique}`);
	const sentBack = await request.post(`/api/v1/documents/${second.id}/review`, {
		headers: await bearer(request, other),
		data: { decision: 'request_changes', comment: 'Check the count.' }
	});
	expect(sentBack.status(), await sentBack.text()).toBe(200);
	const resubmitted = await request.post(`/api/v1/documents/${second.id}/submit`, {
		headers: second.headers
	});
	expect(resubmitted.status(), await resubmitted.text()).toBe(200);

	await signIn(page, reviewer);
	const queueLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', {
		name: /^Review queue, \d+ waiting$/
	});
	await expect(queueLink).toBeVisible();
	// The count is drawn beside the label, not written into it.
	await expect(queueLink).toHaveText('Review queue');
	const waiting = Number((await queueLink.getAttribute('aria-label'))?.match(/\d+/)?.[0]);
	expect(waiting).toBeGreaterThanOrEqual(2);

	await queueLink.click();
	await expect(page).toHaveURL(/\/review$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
	const mine = row(page, english);
	await expect(mine).toContainText(`Queue Editor ${unique}`);
	await expect(mine.getByRole('cell').nth(4)).toHaveText('1');
	await expect(mine).toContainText('False ×1');
	await expect(mine.getByRole('link', { name: english })).toHaveAttribute(
		'href',
		/^\/documents\/[0-9a-f-]{36}$/
	);
	const resubmittedRow = row(page, chinese);
	await expect(resubmittedRow).toContainText('Round 2');
	await expect(resubmittedRow).toContainText('False ×1');
	await expect(resubmittedRow).toContainText('Mostly true ×1');
	// Oldest first.
	const titles = await page.locator('tbody td.title a').allTextContents();
	expect(titles.indexOf(english)).toBeLessThan(titles.indexOf(chinese));

	await page.setViewportSize({ width: 1280, height: 900 });
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	await page.screenshot({ path: 'test-results/screens/review-queue.en.png', fullPage: true });

	await page.getByLabel('Document language').selectOption('en');
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(page).toHaveURL(/language=en/);
	await expect(mine).toBeVisible();
	await expect(resubmittedRow).toHaveCount(0);
	await page.getByLabel('Submitted by').selectOption({ label: `Queue Editor ${unique}` });
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(mine).toBeVisible();

	await mine.getByRole('button', { name: 'Take' }).click();
	await expect(page.getByRole('status')).toHaveText(
		`You took “${english}”. Open it to read it and decide.`
	);
	await expect(mine).toContainText('Taken by you');
	await expect(mine.getByRole('button')).toHaveCount(0);

	await page.goto('/review');
	await page.getByLabel('Taken by me').check();
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(page).toHaveURL(/taken=me/);
	await expect(page.getByRole('row')).toHaveCount(2);
	await expect(mine).toContainText('Taken by you');
	await expect(resubmittedRow).toHaveCount(0);
});

test('the queue filters and takes without JavaScript, and reads in Chinese', async ({
	browser,
	baseURL,
	request,
	reviewer
}) => {
	const unique = Date.now().toString(36);
	const editor = await createPerson(request, ['editor'], `陳編輯 ${unique}`);
	const title = `無腳本測試 ${unique}`;
	await submitted(
		request,
		editor,
		{ title, text: '全市空氣品質去年改善了三成。', language: 'zh-Hant' },
		[['改善了三成', 'false']]
	);
	const context = await browser.newContext({ javaScriptEnabled: false });
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'zh-Hant', url: baseURL ?? '' }]);
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('電子郵件').fill(reviewer.email);
	await page.getByLabel('密碼', { exact: true }).fill(reviewer.password);
	await page.getByRole('button', { name: '登入' }).click();
	await expect(page).toHaveURL(/\/review$/);
	await expect(page.getByRole('link', { name: /^審核佇列，\d+ 件等待中$/ })).toBeVisible();
	const theirs = row(page, title);
	await expect(theirs).toContainText('錯誤 ×1');

	await page.getByLabel('送審者', { exact: true }).selectOption({ label: `陳編輯 ${unique}` });
	await page.getByRole('button', { name: '篩選' }).click();
	await expect(page.getByRole('row')).toHaveCount(2);
	await theirs.getByRole('button', { name: '認領' }).click();
	await expect(page.getByRole('status')).toContainText(`您已認領「${title}」`);
	await expect(theirs).toContainText('已由您認領');

	await context.close();

	// axe needs JavaScript: the same queue, in Chinese, in a browser that runs it.
	const zh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	await zh.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'zh-Hant', url: baseURL ?? '' }]);
	const scripted = await zh.newPage();
	await signIn(scripted, reviewer);
	await expect(row(scripted, title)).toContainText('已由您認領');
	const results = await new AxeBuilder({ page: scripted }).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	await scripted.screenshot({
		path: 'test-results/screens/review-queue.zh-Hant.png',
		fullPage: true
	});
	await zh.close();
});

test('only a reviewer may take a submission', async ({ request, playwright, baseURL, editor }) => {
	const unique = Date.now().toString(36);
	const { id } = await submitted(
		request,
		editor,
		{ title: `Not yours ${unique}`, text: 'Prices rose by ten per cent.', language: 'en' },
		[['rose by ten per cent', 'false']]
	);
	const context = await playwright.request.newContext({
		baseURL,
		maxRedirects: 0,
		extraHTTPHeaders: { origin }
	});
	await context.post('/api/v1/auth/login', { data: editor });
	const taken = await context.post('/review?/take', { form: { id } });
	expect(taken.status()).toBe(403);
	expect(await taken.text()).toContain('You are not allowed');
	await context.dispose();
});
