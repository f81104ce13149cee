import { admin, createPerson, expect, signIn, test } from './fixtures';

const nav = (page: import('@playwright/test').Page) =>
	page.getByRole('navigation', { name: 'Main' });

test('an editor signs in, sees the documents and the editor navigation', async ({
	page,
	editor
}) => {
	await signIn(page, editor);
	await expect(page).toHaveURL(/\/documents$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
	await expect(nav(page).getByRole('link')).toHaveText([
		'Documents',
		'Search',
		'Other fact-checks',
		'Public site'
	]);
});

test('a reviewer lands on the review queue', async ({ page, reviewer }) => {
	await signIn(page, reviewer);
	await expect(page).toHaveURL(/\/review$/);
	await expect(nav(page).getByRole('link')).toHaveText([
		'Documents',
		'Search',
		'Review queue',
		'Other fact-checks',
		'Public site'
	]);
	await page.goto('/admin/users');
	await expect(page.getByRole('heading', { name: 'Something is wrong' })).toBeVisible();
	await expect(page.getByText('You are not allowed to see this page.')).toBeVisible();
});

test('an admin lands on the people page', async ({ page }) => {
	await signIn(page, admin);
	await expect(page).toHaveURL(/\/admin\/users$/);
	await expect(nav(page).getByRole('link', { name: 'Admin' })).toHaveAttribute(
		'aria-current',
		'page'
	);
});

test('someone with every role sees every section', async ({ page, request }) => {
	const chief = await createPerson(request, ['admin', 'editor', 'reviewer'], 'Chief');
	await signIn(page, chief);
	await expect(nav(page).getByRole('link')).toHaveText([
		'Documents',
		'Search',
		'Review queue',
		'Other fact-checks',
		'Public site',
		'Admin'
	]);
});

test('a wrong password is refused with one message and the email kept', async ({
	page,
	editor
}) => {
	await page.goto('/login');
	await page.getByLabel('Email').fill(editor.email);
	await page.getByLabel('Password').fill('not the password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
	await expect(page.getByLabel('Email')).toHaveValue(editor.email);

	await page.getByLabel('Email').fill('nobody@factmark.test');
	await page.getByLabel('Password').fill('not the password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
});

test('signing out ends the session on the server', async ({ page, editor }) => {
	await signIn(page, editor);
	const cookies = await page.context().cookies();
	const session = cookies.find((cookie) => cookie.name === 'factmark_session');
	expect(session?.httpOnly).toBe(true);
	expect(session?.sameSite).toBe('Lax');

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('status')).toHaveText('You are signed out.');

	// The old cookie, replayed, no longer opens anything.
	expect(session).toBeDefined();
	await page.context().addCookies(session ? [session] : []);
	await page.goto('/documents');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fdocuments/);
});

test('a page asked for before signing in opens after signing in', async ({ page, editor }) => {
	await page.goto('/settings');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fsettings/);
	await page.getByLabel('Email').fill(editor.email);
	await page.getByLabel('Password').fill(editor.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/settings$/);
});

test('after ten failures an account must wait, even with the right password', async ({
	page,
	request,
	editor
}) => {
	for (let i = 0; i < 10; i++) {
		const response = await request.post('/api/v1/auth/login', {
			data: { email: editor.email, password: `wrong ${i}` }
		});
		expect(response.status()).toBe(401);
	}
	await page.goto('/login', { waitUntil: 'networkidle' });
	await page.getByLabel('Email').fill(editor.email);
	await page.getByLabel('Password').fill(editor.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		/^Too many failed sign-ins\. Try again in 1[45] min\.$/
	);
	const api = await request.post('/api/v1/auth/login', {
		data: { email: editor.email, password: editor.password }
	});
	expect(api.status()).toBe(429);
	expect(Number(api.headers()['retry-after'])).toBeGreaterThan(800);
});
