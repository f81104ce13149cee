import { bearer, expect, signIn, test } from './fixtures';
import { origin } from './e2e-env';

test('a personal access token is made in the settings page, shown once, used, and revoked', async ({
	page,
	context,
	playwright,
	editor
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
	await signIn(page, editor);
	await page.goto('/settings');
	const tokens = page.getByRole('region', { name: 'Personal access tokens' });
	await expect(tokens.getByText('No personal access tokens yet.')).toBeVisible();

	// The name is required: nothing is made without one.
	await tokens.getByRole('button', { name: 'Create token' }).click();
	await expect(tokens.getByRole('listitem')).toHaveCount(0);

	await tokens.getByLabel('Name').fill('Newsletter export');
	await expect(tokens.getByLabel('Expires after')).toHaveValue('90');
	await tokens.getByLabel('Expires after').selectOption('30');
	await tokens.getByRole('button', { name: 'Create token' }).click();
	const shown = tokens.getByRole('status');
	await expect(shown).toContainText(
		'Token “Newsletter export” created. Copy it now: you will not see it again.'
	);
	const secret = await tokens.getByLabel('Your new token').inputValue();
	expect(secret).toMatch(/^fmp_[a-z2-7]{52}$/);
	await tokens.getByRole('button', { name: 'Copy' }).click();
	await expect(tokens.getByRole('button', { name: 'Copied' })).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

	const item = tokens.getByRole('listitem').filter({ hasText: 'Newsletter export' });
	await expect(item).toContainText('last used never');

	// Used as a bearer token, it acts as its owner; as a cookie it is nobody.
	const api = await playwright.request.newContext({ baseURL: origin });
	const me = await api.get('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } });
	expect(me.status()).toBe(200);
	expect(await me.json()).toMatchObject({ email: editor.email, roles: ['editor'] });
	expect(me.headers()['ratelimit-policy']).toMatch(/^"token";q=\d+;w=60$/);
	expect(me.headers()['ratelimit']).toMatch(/^"token";r=\d+;t=\d+$/);
	const asCookie = await api.get('/api/v1/me', {
		headers: { cookie: `factmark_session=${secret}` }
	});
	expect(asCookie.status()).toBe(401);
	// A token cannot make more tokens.
	const more = await api.post('/api/v1/me/tokens', {
		headers: { authorization: `Bearer ${secret}` },
		data: { name: 'Another' }
	});
	expect(more.status()).toBe(403);

	// Shown once: after a reload the secret is gone, and the list says it has been used.
	await page.reload();
	await expect(tokens.getByLabel('Your new token')).toHaveCount(0);
	await expect(page.getByText(secret)).toHaveCount(0);
	await expect(item).not.toContainText('never');
	await expect(item).toContainText('last used');

	await item.getByText('Revoke…').click();
	await expect(item).toContainText('Revoke “Newsletter export”? Programs using it stop working');
	await item.getByRole('button', { name: 'Revoke token' }).click();
	await expect(page.getByRole('status')).toHaveText('Token revoked.');
	await expect(tokens.getByRole('listitem')).toHaveCount(0);

	const after = await api.get('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } });
	expect(after.status()).toBe(401);
	await api.dispose();
});

test('the API lists, makes and revokes tokens for a signed-in caller', async ({
	request,
	reviewer
}) => {
	const headers = await bearer(request, reviewer);
	const made = await request.post('/api/v1/me/tokens', {
		headers,
		data: { name: 'Scripted', expiresInDays: 7 }
	});
	expect(made.status(), await made.text()).toBe(201);
	const { token, id, expiresAt } = await made.json();
	expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);

	const duplicate = await request.post('/api/v1/me/tokens', {
		headers,
		data: { name: 'scripted' }
	});
	expect(duplicate.status()).toBe(422);
	expect((await duplicate.json()).errors).toEqual([
		expect.objectContaining({ path: 'name', message: 'You already have a token with this name.' })
	]);

	const listed = await request.get('/api/v1/me/tokens', {
		headers: { authorization: `Bearer ${token}` }
	});
	expect((await listed.json()).items).toEqual([
		expect.objectContaining({ id, name: 'Scripted', current: true })
	]);
	expect(await listed.text()).not.toContain(token);

	expect((await request.delete(`/api/v1/me/tokens/${id}`, { headers })).status()).toBe(204);
	expect(
		(await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } })).status()
	).toBe(401);
	expect((await request.delete(`/api/v1/me/tokens/${id}`, { headers })).status()).toBe(404);
});
