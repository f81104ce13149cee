import { admin, createPerson, expect, signIn, test } from './fixtures';

test('an admin adds a person, who then signs in with the roles given', async ({
	page,
	browser
}) => {
	await signIn(page, admin);
	const unique = Date.now().toString(36);
	const email = `new-${unique}@factmark.test`;
	const name = `王小明 ${unique}`;
	const form = page.getByRole('region', { name: 'Add a person' });
	await form.getByLabel('Name').fill(name);
	await form.getByLabel('Email').fill(email);
	await form.getByLabel('Password').fill('a long enough passphrase');
	await form.getByLabel(/^Reviewer/).check();
	await form.getByRole('button', { name: 'Add person' }).click();
	await expect(page.getByRole('status')).toHaveText(`${name} can now sign in.`);
	const row = page.getByRole('row', { name: new RegExp(name) });
	await expect(row).toContainText('Editor');
	await expect(row).toContainText('Reviewer');

	const other = await browser.newPage();
	await signIn(other, { email, password: 'a long enough passphrase' });
	await expect(other).toHaveURL(/\/documents$/);
	await expect(other.getByRole('link', { name: 'Review queue' })).toBeVisible();
	await other.close();
});

test('bad input is shown beside its field and nothing is stored', async ({ page }) => {
	await signIn(page, admin);
	const form = page.getByRole('region', { name: 'Add a person' });
	await form.getByLabel('Name').fill('Weak Password');
	await form.getByLabel('Email').fill('weak@factmark.test');
	await form.getByLabel('Password').fill('password1');
	await form.getByRole('button', { name: 'Add person' }).click();
	await expect(form.getByText('This password is one of the most common ones')).toBeVisible();
	await expect(form.getByLabel('Email')).toHaveValue('weak@factmark.test');
	await expect(page.getByRole('row', { name: /Weak Password/ })).toHaveCount(0);

	await form.getByLabel('Password').fill('a long enough passphrase');
	await form.getByLabel('Email').fill(admin.email);
	await form.getByRole('button', { name: 'Add person' }).click();
	await expect(form.getByText('A user with this email address already exists.')).toBeVisible();
});

test('an admin changes roles, resets a password and disables a person', async ({
	page,
	browser,
	request
}) => {
	const name = `Disable Me ${Date.now().toString(36)}`;
	const person = await createPerson(request, ['editor'], name);
	const theirs = await browser.newPage();
	await signIn(theirs, person);

	await signIn(page, admin);
	await page.getByRole('link', { name }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	// Interact only once the page's script has loaded, or hydration may reset a checkbox.
	await page.waitForLoadState('networkidle');
	await page.getByLabel(/^Reviewer/).check();
	await page.getByRole('button', { name: 'Save roles' }).click();
	await expect(page.getByLabel(/^Reviewer/)).toBeChecked();
	await expect(page.getByRole('status')).toHaveText('Roles saved.');

	await page.getByRole('button', { name: 'Disable and sign out everywhere' }).click();
	await expect(page.getByRole('status')).toHaveText(
		`${name} is disabled and signed out everywhere.`
	);

	// Their open session ends at once, and they cannot sign in again.
	await theirs.goto('/documents');
	await expect(theirs).toHaveURL(/\/login/);
	await theirs.getByLabel('Email').fill(person.email);
	await theirs.getByLabel('Password').fill(person.password);
	await theirs.getByRole('button', { name: 'Sign in' }).click();
	await expect(theirs.getByRole('alert')).toHaveText('Wrong email or password.');

	await page.getByRole('button', { name: 'Enable' }).click();
	await expect(page.getByRole('status')).toHaveText(`${name} can sign in again.`);
	await page.getByLabel('New password', { exact: true }).fill('brand new passphrase');
	await page.getByRole('button', { name: 'Set a new password' }).click();
	await expect(page.getByRole('status')).toContainText('Password changed');

	await signIn(theirs, { email: person.email, password: 'brand new passphrase' });
	await expect(theirs.getByRole('link', { name: 'Review queue' })).toBeVisible();
	await theirs.close();
});

test('an admin signs a person out everywhere', async ({ page, browser, request }) => {
	const name = `Signed Out ${Date.now().toString(36)}`;
	const person = await createPerson(request, ['reviewer'], name);
	const theirs = await browser.newPage();
	await signIn(theirs, person);

	await signIn(page, admin);
	await page.getByRole('link', { name }).click();
	await page.getByRole('button', { name: 'Sign out everywhere', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText(`${name} is signed out everywhere.`);
	await theirs.goto('/review');
	await expect(theirs).toHaveURL(/\/login/);
	await theirs.close();
});

test('organisation settings refuse a bad address beside its field and keep the input', async ({
	page
}) => {
	await signIn(page, admin);
	await page.goto('/admin/settings');
	await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Factmark');
	await page.getByLabel('Website').fill('javascript:alert(1)');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('An address starts with http:// or https://.')).toBeVisible();
	await expect(page.getByLabel('Website')).toHaveValue('javascript:alert(1)');
	await expect(page.getByLabel('Require two approvals from different reviewers')).not.toBeChecked();
	await page.getByLabel('Website').fill('');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status')).toHaveText('Settings saved.');
	await page.screenshot({ path: 'test-results/screens/admin-settings.en.png', fullPage: true });
});
