import type { APIRequestContext, Page } from '@playwright/test';
import { origin } from './e2e-env';
import { bearer, createPerson, expect, type Person, signIn, test } from './fixtures';

test.use({ extraHTTPHeaders: { origin } });

const text = [
	'DeepSeek-V3在開源模型中排名第一 🚀，在全模型榜單上名列第七。',
	'美國在AI方面保持了兩到三年領先優勢。'
].join('\n\n');

const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64'
);

/** A document with one claim on 排名第一, made through the API by `person`. */
async function seed(request: APIRequestContext, person: Person) {
	const headers = await bearer(request, person);
	const created = await request.post('/api/v1/documents', {
		headers,
		data: { title: `Verdict test ${Date.now()}`, text, language: 'zh-Hant' }
	});
	const document = await created.json();
	const claim = await request.post(`/api/v1/documents/${document.id}/claims`, {
		headers,
		data: { selector: [{ type: 'TextQuoteSelector', exact: '排名第一' }] }
	});
	return { headers, document, claim: await claim.json() };
}

async function openClaim(page: Page, documentId: string) {
	await page.goto(`/documents/${documentId}`, { waitUntil: 'networkidle' });
	await page.getByRole('button', { name: 'Claim 1', exact: true }).click();
	await expect(page.getByRole('heading', { name: /^Evidence/ })).toBeVisible();
}

test('an editor takes a claim from highlight to an evidenced verdict', async ({
	page,
	request,
	editor
}) => {
	const { document, claim, headers } = await seed(request, editor);
	await signIn(page, editor);
	await openClaim(page, document.id);

	await page.getByLabel('Claim, as checked').fill('DeepSeek-V3 ranks first among open models');
	await page.getByLabel('Claimant').fill('Chatbot Arena');
	await page.getByRole('radio', { name: 'Mostly true' }).check();
	const rationale = page.getByRole('textbox', { name: 'Rationale' });
	await rationale.click();
	await page.keyboard.type('The leaderboard of ');
	await page.keyboard.press('Control+b');
	await page.keyboard.type('26 December');
	await page.keyboard.press('Control+b');
	await page.keyboard.type(' shows it first. ');
	await page.keyboard.type('Source');
	for (let i = 0; i < 'Source'.length; i++) {
		await page.keyboard.press('Shift+ArrowLeft');
	}
	await page.getByRole('button', { name: 'Link', exact: true }).click();
	await page.getByRole('textbox', { name: /address/i }).fill('https://lmarena.ai/leaderboard');
	await page.getByRole('button', { name: 'Apply' }).click();
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByText('Saved.')).toBeVisible();

	const stored = await (await request.get(`/api/v1/claims/${claim.id}`, { headers })).json();
	expect(stored).toMatchObject({ rating: 'mostly_true', claimant: 'Chatbot Arena' });
	expect(stored.rationaleHtml).toContain('<strong>26 December</strong>');
	expect(stored.rationaleHtml).toContain('rel="nofollow noopener"');

	// Each kind of evidence, the file uploaded through the form.
	const add = async (kind: string, fields: Record<string, string>, stance = 'Supports') => {
		await page.getByRole('button', { name: 'Add evidence…' }).click();
		await page.getByLabel('Kind').selectOption({ label: kind });
		await page.getByRole('radio', { name: stance }).check();
		for (const [label, value] of Object.entries(fields)) {
			await page.getByLabel(label, { exact: true }).fill(value);
		}
		return page.getByRole('button', { name: 'Add evidence', exact: true });
	};
	await (
		await add('Link', {
			'Address (URL, needed)': 'https://lmarena.ai/leaderboard',
			Title: 'Chatbot Arena leaderboard',
			Publisher: 'LMArena'
		})
	).click();
	await (await add('Quote', { 'Quoted words (needed)': '「開源模型第一」' }, 'Context')).click();
	await (
		await add('Statement', { 'Quoted words (needed)': 'We rank first.', Title: 'DeepSeek' })
	).click();
	await (
		await add(
			'Dataset',
			{ 'Address (URL, needed)': 'https://huggingface.co/datasets/x' },
			'Refutes'
		)
	).click();
	const addFile = await add('File', { Title: 'Screenshot of the board' });
	await page.getByLabel('File', { exact: true }).setInputFiles({
		name: 'board.png',
		mimeType: 'image/png',
		buffer: PNG
	});
	await addFile.click();
	const items = page.locator('.evidence li');
	await expect(items).toHaveCount(5);
	await expect(page.getByRole('img', { name: 'Screenshot of the board' })).toBeVisible();

	// A web page disguised as an image is refused beside the file field.
	const spoof = await add('File', {});
	await page.getByLabel('File', { exact: true }).setInputFiles({
		name: 'photo.png',
		mimeType: 'image/png',
		buffer: Buffer.from('<!doctype html><script>alert(1)</script>')
	});
	await spoof.click();
	await expect(page.getByText(/A file is a PDF, PNG, JPEG, WebP or plain text/)).toBeVisible();
	await page.getByRole('button', { name: 'Cancel' }).click();

	// Reorder and remove.
	await page.getByRole('button', { name: 'Move evidence 2 up' }).click();
	await expect(items.first()).toContainText('「開源模型第一」');
	await items.nth(3).getByRole('button', { name: 'Remove' }).click();
	await expect(items).toHaveCount(4);

	// Tall enough for the whole card: the claims panel scrolls on its own.
	await page.setViewportSize({ width: 1280, height: 2200 });
	await page.reload({ waitUntil: 'networkidle' });
	await page.getByRole('button', { name: 'Claim 1', exact: true }).click();
	await expect(page.getByRole('textbox', { name: 'Rationale' })).toContainText('26 December');
	await page.screenshot({ path: 'test-results/screens/claim-card-complete.png' });
});

test("a colleague's save while one edits shows beside the input, and saving merges", async ({
	browser,
	request,
	editor
}) => {
	const other = await createPerson(request, ['editor'], 'Bo Colleague');
	const { document, claim, headers } = await seed(request, editor);
	const pages = [];
	for (const person of [editor, other]) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signIn(page, person);
		await openClaim(page, document.id);
		pages.push(page);
	}
	const [mine, theirs] = pages;
	await mine.getByLabel('Claim, as checked').fill('My wording of the claim');
	await theirs.getByLabel('Claimant').fill('The Minister');
	await theirs.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(theirs.getByText('Saved.')).toBeVisible();

	// Their save reaches the card being edited at once, beside the input, not over it.
	const conflict = mine.getByRole('alert');
	await expect(conflict).toContainText('Bo Colleague changed this claim while you were editing');
	await expect(conflict).toContainText('The Minister');
	await expect(mine.getByLabel('Claim, as checked')).toHaveValue('My wording of the claim');
	await mine.evaluate(() => document.querySelector('.conflict')?.scrollIntoView());
	await mine.screenshot({ path: 'test-results/screens/claim-conflict.png' });

	// Their claimant is taken into the form; my claim text stays.
	await expect(mine.getByLabel('Claimant')).toHaveValue('The Minister');
	await mine.getByRole('button', { name: 'Save my changes' }).click();
	await expect(mine.getByText('Saved.')).toBeVisible();
	const stored = await (await request.get(`/api/v1/claims/${claim.id}`, { headers })).json();
	expect(stored).toMatchObject({ claimText: 'My wording of the claim', claimant: 'The Minister' });
	for (const page of pages) {
		await page.context().close();
	}
});

test('work is assigned to an editor, who finds it under "assigned to me"', async ({
	page,
	request,
	editor
}) => {
	const other = await createPerson(request, ['editor'], 'Assignee Person');
	const { document } = await seed(request, editor);
	await signIn(page, editor);
	await openClaim(page, document.id);
	await page
		.getByLabel('Assigned to', { exact: true })
		.last()
		.selectOption({ label: 'Assignee Person' });
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByText('Saved.')).toBeVisible();
	await page.context().clearCookies();
	await signIn(page, other);
	await page.goto('/documents');
	await page.getByLabel('Assigned to me').check();
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page.getByRole('link', { name: document.title })).toBeVisible();
	await expect(page.locator('tbody tr')).toHaveCount(1);
});

test('evidence through the API: limits, files and their safe download', async ({
	playwright,
	request,
	editor
}) => {
	const { claim, headers } = await seed(request, editor);
	const url = `/api/v1/claims/${claim.id}/evidence`;
	const huge = await request.post(url, {
		headers,
		data: { kind: 'quote', stance: 'supports', quote: 'x'.repeat(5 * 1024 * 1024) }
	});
	expect(huge.status()).toBe(413);
	const long = await request.post(url, {
		headers,
		data: { kind: 'quote', stance: 'supports', quote: 'x'.repeat(10_001) }
	});
	expect(long.status()).toBe(422);
	expect((await long.json()).errors[0].path).toBe('quote');

	const spoofed = await request.post(url, {
		headers,
		multipart: {
			kind: 'file',
			stance: 'supports',
			file: {
				name: 'cat.png',
				mimeType: 'image/png',
				buffer: Buffer.from('<html><script>1</script>')
			}
		}
	});
	expect(spoofed.status()).toBe(422);
	const upload = await request.post(url, {
		headers,
		multipart: {
			kind: 'file',
			stance: 'context',
			title: 'Notes',
			file: {
				name: '筆記 "a".txt',
				mimeType: 'text/html',
				buffer: Buffer.from('<b>plain</b> 文字')
			}
		}
	});
	expect(upload.status(), await upload.text()).toBe(201);
	const item = await upload.json();
	expect(item.file).toMatchObject({ name: '筆記 a.txt', mediaType: 'text/plain' });
	const download = await request.get(item.file.url, { headers });
	expect(download.headers()).toMatchObject({
		'content-type': 'text/plain; charset=utf-8',
		'x-content-type-options': 'nosniff',
		'content-security-policy': "default-src 'none'; sandbox"
	});
	expect(download.headers()['content-disposition']).toMatch(/^attachment; filename=/);
	expect(await download.text()).toBe('<b>plain</b> 文字');
	const anonymous = await playwright.request.newContext({ baseURL: origin });
	expect((await anonymous.get(item.file.url)).status()).toBe(401);
	await anonymous.dispose();

	const stale = await request.patch(`/api/v1/evidence/${item.id}`, {
		headers: { ...headers, 'if-match': '"9"' },
		data: { note: 'x' }
	});
	expect(stale.status()).toBe(412);
	const scale = await request.get('/api/v1/rating-scale', { headers: {} });
	expect(scale.status()).toBe(200);
	expect((await scale.json()).map((r: { key: string }) => r.key)).toContain('mostly_false');
});

test('leaving with a verdict not saved yet asks first, and keeps the input', async ({
	page,
	request,
	editor
}) => {
	const { document } = await seed(request, editor);
	await signIn(page, editor);
	await openClaim(page, document.id);
	const claimText = page.getByLabel('Claim, as checked');
	await claimText.fill('Not saved yet');
	const asked: string[] = [];
	page.on('dialog', (dialog) => {
		asked.push(`${dialog.type()}: ${dialog.message()}`);
		void dialog.dismiss();
	});

	// Another page of the app: asked in words, and staying keeps the input.
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Search' })
		.click();
	await expect
		.poll(() => asked)
		.toEqual(['confirm: You have changes that are not saved yet. Leave this page and lose them?']);
	await expect(page).toHaveURL(new RegExp(`/documents/${document.id}`));
	await expect(claimText).toHaveValue('Not saved yet');

	// Reloading (as SvelteKit does when a read finds the server away): the browser asks.
	await page.evaluate(() => location.reload());
	await expect.poll(() => asked).toHaveLength(2);
	expect(asked[1]).toMatch(/^beforeunload/);
	await expect(claimText).toHaveValue('Not saved yet');

	// Saved, only a comment being written holds it back.
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
	const comment = page.getByPlaceholder('Add a comment…');
	await comment.fill('A thought');
	const search = page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Search' });
	await search.click();
	await expect.poll(() => asked).toHaveLength(3);
	await expect(comment).toHaveValue('A thought');

	// With nothing left unsaved, it leaves without a question.
	await comment.fill('');
	await search.click();
	await expect(page).toHaveURL(/\/search/);
	expect(asked).toHaveLength(3);
});
