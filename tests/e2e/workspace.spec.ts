import type { Page } from '@playwright/test';
import { expect, selectWithKeyboard, signIn, test } from './fixtures';

const article = [
	'去年11月，騰訊推出了大語言模型Hunyuan-Large。',
	'DeepSeek-V3在開源模型中排名第一 🚀，在全模型榜單上名列第七。',
	'The model is said to rival o1.'
].join('\n\n');

async function importText(page: Page, title: string, text: string, language = 'zh-Hant') {
	await page.goto('/documents/new');
	await page.getByLabel('Paste the text').fill(text);
	await page.getByLabel('Title').fill(title);
	await page.getByRole('combobox', { name: 'Language' }).fill(language);
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await page.waitForLoadState('networkidle');
}

test('an editor pastes a text and marks claims with the keyboard and the mouse', async ({
	page,
	editor
}) => {
	await signIn(page, editor);
	await importText(page, `騰訊 ${Date.now()}`, article);
	const cards = page.getByRole('complementary', { name: 'Claims' }).getByRole('article');

	// Keyboard: Shift+arrows, then M.
	await selectWithKeyboard(page, 0, 2, 3);
	await page.keyboard.press('m');
	await expect(cards).toHaveCount(1);
	await expect(cards.first().getByLabel('Claim, as checked')).toBeFocused();
	await expect(cards.first().locator('blockquote')).toHaveText('11月');

	// The open card loads its evidence and discussion; let the layout settle before measuring.
	await expect(cards.first().getByRole('heading', { name: /^Discussion/ })).toBeVisible();

	// Mouse: drag over the start of the second paragraph, then the button.
	const second = page.locator('.source p').nth(1);
	const box = await second.boundingBox();
	if (!box) {
		throw new Error('no second paragraph');
	}
	await page.mouse.move(box.x + 8, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + 120, box.y + box.height / 2, { steps: 4 });
	await page.mouse.up();
	await expect(page.getByText(/characters? selected/)).toBeVisible();
	await page.getByRole('button', { name: 'Mark as claim' }).click();
	await expect(cards).toHaveCount(2);
	await expect(cards.nth(1).locator('blockquote')).toHaveText(/eepSeek-V3/);

	// An overlapping claim: the emoji is never split, and both stay distinguishable.
	await selectWithKeyboard(page, 1, 9, 18);
	await page.keyboard.press('m');
	await expect(cards).toHaveCount(3);
	await expect(page.locator('.source [data-claim]')).not.toHaveCount(0);

	// Card fields are saved, and everything is still there after a reload. Only the open card
	// has its form: open the first one.
	await cards.first().getByRole('button', { name: 'Claim 1' }).click();
	await cards
		.first()
		.getByLabel('Claim, as checked')
		.fill('Tencent released Hunyuan-Large in November.');
	await cards.first().getByLabel('Claimant').fill('觀察者網');
	await cards.first().getByRole('button', { name: 'Save' }).click();
	await expect(cards.first().getByRole('status')).toHaveText('Saved.');
	await page.reload();
	await expect(cards).toHaveCount(3);
	await cards.first().getByRole('button', { name: 'Claim 1' }).click();
	await expect(cards.first().getByLabel('Claimant')).toHaveValue('觀察者網');

	// Clicking a highlight focuses its card; ] moves to the next claim.
	await page.locator('.source [data-claim]').first().click();
	await expect(page.locator('.claim-card.active')).toHaveCount(1);
});

test('a deleted claim comes back with undo', async ({ page, editor }) => {
	await signIn(page, editor);
	await importText(page, `Undo ${Date.now()}`, 'One claim here.\n\nAnother paragraph.', 'en');
	await selectWithKeyboard(page, 0, 4, 5);
	await page.keyboard.press('m');
	const cards = page.getByRole('complementary', { name: 'Claims' }).getByRole('article');
	await expect(cards).toHaveCount(1);
	await cards.first().getByRole('button', { name: 'Delete' }).click();
	await expect(cards).toHaveCount(0);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(cards).toHaveCount(1);
	await expect(cards.first().locator('blockquote')).toHaveText('claim');
});

test('right-to-left text is marked without changing how it renders', async ({ page, editor }) => {
	await signIn(page, editor);
	const arabic = 'قال الوزير إن النمو بلغ خمسة في المئة هذا العام.';
	await importText(page, `عربي ${Date.now()}`, arabic, 'ar');
	await expect(page.locator('.source')).toHaveAttribute('dir', 'rtl');
	const before = await page.locator('.source p').first().boundingBox();
	await selectWithKeyboard(page, 0, 4, 6);
	await page.keyboard.press('m');
	const cards = page.getByRole('complementary', { name: 'Claims' }).getByRole('article');
	await expect(cards).toHaveCount(1);
	const after = await page.locator('.source p').first().boundingBox();
	expect(after?.width).toBe(before?.width);
	expect(after?.height).toBe(before?.height);
	await page.screenshot({ path: 'test-results/screens/workspace-rtl.png' });
});

test('a reviewer reads the workspace without editing controls', async ({
	page,
	editor,
	reviewer,
	browser
}) => {
	const editorPage = await browser.newPage();
	await signIn(editorPage, editor);
	await importText(editorPage, `Read only ${Date.now()}`, 'Words to check.', 'en');
	const url = editorPage.url();
	await editorPage.close();
	await signIn(page, reviewer);
	await page.goto(url);
	await expect(
		page.getByText('You can read this document; editors mark its claims.')
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Mark as claim' })).toHaveCount(0);
});

test('an import with no text or a bad URL is refused beside the field, keeping the input', async ({
	page,
	editor
}) => {
	await signIn(page, editor);
	await page.goto('/documents/new');
	await page.getByLabel('Title').fill('Nothing');
	await page.getByLabel('Source URL').fill('javascript:alert(1)');
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByText('The text is empty.')).toBeVisible();
	await expect(page.getByLabel('Title')).toHaveValue('Nothing');
});

test('a revision keeps claims on their words and lets the editor settle an orphan', async ({
	page,
	editor
}) => {
	await signIn(page, editor);
	const first = '騰訊推出了大語言模型。\n\nDeepSeek-V3在開源模型中排名第一，名列第七。';
	await importText(page, `Revision ${Date.now()}`, first);
	const panel = page.getByRole('complementary', { name: 'Claims' });
	await selectWithKeyboard(page, 0, 0, 2); // 騰訊
	await page.keyboard.press('m');
	// Marking moves the keyboard to the new card; wait for it before selecting again.
	await expect(panel.getByRole('article')).toHaveCount(1);
	await expect(panel.getByLabel('Claim, as checked')).toBeFocused();
	await selectWithKeyboard(page, 1, 17, 4); // 排名第一
	await page.keyboard.press('m');
	await expect(panel.getByRole('article')).toHaveCount(2);
	await expect(panel.getByRole('article').nth(1).locator('blockquote')).toHaveText('排名第一');

	await page.getByRole('link', { name: 'Import a new revision' }).click();
	await page
		.getByLabel('Paste the text')
		.fill('新聞更正。\n\n騰訊推出了大語言模型。\n\nDeepSeek-V3在開源模型中排名第二，名列第七。');
	await page.getByRole('button', { name: 'Import revision' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Revision 2' })).toHaveText(
		'Revision 2 imported: 1 anchored, 0 moved, 1 orphaned.'
	);
	await expect(page.getByRole('heading', { name: /Orphaned claims/ })).toBeVisible();
	const orphan = panel.getByRole('article').first();
	await expect(orphan.locator('mark')).toHaveText('排名第一');
	await expect(orphan.locator('del')).toHaveText('一');
	await expect(orphan.locator('ins')).toHaveText('二');
	await page.screenshot({ path: 'test-results/screens/workspace-orphan.png' });
	await orphan.getByRole('button', { name: 'Attach to the suggestion' }).click();
	await expect(page.getByRole('heading', { name: /Orphaned claims/ })).toHaveCount(0);
	await expect(panel.getByRole('article').nth(1).locator('blockquote')).toHaveText('排名第二');
	await page.screenshot({ path: 'test-results/screens/workspace-revision.png', fullPage: true });
});
