import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { origin } from './e2e-env';
import { admin, expect, signIn, test } from './fixtures';

const defaults = [
	'True',
	'Mostly true',
	'Mixed',
	'Misleading',
	'Mostly false',
	'False',
	'Unverifiable'
];

const scaleOf = (page: Page) => page.getByRole('region', { name: 'Rating scale' });
const ratingRow = (page: Page, label: string) =>
	scaleOf(page).getByRole('listitem', { name: label, exact: true });

async function openRatings(page: Page) {
	await signIn(page, admin);
	await page.goto('/admin/ratings', { waitUntil: 'networkidle' });
	await expect(page.getByRole('heading', { level: 1, name: 'Rating scale' })).toBeVisible();
}

test('an admin sees the default scale in order, and reaches it from the admin tabs', async ({
	page
}) => {
	await signIn(page, admin);
	await page.goto('/admin/users');
	await page
		.getByRole('navigation', { name: 'Admin' })
		.getByRole('link', { name: 'Rating scale' })
		.click();
	await expect(page).toHaveURL(/\/admin\/ratings$/);
	const names = await scaleOf(page).getByRole('heading', { level: 3 }).allTextContents();
	expect(names.map((name) => name.trim()).filter((name) => defaults.includes(name))).toEqual(
		defaults
	);
	const mixed = ratingRow(page, 'Mixed');
	await expect(mixed).toContainText('mixed');
	await expect(mixed).toContainText('Value 4');
	await expect(mixed).toContainText('真假參半');
	await expect(ratingRow(page, 'Unverifiable')).toContainText('No value');
	await expect(ratingRow(page, 'True').getByRole('button', { name: /Move up/ })).toBeDisabled();
});

test('an admin renames Mixed in Chinese and recolours it; a too-light colour is refused', async ({
	page
}) => {
	await openRatings(page);
	const mixed = ratingRow(page, 'Mixed');
	await mixed.getByText('Edit', { exact: true }).click();

	// Too light for white text: refused beside the colour field, nothing typed is lost.
	await mixed.getByLabel('繁體中文 label').fill('好壞參半');
	await mixed.getByLabel('Colour', { exact: true }).fill('#ffff00');
	await mixed.getByRole('button', { name: 'Save changes' }).click();
	const colour = mixed.getByLabel('Colour', { exact: true });
	await expect(colour).toHaveAccessibleDescription(/This colour is too light/);
	await expect(colour).toHaveAttribute('aria-invalid', 'true');
	await expect(colour).toHaveValue('#ffff00');
	await expect(mixed.getByLabel('繁體中文 label')).toHaveValue('好壞參半');
	await expect(mixed.locator('dd[lang="zh-Hant"]')).toHaveText('真假參半');
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	await page.screenshot({
		path: 'test-results/screens/admin-ratings-invalid.en.png',
		fullPage: true
	});

	await colour.fill('#6b4a00');
	await mixed.getByRole('button', { name: 'Save changes' }).click();
	await expect(mixed.getByRole('status')).toHaveText('Saved.');
	await expect(mixed.locator('dd[lang="zh-Hant"]')).toHaveText('好壞參半');
	await expect(mixed.getByRole('heading', { level: 3 }).locator('span')).toHaveCSS(
		'background-color',
		'rgb(107, 74, 0)'
	);

	await page.reload();
	await expect(ratingRow(page, 'Mixed').locator('dd[lang="zh-Hant"]')).toHaveText('好壞參半');
	await ratingRow(page, 'Mixed').getByText('Edit', { exact: true }).click();
	await expect(ratingRow(page, 'Mixed').getByLabel('Colour', { exact: true })).toHaveValue(
		'#6b4a00'
	);
});

test('a save over someone else’s change is refused, and the form shows their values', async ({
	page,
	browser
}) => {
	await openRatings(page);
	const other = await browser.newPage();
	await openRatings(other);

	const mine = ratingRow(page, 'Misleading');
	await mine.getByText('Edit', { exact: true }).click();
	const theirs = ratingRow(other, 'Misleading');
	await theirs.getByText('Edit', { exact: true }).click();
	await theirs.getByLabel('English description').fill('Changed by someone else.');
	await theirs.getByRole('button', { name: 'Save changes' }).click();
	await expect(theirs.getByRole('status')).toHaveText('Saved.');
	await other.close();

	await mine.getByLabel('English description').fill('My change.');
	await mine.getByRole('button', { name: 'Save changes' }).click();
	await expect(mine.getByRole('alert')).toContainText('Someone changed this rating meanwhile');
	await expect(mine.getByLabel('English description')).toHaveValue('Changed by someone else.');
	// Saved again from the current values, it goes through.
	await mine.getByLabel('English description').fill('My change.');
	await mine.getByRole('button', { name: 'Save changes' }).click();
	await expect(mine.getByRole('status')).toHaveText('Saved.');
	await expect(mine).toContainText('My change.');
});

test('an admin adds a rating, moves it up, retires it and brings it back', async ({ page }) => {
	await openRatings(page);
	const unique = Date.now().toString(36);
	const label = `Disputed ${unique}`;
	const form = page.getByRole('region', { name: 'Add a rating' });
	await form.getByLabel('Key').fill(`disputed_${unique}`);
	await form.getByLabel('English label').fill(label);
	await form.getByLabel('繁體中文 label').fill(`有爭議 ${unique}`);
	await form.getByLabel('English description').fill('Experts disagree.');
	await form.getByLabel('Colour', { exact: true }).fill('#4b3f72');
	await form.getByLabel('Value').selectOption({ label: 'No value' });
	await form.getByRole('button', { name: 'Add rating' }).click();
	await expect(page.getByRole('status')).toHaveText(`${label} was added at the end of the scale.`);
	await expect(form.getByLabel('Key')).toHaveValue('');

	const headings = scaleOf(page).getByRole('heading', { level: 3 });
	await expect(headings.last()).toHaveText(label);
	// Other tests add ratings too: the one it passes is whichever was last before it.
	const previous = (await headings.nth(-2).textContent()) ?? '';
	const row = ratingRow(page, label);
	await expect(row).toContainText(`disputed_${unique}`);
	await expect(row).toContainText('No value');
	await expect(row.getByRole('button', { name: /Move down/ })).toBeDisabled();

	await row.getByRole('button', { name: /Move up/ }).click();
	await expect(headings.last()).toHaveText(previous);
	await expect(headings.nth(-2)).toHaveText(label);

	await row.getByRole('button', { name: 'Retire' }).click();
	await expect(row.getByRole('status')).toContainText('Retired: it can no longer be given.');
	await expect(row).toContainText('Retired');
	await row.getByRole('button', { name: 'Bring back' }).click();
	await expect(row.getByRole('status')).toContainText('Brought back');
	await expect(row.getByRole('button', { name: 'Retire' })).toBeVisible();

	// The same key again is refused beside the key field, with what was typed kept.
	await form.getByLabel('Key').fill(`disputed_${unique}`);
	await form.getByLabel('English label').fill('Twice');
	await form.getByRole('button', { name: 'Add rating' }).click();
	await expect(form.getByLabel('Key')).toHaveAccessibleDescription(
		/Another rating has this key already/
	);
	await expect(form.getByLabel('English label')).toHaveValue('Twice');
});

test('the page works without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, admin);
	await page.goto('/admin/ratings');
	const row = ratingRow(page, 'Mostly false');
	await row.getByText('Edit', { exact: true }).click();
	await row.getByLabel('Colour', { exact: true }).fill('#fff0f0');
	await row.getByRole('button', { name: 'Save changes' }).click();
	await expect(ratingRow(page, 'Mostly false').getByLabel('Colour', { exact: true })).toHaveValue(
		'#fff0f0'
	);
	await expect(ratingRow(page, 'Mostly false')).toContainText('This colour is too light');

	await ratingRow(page, 'Mostly false').getByLabel('Colour', { exact: true }).fill('#b0301a');
	await ratingRow(page, 'Mostly false').getByRole('button', { name: 'Save changes' }).click();
	await expect(ratingRow(page, 'Mostly false').getByRole('status')).toHaveText('Saved.');
	// Nothing the form did not change is lost on the way, descriptions included.
	await expect(ratingRow(page, 'Mostly false')).toContainText(
		'The claim contains an element of truth but ignores critical facts.'
	);
	await expect(ratingRow(page, 'Mostly false')).toContainText('大致錯誤');
	await context.close();
});

test('someone who is not an admin can neither see nor change the scale', async ({
	page,
	editor
}) => {
	await signIn(page, editor);
	const response = await page.goto('/admin/ratings');
	expect([403, 404]).toContain(response?.status());
	await expect(page.getByRole('navigation', { name: 'Admin' })).toHaveCount(0);

	for (const action of ['create', 'update', 'retire', 'move']) {
		const posted = await page.request.post(`/admin/ratings?/${action}`, {
			form: { key: 'false', version: '1', retired: 'true', direction: 'up' },
			headers: { origin, accept: 'application/json' }
		});
		expect(posted.status(), action).toBe(403);
	}
});
