import type { Browser, Page } from '@playwright/test';
import { origin } from './e2e-env';
import {
	bearer,
	createPerson,
	expect,
	type Person,
	selectWithKeyboard,
	signIn,
	test
} from './fixtures';

test.use({ extraHTTPHeaders: { origin } });

const text = [
	'DeepSeek-V3在開源模型中排名第一 🚀，在全模型榜單上名列第七。',
	'美國在AI方面保持了兩到三年領先優勢。'
].join('\n\n');

/** A person's browser, signed in, on the document's workspace, live. */
async function open(browser: Browser, person: Person, documentId: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, person);
	await page.goto(`/documents/${documentId}`, { waitUntil: 'networkidle' });
	await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
	return page;
}

test('two editors annotate one text together and see each other live', async ({
	browser,
	request
}) => {
	test.slow(); // two browsers, and a dropped connection
	const ann = await createPerson(request, ['editor'], 'Ann 安');
	const bo = await createPerson(request, ['editor'], 'Bo 博');
	const headers = await bearer(request, ann);
	const document = await (
		await request.post('/api/v1/documents', {
			headers,
			data: { title: `Together ${Date.now()}`, text, language: 'zh-Hant' }
		})
	).json();
	const first = await (
		await request.post(`/api/v1/documents/${document.id}/claims`, {
			headers,
			data: { selector: [{ type: 'TextQuoteSelector', exact: '名列第七' }] }
		})
	).json();
	const a = await open(browser, ann, document.id);
	const b = await open(browser, bo, document.id);

	// Presence: each sees the other, and where the other's selection is.
	await expect(a.getByRole('list', { name: 'Also here' })).toContainText('Bo 博');
	await expect(b.getByRole('list', { name: 'Also here' })).toContainText('Ann 安');
	await selectWithKeyboard(b, 0, 0, 11);
	await expect(a.locator('.other-selection')).toHaveText('DeepSeek-V3');

	// A claim marked in A appears as a highlight in B.
	await selectWithKeyboard(a, 0, 11, 4);
	await a.keyboard.press('m');
	await expect(b.locator('.claim[data-claims]')).toHaveCount(2);
	await expect(b.getByRole('heading', { level: 2, name: /Claims/ })).toContainText('2');

	// A types in the new claim's card; B rates the other claim. A sees the rating, and keeps
	// what it typed.
	await a.getByLabel('Claim, as checked').fill('在開源模型中排名第一，仍未存檔');
	await b.getByRole('button', { name: /^Claim 2/ }).click();
	await b.getByText('Mostly false', { exact: true }).click();
	await b.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(b.getByText('Saved.')).toBeVisible();
	await expect(a.locator(`#card-${first.id}`)).toContainText('Mostly false');
	await expect(a.getByLabel('Claim, as checked')).toHaveValue('在開源模型中排名第一，仍未存檔');
	await expect(b.getByRole('button', { name: /Ann 安.*on claim 1/ })).toBeVisible();
	await a.screenshot({ path: 'test-results/screens/collab-presence.png' });

	// A goes offline; B changes things meanwhile; A comes back and catches up.
	await a.context().setOffline(true);
	await expect(a.getByRole('status').filter({ hasText: 'reconnecting' })).toBeVisible({
		timeout: 20_000
	});
	const bHeaders = await bearer(request, bo);
	await request.post(`/api/v1/claims/${first.id}/comments`, {
		headers: bHeaders,
		data: { body: '我查到了官方數字。' }
	});
	await request.post(`/api/v1/documents/${document.id}/claims`, {
		headers: bHeaders,
		data: { selector: [{ type: 'TextQuoteSelector', exact: '領先優勢' }] }
	});
	await a.context().setOffline(false);
	await expect(a.getByRole('status').filter({ hasText: 'caught up with 2 changes' })).toBeVisible({
		timeout: 20_000
	});
	await expect(a.locator('.claim[data-claims]')).toHaveCount(3);
	await expect(a.getByLabel('Claim, as checked')).toHaveValue('在開源模型中排名第一，仍未存檔');

	// A submit turns everyone's workspace read-only at once.
	const { items } = await (
		await request.get(`/api/v1/documents/${document.id}/claims`, { headers: bHeaders })
	).json();
	for (const claim of items) {
		await request.patch(`/api/v1/claims/${claim.id}`, {
			headers: { ...bHeaders, 'if-match': `"${claim.version}"` },
			data: {
				rating: 'true',
				rationale: {
					type: 'doc',
					content: [{ type: 'paragraph', content: [{ type: 'text', text: '查證屬實。' }] }]
				}
			}
		});
		await request.post(`/api/v1/claims/${claim.id}/evidence`, {
			headers: bHeaders,
			data: { kind: 'link', url: 'https://example.org/source', stance: 'supports' }
		});
	}
	const submitted = await request.post(`/api/v1/documents/${document.id}/submit`, {
		headers: bHeaders
	});
	expect(submitted.status(), await submitted.text()).toBe(200);
	await expect(a.getByText('You can read this document; editors mark its claims.')).toBeVisible();
	for (const page of [a, b]) {
		await page.context().close();
	}
});

test('a reviewer watching sees the same live view, without the editing controls', async ({
	browser,
	request,
	editor,
	reviewer
}) => {
	const headers = await bearer(request, editor);
	const document = await (
		await request.post('/api/v1/documents', {
			headers,
			data: { title: `Watched ${Date.now()}`, text, language: 'zh-Hant' }
		})
	).json();
	const page = await open(browser, reviewer, document.id);
	await expect(page.getByRole('button', { name: 'Mark as claim' })).toHaveCount(0);

	await request.post(`/api/v1/documents/${document.id}/claims`, {
		headers,
		data: { selector: [{ type: 'TextQuoteSelector', exact: '領先優勢' }] }
	});
	await expect(page.locator('.claim[data-claims]')).toHaveText('領先優勢');
	await expect(page.getByRole('button', { name: 'Mark as claim' })).toHaveCount(0);

	// The documents list says who is in it now.
	const list = await (await browser.newContext()).newPage();
	await signIn(list, editor);
	await list.goto('/documents');
	const row = list.getByRole('row').filter({ hasText: document.title });
	await expect(row).toContainText('Tester reviewer (has it open now)');
	await list.screenshot({ path: 'test-results/screens/documents-here-now.png' });
	await list.context().close();
	await page.context().close();
});
