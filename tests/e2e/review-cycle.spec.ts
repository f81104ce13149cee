import { readFileSync } from 'node:fs';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { origin } from './e2e-env';
import { bearer, createPerson, expect, type Person, signIn, test } from './fixtures';

test.use({ extraHTTPHeaders: { origin } });

// The sample article the demo fact-checks: its first line is the title.
const [title, ...body] = readFileSync('seeds/sample-article.zh-Hant.txt', 'utf8').split('\n');
const text = body.join('\n');
const quotes = [
	'研發人員稱Hunyuan-Large模型的性能優於一些美國開發的頂級開源模型',
	'成爲前十名中唯一的開源國產模型'
];

async function as(browser: Browser, person: Person): Promise<Page> {
	const context = await browser.newContext({ extraHTTPHeaders: { origin } });
	const page = await context.newPage();
	await signIn(page, person);
	return page;
}

/** Gives a claim a rating, a rationale and a piece of evidence through the API. */
async function complete(request: APIRequestContext, headers: Record<string, string>, id: string) {
	const claim = await (await request.get(`/api/v1/claims/${id}`, { headers })).json();
	const rationale = {
		type: 'doc',
		content: [
			{ type: 'paragraph', content: [{ type: 'text', text: '環保局年報顯示降幅約三成。' }] }
		]
	};
	await request.patch(`/api/v1/claims/${id}`, {
		headers: { ...headers, 'if-match': `"${claim.version}"` },
		data: { rating: 'mostly_false', rationale }
	});
	await request.post(`/api/v1/claims/${id}/evidence`, {
		headers,
		data: { kind: 'link', url: 'https://example.org/report', stance: 'refutes', title: '年報' }
	});
}

test('submit, request changes on a claim, resubmit, approve, publish, then correct as version 2', async ({
	browser,
	request
}) => {
	test.slow();
	const editor = await createPerson(request, ['editor'], 'Cycle Editor');
	const reviewer = await createPerson(request, ['reviewer'], 'Cycle Reviewer');
	const headers = await bearer(request, editor);
	const created = await request.post('/api/v1/documents', {
		headers,
		data: { title: `${title} ${Date.now()}`, text, language: 'zh-Hant' }
	});
	const document = await created.json();
	const ids: string[] = [];
	for (const exact of quotes) {
		const claim = await request.post(`/api/v1/documents/${document.id}/claims`, {
			headers,
			data: { selector: [{ type: 'TextQuoteSelector', exact }] }
		});
		ids.push((await claim.json()).id);
	}
	await complete(request, headers, ids[0]);

	// The editor submits: refused, with the incomplete claim named and a link to it.
	const writer = await as(browser, editor);
	await writer.goto(`/documents/${document.id}`, { waitUntil: 'networkidle' });
	await writer.getByRole('button', { name: 'Submit for review' }).click();
	const refusal = writer.getByRole('alert').filter({ hasText: 'not ready for review' });
	await expect(refusal).toContainText('lacks a rating, a rationale, evidence');
	await refusal.getByRole('button', { name: 'Claim 2' }).click();
	await expect(writer.locator('.claim-card.active')).toContainText(quotes[1]);
	await complete(request, headers, ids[1]);
	await writer.reload({ waitUntil: 'networkidle' });
	await writer.getByRole('button', { name: 'Submit for review' }).click();
	await expect(writer.getByText(/In review: round 1, submitted by Cycle Editor/)).toBeVisible();
	await expect(writer.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);

	// The reviewer asks for changes, with a comment on claim 1.
	const checker = await as(browser, reviewer);
	await checker.goto(`/documents/${document.id}`, { waitUntil: 'networkidle' });
	await checker.getByRole('button', { name: 'Claim 1', exact: true }).click();
	await checker.getByLabel('Review comment on this claim').fill('年報的數字是哪一年？');
	await checker.getByLabel('Overall comment for the editors').fill('Please cite the year.');
	await expect(
		checker.getByText('1 claim comment(s) will be sent with your decision.')
	).toBeVisible();
	await checker.screenshot({ path: 'test-results/screens/review-reviewer.en.png' });
	await checker.getByRole('button', { name: 'Request changes' }).click();
	await expect(checker.getByText('Draft', { exact: true })).toBeVisible();

	// The editor finds the comment in the claim's thread, fixes the claim and resubmits.
	await writer.reload({ waitUntil: 'networkidle' });
	await writer.getByRole('button', { name: 'Claim 1', exact: true }).click();
	await expect(writer.getByRole('region', { name: /Discussion/ })).toContainText(
		'年報的數字是哪一年？'
	);
	await writer.getByLabel('Claimant').fill('騰訊研發人員');
	await writer.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(writer.getByText('Saved.')).toBeVisible();
	await writer.getByRole('button', { name: 'Submit for review' }).click();
	await expect(writer.getByText(/In review: round 2/)).toBeVisible();

	// The reviewer sees what changed, approves and publishes version 1.
	await checker.reload({ waitUntil: 'networkidle' });
	await expect(checker.getByText('Changed since the last round: wording')).toBeVisible();
	await checker.getByRole('button', { name: 'Approve' }).click();
	await checker.getByRole('button', { name: 'Publish version 1' }).click();
	await expect(checker.getByText('Published: version 1')).toBeVisible();

	// A correction: the editor changes a rating; the next publish is version 2 with its note.
	await writer.reload({ waitUntil: 'networkidle' });
	await writer.getByRole('button', { name: 'Claim 2', exact: true }).click();
	await writer.getByRole('radio', { name: 'False', exact: true }).check();
	await writer.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(writer.getByText('Saved.')).toBeVisible();
	await writer.getByRole('button', { name: 'Submit for review' }).click();
	await expect(writer.getByText(/In review: round 3/)).toBeVisible();
	await checker.reload({ waitUntil: 'networkidle' });
	await expect(checker.getByText('Changed since the last round: rating')).toBeVisible();
	await checker.getByRole('button', { name: 'Approve' }).click();
	await checker
		.getByLabel('Correction note for version 2 (public, required)')
		.fill('Claim 2 is rated False.');
	await checker.getByRole('button', { name: 'Publish version 2' }).click();
	await expect(checker.getByText('Published: version 2')).toBeVisible();

	// A reader, without JavaScript, reads version 2 with what changed, and version 1 as it was.
	const reader = await browser.newContext({ javaScriptEnabled: false });
	const page = await reader.newPage();
	const home = `/fact-checks/${encodeURIComponent(document.slug)}`;
	await page.goto(`${home}/v/2`);
	const changes = page.getByRole('region', { name: 'What changed from version 1' });
	await expect(changes).toContainText('Rating:');
	await expect(changes.getByText('Mostly false')).toBeVisible();
	await expect(changes.getByText('False', { exact: true })).toBeVisible();
	await expect(page.getByText('Claim 2 is rated False.')).toBeVisible();
	await page.screenshot({ path: 'test-results/screens/fact-check-version.en.png', fullPage: true });
	await page.getByRole('link', { name: 'Version 1' }).click();
	await expect(page.getByText('You are reading version 1; the latest is version 2.')).toBeVisible();
	await page.getByRole('link', { name: 'Read the latest' }).click();
	await expect(page).toHaveURL(new RegExp(`${home}$`));
	expect((await page.goto(`${home}/v/3`))?.status()).toBe(404);
	await reader.close();
	for (const page of [writer, checker]) {
		await page.context().close();
	}
});

test('the four-eyes rule holds for someone who is both editor and reviewer', async ({
	browser,
	request
}) => {
	const both = await createPerson(request, ['editor', 'reviewer'], 'Both Roles');
	const headers = await bearer(request, both);
	const created = await request.post('/api/v1/documents', {
		headers,
		data: { title: `Four eyes ${Date.now()}`, text, language: 'zh-Hant' }
	});
	const document = await created.json();
	const claim = await request.post(`/api/v1/documents/${document.id}/claims`, {
		headers,
		data: { selector: [{ type: 'TextQuoteSelector', exact: quotes[0] }] }
	});
	await complete(request, headers, (await claim.json()).id);
	const submitted = await request.post(`/api/v1/documents/${document.id}/submit`, { headers });
	expect(submitted.status()).toBe(200);
	const page = await as(browser, both);
	await page.goto(`/documents/${document.id}`, { waitUntil: 'networkidle' });
	await page.getByRole('button', { name: 'Approve' }).click();
	await expect(page.getByRole('alert')).toContainText('another reviewer must decide (four eyes)');
	const api = await request.post(`/api/v1/documents/${document.id}/review`, {
		headers,
		data: { decision: 'approve' }
	});
	expect(api.status()).toBe(403);
	await page.context().close();
});
