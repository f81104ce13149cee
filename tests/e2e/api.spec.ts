import type { APIRequestContext } from '@playwright/test';
import { origin } from './e2e-env';
import { admin, createPerson, expect, test } from './fixtures';

// As from a browser: it sends Origin with every write, and the API requires it of writes
// made with the session cookie (which this request context keeps).
test.use({ extraHTTPHeaders: { origin } });

async function tokenFor(request: APIRequestContext, person: { email: string; password: string }) {
	const response = await request.post('/api/v1/auth/login', {
		data: { email: person.email, password: person.password }
	});
	expect(response.status()).toBe(200);
	return (await response.json()).token as string;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

test('login gives a token that works until logout', async ({ request, editor }) => {
	const response = await request.post('/api/v1/auth/login', {
		data: { email: editor.email.toUpperCase(), password: editor.password }
	});
	expect(response.status()).toBe(200);
	const body = await response.json();
	expect(body.token).toMatch(/^[a-z2-7]{52}$/);
	expect(body.user).toMatchObject({ email: editor.email, roles: ['editor'] });
	expect(response.headers()['set-cookie']).toMatch(/factmark_session=.*HttpOnly.*SameSite=Lax/i);

	const me = await request.get('/api/v1/me', { headers: bearer(body.token) });
	expect(await me.json()).toEqual({
		id: body.user.id,
		email: editor.email,
		name: editor.name,
		roles: ['editor']
	});
	expect(
		(await request.post('/api/v1/auth/logout', { headers: bearer(body.token) })).status()
	).toBe(204);
	const after = await request.get('/api/v1/me', { headers: bearer(body.token) });
	expect(after.status()).toBe(401);
	expect(after.headers()['content-type']).toBe('application/problem+json');
});

test('bad credentials get 401 with one message', async ({ request, editor }) => {
	for (const data of [
		{ email: editor.email, password: 'wrong password' },
		{ email: 'nobody@factmark.test', password: editor.password },
		{ email: '', password: '' }
	]) {
		const response = await request.post('/api/v1/auth/login', { data });
		expect(response.status()).toBe(401);
		expect(await response.json()).toMatchObject({
			status: 401,
			detail: 'Wrong email or password.'
		});
	}
});

test('the users API is for admins only', async ({ request, editor, reviewer }) => {
	expect((await request.get('/api/v1/users')).status()).toBe(401);
	for (const person of [editor, reviewer]) {
		const token = await tokenFor(request, person);
		const list = await request.get('/api/v1/users', { headers: bearer(token) });
		expect(list.status()).toBe(403);
		const create = await request.post('/api/v1/users', {
			headers: bearer(token),
			data: {
				email: 'sneaky@factmark.test',
				name: 'Sneaky',
				password: 'a good passphrase',
				roles: ['admin']
			}
		});
		expect(create.status()).toBe(403);
	}
	const token = await tokenFor(request, admin);
	const all = await request.get('/api/v1/users?limit=200', { headers: bearer(token) });
	const emails = (await all.json()).items.map((user: { email: string }) => user.email);
	expect(emails).not.toContain('sneaky@factmark.test');
	expect(emails).toContain(editor.email);
});

test('the users list pages with limit and cursor', async ({ request }) => {
	const token = await tokenFor(request, admin);
	await createPerson(request, ['editor']);
	await createPerson(request, ['editor']);
	const first = await (
		await request.get('/api/v1/users?limit=1', { headers: bearer(token) })
	).json();
	expect(first.items).toHaveLength(1);
	expect(first.nextCursor).toEqual(expect.any(String));
	const second = await (
		await request.get(`/api/v1/users?limit=1&cursor=${first.nextCursor}`, {
			headers: bearer(token)
		})
	).json();
	expect(second.items[0].id).not.toBe(first.items[0].id);
	const bad = await request.get('/api/v1/users?limit=1000', { headers: bearer(token) });
	expect(bad.status()).toBe(422);
	expect((await bad.json()).errors[0].path).toBe('limit');
});

test('bad input gets problem+json and stores nothing', async ({ request }) => {
	const token = await tokenFor(request, admin);
	const post = (body: string, type = 'application/json') =>
		request.post('/api/v1/users', {
			headers: { ...bearer(token), 'content-type': type },
			data: Buffer.from(body)
		});

	const malformed = await post('{"email": ');
	expect(malformed.status()).toBe(400);
	expect(malformed.headers()['content-type']).toBe('application/problem+json');

	expect((await post('<user/>', 'application/xml')).status()).toBe(415);
	expect((await post(JSON.stringify({ name: 'x'.repeat(2_000_000) }))).status()).toBe(413);

	const wrongTypes = await post(
		JSON.stringify({
			email: 42,
			name: ['x'],
			password: 'a fine passphrase',
			roles: ['editor', 'owner']
		})
	);
	expect(wrongTypes.status()).toBe(422);
	const paths = (await wrongTypes.json()).errors.map((error: { path: string }) => error.path);
	expect(paths).toEqual(expect.arrayContaining(['email', 'name', 'roles.1']));

	const weak = await post(
		JSON.stringify({ email: 'weak@factmark.test', name: 'Weak', password: 'qwerty123', roles: [] })
	);
	expect(weak.status()).toBe(422);
	expect((await weak.json()).errors).toEqual([
		{ path: 'password', message: expect.stringContaining('common') }
	]);

	const list = await (
		await request.get('/api/v1/users?limit=200', { headers: bearer(token) })
	).json();
	expect(list.items.map((user: { email: string }) => user.email)).not.toContain(
		'weak@factmark.test'
	);
});

test('unknown paths and methods are problem+json too', async ({ request }) => {
	const missing = await request.get('/api/v1/no-such-thing');
	expect(missing.status()).toBe(404);
	expect(missing.headers()['content-type']).toBe('application/problem+json');
	const method = await request.delete('/api/v1/me');
	expect(method.status()).toBe(405);
});

test('a write with the session cookie from another origin is refused', async ({
	playwright,
	baseURL,
	editor
}) => {
	const context = await playwright.request.newContext({ baseURL });
	await context.post('/api/v1/auth/login', {
		data: { email: editor.email, password: editor.password }
	});
	const crossSite = await context.post('/api/v1/auth/logout', {
		headers: { origin: 'https://evil.example' }
	});
	expect(crossSite.status()).toBe(403);
	expect((await context.get('/api/v1/me')).status()).toBe(200);
	const sameSite = await context.post('/api/v1/auth/logout', {
		headers: { origin: baseURL ?? '' }
	});
	expect(sameSite.status()).toBe(204);
	expect((await context.get('/api/v1/me')).status()).toBe(401);
	await context.dispose();
});

test('health and readiness', async ({ request }) => {
	expect(await (await request.get('/healthz')).json()).toEqual({ status: 'ok' });
	const ready = await request.get('/readyz');
	expect(ready.status()).toBe(200);
	expect(ready.headers()['x-request-id']).toMatch(/^[\w-]{8,}$/);
});

test('the OpenAPI description lists every endpoint', async ({ request }) => {
	const response = await request.get('/api/v1/openapi.json');
	expect(response.status()).toBe(200);
	const document = await response.json();
	expect(document.openapi).toBe('3.1.0');
	// Every endpoint file under src/routes/api/v1, as an OpenAPI path: a new one must be described.
	const { readdirSync, statSync } = await import('node:fs');
	const routes: string[] = [];
	const walk = (dir: string, path: string) => {
		for (const entry of readdirSync(dir)) {
			const full = `${dir}/${entry}`;
			if (statSync(full).isDirectory()) {
				walk(full, `${path}/${entry.replace(/^\[(\w+)\]$/, '{$1}')}`);
			} else if (entry === '+server.ts') {
				routes.push(path);
			}
		}
	};
	walk('src/routes/api/v1', '');
	expect(Object.keys(document.paths).sort()).toEqual(routes.sort());
});
