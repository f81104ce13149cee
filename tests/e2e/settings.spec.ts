import { expect, signIn, test } from './fixtures';

test('changing one’s password ends the other sessions, not this one', async ({
	page,
	browser,
	editor
}) => {
	const elsewhere = await browser.newPage();
	await signIn(elsewhere, editor);
	await signIn(page, editor);
	await page.goto('/settings');
	await expect(
		page.getByRole('region', { name: 'Where you are signed in' }).getByRole('listitem')
	).toHaveCount(2);

	await page.getByLabel('Current password').fill('wrong one');
	await page.getByLabel('New password', { exact: true }).fill('another fine passphrase');
	await page.getByLabel('New password, again').fill('another fine passphrase');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByText('The current password is not right.')).toBeVisible();

	await page.getByLabel('Current password').fill(editor.password);
	await page.getByLabel('New password', { exact: true }).fill('another fine passphrase');
	await page.getByLabel('New password, again').fill('another fine passphrase');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Password changed. Your other sessions have ended.'
	);
	await expect(
		page.getByRole('region', { name: 'Where you are signed in' }).getByRole('listitem')
	).toHaveCount(1);

	await elsewhere.goto('/documents');
	await expect(elsewhere).toHaveURL(/\/login/);
	await elsewhere.close();
});

test('one can end another of one’s sessions from the list', async ({ page, browser, editor }) => {
	const elsewhere = await browser.newPage();
	await signIn(elsewhere, editor);
	await signIn(page, editor);
	await page.goto('/settings');
	const sessions = page.getByRole('region', { name: 'Where you are signed in' });
	await sessions.getByRole('button', { name: 'Sign out', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('Session ended.');
	await expect(sessions.getByRole('listitem')).toHaveCount(1);
	await expect(sessions.getByRole('listitem')).toContainText('This browser');
	await elsewhere.goto('/documents');
	await expect(elsewhere).toHaveURL(/\/login/);
	await elsewhere.close();
});
