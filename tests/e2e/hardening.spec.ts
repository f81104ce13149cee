// The hardening of the running server, as a browser and an attacker meet it: the content
// security policy of every page, the headers of every answer, HSTS and cookie flags behind an
// https proxy, CSRF for form actions and for JSON writes made with the cookie, session
// fixation, and an admin ending someone's sessions. Already covered elsewhere and not repeated
// here: cookie attributes per scheme (tests/unit/cookie.test.ts), the embed card's framing
// (public-api.spec.ts), signing out (auth.spec.ts), ending one's own sessions
// (settings.spec.ts) and an admin's sign-out seen in the browser (admin.spec.ts; here it is
// followed to the person's tokens).
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, sep } from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { reviewFlow } from './api-data';
import { origin, port } from './e2e-env';
import { admin, createPerson, expect, signIn, test, type Person } from './fixtures';

const foreign = 'https://evil.example';

/** What the browser-side probes leave on `window`. */
interface Probe {
	cspViolations: string[];
	injected?: boolean;
}

/**
 * A bearer token for `person`, signed in outside any cookie jar: a context holding a session
 * cookie may not post to the API without an Origin, sign-in included.
 */
async function tokenFor(person: { email: string; password: string }) {
	const response = await fetch(`${origin}/api/v1/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: person.email, password: person.password })
	});
	expect(response.status).toBe(200);
	return { authorization: `Bearer ${((await response.json()) as { token: string }).token}` };
}

/** A form as a browser posts it (SvelteKit answers JSON to anyone who accepts anything). */
const asBrowser = { accept: 'text/html' };

/** A new person through the API, with their id. */
async function createPersonWithId(request: APIRequestContext, roles: string[], name: string) {
	const person = await createPerson(request, roles, name);
	const headers = await tokenFor(admin);
	for (let cursor = ''; ;) {
		const page = await (await request.get(`/api/v1/users?limit=200${cursor}`, { headers })).json();
		const found = page.items.find((item: { email: string }) => item.email === person.email);
		if (found) {
			return { ...person, id: found.id as string };
		}
		expect(page.nextCursor, `${person.email} is listed`).toBeTruthy();
		cursor = `&cursor=${encodeURIComponent(page.nextCursor)}`;
	}
}

/** A published fact-check with one claim, and a draft: what every page needs to show. */
async function factCheck(request: APIRequestContext) {
	const editor = await createPerson(request, ['editor'], 'Hardening Editor');
	const reviewer = await createPerson(request, ['reviewer'], 'Hardening Reviewer');
	const tokens: Record<string, Record<string, string>> = {
		editor: await tokenFor(editor),
		reviewer: await tokenFor(reviewer)
	};
	const flow = reviewFlow<Record<string, never>>(async (as, method, path, json, headers) => {
		const response = await request.fetch(`/api/v1${path}`, {
			method,
			headers: { ...tokens[as], ...headers },
			...(json === undefined ? {} : { data: json })
		});
		expect(response.status(), `${method} ${path}`).toBeLessThan(300);
		return response.json();
	});
	const published = await flow.published(`Hardened ${Date.now()}`);
	const draft = await flow.draft(`Hardened draft ${Date.now()}`);
	return {
		published: published.id,
		draft: draft.id,
		claimId: String(published.claim.id),
		slug: published.slug
	};
}

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | undefined): Map<string, string[]> {
	expect(header, 'a Content-Security-Policy header').toBeTruthy();
	return new Map(
		(header ?? '')
			.split(';')
			.map((part) => part.trim().split(/\s+/))
			.filter(([name]) => name)
			.map(([name, ...sources]) => [name, sources])
	);
}

/** The routes of the app's pages, as SvelteKit names them (`/documents/[id]`). */
function pageRoutes(): string[] {
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			if (entry.isDirectory()) {
				walk(join(dir, entry.name));
			} else if (entry.name === '+page.svelte') {
				const route = relative('src/routes', dir).split(sep).join('/');
				found.push(`/${route}`.replace(/\/\([^)]+\)/g, '') || '/');
			}
		}
	};
	walk('src/routes');
	return found.sort();
}

/** Every `<script …>` opening tag of an HTML page, with its attributes. */
function scripts(html: string): Record<string, string>[] {
	return [...html.matchAll(/<script\b([^>]*)>/gi)].map(([, attributes]) =>
		Object.fromEntries(
			[...attributes.matchAll(/([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)].map(
				([, name, double, single, bare]) => [name.toLowerCase(), double ?? single ?? bare ?? '']
			)
		)
	);
}

function expectStrictPolicy(url: string, response: APIResponse, html: string) {
	const policy = directives(response.headers()['content-security-policy']);
	const scriptSources = policy.get('script-src') ?? [];
	expect(scriptSources[0], url).toBe("'self'");
	for (const source of scriptSources.slice(1)) {
		expect(source, `${url}: script-src ${source}`).toMatch(
			/^'(nonce-[\w+/=]{16,}|sha256-[\w+/=]+)'$/
		);
	}
	expect(policy.get('default-src'), url).toEqual(["'self'"]);
	expect(policy.get('object-src'), url).toEqual(["'none'"]);
	expect(policy.get('base-uri'), url).toEqual(["'self'"]);
	expect(policy.get('form-action'), url).toEqual(["'self'"]);
	expect(policy.get('frame-ancestors'), url).toEqual(
		url.startsWith('/embed/') ? ['*'] : ["'none'"]
	);

	const nonce = scriptSources.find((source) => source.startsWith("'nonce-"))?.slice(7, -1);
	for (const script of scripts(html)) {
		if (script.type === 'application/ld+json') {
			continue; // data for search engines, never run
		}
		// Every script that runs carries this response's nonce.
		expect(script.nonce, `${url}: <script ${JSON.stringify(script)}>`).toBe(nonce);
	}
	// Nothing that a script-src with nonces would block and the page would need.
	expect(html, `${url}: an inline event handler`).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
	expect(html, `${url}: a javascript: URL`).not.toMatch(
		/(href|src|action)\s*=\s*["']?\s*javascript:/i
	);
}

test.describe('pages', () => {
	let data: Awaited<ReturnType<typeof factCheck>>;
	let everyone: Person & { id: string };

	test.beforeAll(async ({ playwright }) => {
		const request = await playwright.request.newContext({ baseURL: origin });
		data = await factCheck(request);
		everyone = await createPersonWithId(request, ['admin', 'editor', 'reviewer'], 'All Roles');
		await request.dispose();
	});

	test('every page has a strict Content-Security-Policy: each script with its nonce, framing refused but for the embed card', async ({
		playwright
	}) => {
		// null: a page that only ever redirects, having nothing to show.
		const urls: Record<string, string | null> = {
			'/': null,
			'/admin': null,
			'/admin/ratings': '/admin/ratings',
			'/admin/settings': '/admin/settings',
			'/admin/users': '/admin/users',
			'/admin/users/[id]': `/admin/users/${everyone.id}`,
			'/api/docs': '/api/docs',
			'/documents': '/documents',
			'/documents/[id]': `/documents/${data.draft}`,
			'/documents/[id]/history': `/documents/${data.published}/history`,
			'/documents/[id]/import-annotations': `/documents/${data.draft}/import-annotations`,
			'/documents/[id]/revision': `/documents/${data.draft}/revision`,
			'/documents/new': '/documents/new',
			'/embed/claims/[claimId]': `/embed/claims/${data.claimId}`,
			'/fact-checks': '/fact-checks',
			'/fact-checks/[slug]': `/fact-checks/${encodeURIComponent(data.slug)}`,
			'/fact-checks/[slug]/claims/[claimId]': `/fact-checks/${encodeURIComponent(data.slug)}/claims/${data.claimId}`,
			'/fact-checks/[slug]/v/[n]': `/fact-checks/${encodeURIComponent(data.slug)}/v/1`,
			'/login': '/login',
			'/notifications': '/notifications',
			'/references': '/references',
			'/review': '/review',
			'/search': '/search?q=growth',
			'/settings': '/settings'
		};
		// A new page fails here until it has a URL above, and so is checked too.
		expect(Object.keys(urls).sort()).toEqual(pageRoutes());

		const anonymous = await playwright.request.newContext({ baseURL: origin });
		const signedIn = await playwright.request.newContext({ baseURL: origin });
		expect(
			(await signedIn.post('/api/v1/auth/login', { data: everyone })).status(),
			'signed in'
		).toBe(200);
		let running = 0;
		for (const [route, url] of Object.entries(urls)) {
			const context = route === '/login' ? anonymous : signedIn;
			if (url === null) {
				expect((await context.get(route, { maxRedirects: 0 })).status(), route).toBe(303);
				continue;
			}
			const response = await context.get(url, { maxRedirects: 0 });
			expect(response.status(), url).toBe(200);
			expect(response.headers()['content-type'], url).toMatch(/^text\/html/);
			const html = await response.text();
			expectStrictPolicy(url, response, html);
			running += scripts(html).filter((script) => script.nonce).length;
		}
		// Most pages run the app's script: the nonce checks above were not vacuous.
		expect(running).toBeGreaterThanOrEqual(15);
		// Pages SvelteKit answers itself: a page that is not there, and one in error.
		for (const url of ['/no-such-page', `/documents/${crypto.randomUUID()}`]) {
			const response = await signedIn.get(url);
			expect(response.status(), url).toBe(404);
			expectStrictPolicy(url, response, await response.text());
		}

		// A nonce is for one answer only.
		const nonces = new Set<string>();
		for (let i = 0; i < 3; i++) {
			const policy = (await anonymous.get('/login')).headers()['content-security-policy'];
			nonces.add(policy.match(/'nonce-([^']+)'/)?.[1] ?? '');
		}
		expect(nonces.size).toBe(3);
		await anonymous.dispose();
		await signedIn.dispose();
	});

	test('the browser runs the app under its policy without one violation, and refuses a script without the nonce', async ({
		page
	}) => {
		await page.addInitScript(() => {
			const seen: string[] = [];
			Object.assign(window, { cspViolations: seen });
			document.addEventListener('securitypolicyviolation', (event) =>
				seen.push(`${event.violatedDirective} ${event.blockedURI}`)
			);
		});
		await signIn(page, everyone);
		for (const url of [
			`/documents/${data.draft}`,
			'/documents',
			'/search?q=growth',
			'/settings',
			'/admin/ratings'
		]) {
			await page.goto(url, { waitUntil: 'networkidle' });
			const hydrated = await page.evaluate(() =>
				Object.keys(window).some((key) => key.startsWith('__sveltekit_'))
			);
			expect(hydrated, `${url} started its JavaScript`).toBe(true);
			expect(await page.evaluate(() => (window as unknown as Probe).cspViolations), url).toEqual(
				[]
			);
		}

		// What an injected script would do, were it allowed to run.
		const ran = await page.evaluate(async () => {
			const script = document.createElement('script');
			script.textContent = 'window.injected = true';
			document.body.append(script);
			await new Promise((resolve) => setTimeout(resolve, 100));
			return (window as unknown as Probe).injected === true;
		});
		expect(ran).toBe(false);
		expect(await page.evaluate(() => (window as unknown as Probe).cspViolations)).toEqual([
			expect.stringMatching(/^script-src(-elem)? inline$/)
		]);
	});
});

test('every answer says nosniff, its referrer and permissions policies, and no HSTS over http', async ({
	request
}) => {
	const login = await (await request.get('/login')).text();
	const asset = login.match(/\/_app\/immutable\/[^"']+\.js/)?.[0];
	expect(asset, 'a script of the app').toBeTruthy();
	const headers = await tokenFor(admin);
	const answers: [string, Promise<APIResponse>][] = [
		['a page', request.get('/login')],
		['a public page', request.get('/fact-checks')],
		['a public page from memory', request.get('/fact-checks')],
		['a script of the app', request.get(asset ?? '')],
		['a static file', request.get('/favicon.svg')],
		['liveness', request.get('/healthz')],
		['readiness', request.get('/readyz')],
		['the feed', request.get('/feed.xml')],
		['an API read', request.get('/api/v1/rating-scale')],
		['an API refusal', request.get('/api/v1/me')],
		['an API write', request.post('/api/v1/notifications/read', { headers, data: {} })],
		['a missing page', request.get('/no-such-page')],
		// A spoofed scheme changes nothing: the public address is ORIGIN's.
		[
			'a request claiming https',
			request.get('/login', { headers: { 'x-forwarded-proto': 'https' } })
		]
	];
	for (const [what, answer] of answers) {
		const response = await answer;
		expect(response.status(), what).toBeLessThan(500);
		expect(response.headers(), what).toMatchObject({
			'x-content-type-options': 'nosniff',
			'referrer-policy': 'strict-origin-when-cross-origin',
			'permissions-policy': expect.stringMatching(
				/^(?=.*camera=\(\))(?=.*microphone=\(\))(?=.*geolocation=\(\))/
			)
		});
		expect(response.headers()['strict-transport-security'], what).toBeUndefined();
	}
});

test.describe('CSRF', () => {
	test('form actions refuse a post from another site, or one that does not say where it is from', async ({
		playwright,
		request
	}) => {
		const target = await createPersonWithId(request, ['editor'], 'Kept Signed In');
		const theirs = await tokenFor(target);
		const adminSide = await playwright.request.newContext({ baseURL: origin });
		await adminSide.post('/api/v1/auth/login', { data: admin });

		const action = `/admin/users/${target.id}?/signOut`;
		const form = { form: { x: '1' } };
		const attempts: [string, Parameters<APIRequestContext['post']>[1], number][] = [
			[
				'urlencoded from another site',
				{ ...form, headers: { ...asBrowser, origin: foreign } },
				403
			],
			['urlencoded without Origin', { ...form, headers: asBrowser }, 403],
			['an opaque origin', { ...form, headers: { ...asBrowser, origin: 'null' } }, 403],
			[
				'multipart from another site',
				{ multipart: { x: '1' }, headers: { ...asBrowser, origin: foreign } },
				403
			],
			[
				'text/plain from another site',
				{ data: 'x=1', headers: { ...asBrowser, origin: foreign, 'content-type': 'text/plain' } },
				403
			],
			// Not a form at all: a browser cannot send it to another site without asking first.
			[
				'JSON from another site',
				{ data: { x: 1 }, headers: { origin: foreign, 'content-type': 'application/json' } },
				415
			]
		];
		for (const [what, options, status] of attempts) {
			const response = await adminSide.post(action, { ...options, maxRedirects: 0 });
			expect(response.status(), what).toBe(status);
			if (status === 403) {
				expect(await response.text(), what).toBe('Cross-site POST form submissions are forbidden');
			}
			// Still signed in: the action did not run.
			expect((await request.get('/api/v1/me', { headers: theirs })).status(), what).toBe(200);
		}
		// Sign-in too (login CSRF): signing someone into the attacker's account is refused.
		const signIn = await playwright.request.newContext({ baseURL: origin });
		const crossSiteLogin = await signIn.post('/login', {
			form: { email: target.email, password: target.password },
			headers: { ...asBrowser, origin: foreign },
			maxRedirects: 0
		});
		expect(crossSiteLogin.status()).toBe(403);
		expect(crossSiteLogin.headers()['set-cookie']).toBeUndefined();

		const sameSite = await adminSide.post(action, {
			form: { x: '1' },
			headers: { ...asBrowser, origin },
			maxRedirects: 0
		});
		expect(sameSite.status()).toBe(200);
		expect((await request.get('/api/v1/me', { headers: theirs })).status()).toBe(401);
		await adminSide.dispose();
		await signIn.dispose();
	});

	test('JSON writes with the session cookie need this site’s Origin; bearer tokens need none', async ({
		playwright,
		editor
	}) => {
		const browserLike = await playwright.request.newContext({ baseURL: origin });
		expect((await browserLike.post('/api/v1/auth/login', { data: editor })).status()).toBe(200);
		const tokens = async () =>
			(await (await browserLike.get('/api/v1/me/tokens')).json()).items as { id: string }[];

		for (const [what, headers] of [
			['another site', { origin: foreign }],
			['no Origin', {}],
			['an opaque origin', { origin: 'null' }],
			['a look-alike', { origin: `${origin}.evil.example` }],
			['another port', { origin: origin.replace(`:${port}`, `:${port + 1}`) }]
		] as const) {
			const response = await browserLike.post('/api/v1/me/tokens', {
				headers,
				data: { name: `refused ${what}` }
			});
			expect(response.status(), what).toBe(403);
			expect(response.headers()['content-type'], what).toBe('application/problem+json');
			expect(await response.json(), what).toMatchObject({
				status: 403,
				detail: 'Cross-site request refused: the Origin header must be this site.'
			});
		}
		expect(await tokens()).toEqual([]);
		// Nor may another site read what the cookie would show it.
		const read = await browserLike.get('/api/v1/me', { headers: { origin: foreign } });
		expect(read.headers()['access-control-allow-origin']).toBeUndefined();

		const made = await browserLike.post('/api/v1/me/tokens', {
			headers: { origin },
			data: { name: 'made here' }
		});
		expect(made.status()).toBe(201);
		const { id, token: personal } = await made.json();
		const removal = await browserLike.delete(`/api/v1/me/tokens/${id}`, {
			headers: { origin: foreign }
		});
		expect(removal.status()).toBe(403);
		expect((await tokens()).map((token) => token.id)).toEqual([id]);

		// A bearer token does not ride along with requests from other sites: no Origin needed.
		const bare = await playwright.request.newContext({ baseURL: origin });
		const loginToken = await tokenFor(editor);
		expect(
			(
				await bare.post('/api/v1/me/tokens', { headers: loginToken, data: { name: 'by bearer' } })
			).status()
		).toBe(201);
		const created = await bare.post('/api/v1/documents', {
			headers: { authorization: `Bearer ${personal}` },
			data: { title: 'By a personal access token', text: 'Some words.' }
		});
		expect(created.status()).toBe(201);
		await browserLike.dispose();
		await bare.dispose();
	});
});

/** The session cookie an answer sets, parsed: its value and its attributes in lower case. */
function sessionCookie(response: APIResponse) {
	const header = response
		.headersArray()
		.filter(({ name }) => name.toLowerCase() === 'set-cookie')
		.map(({ value }) => value)
		.find((value) => /^(__Host-)?factmark_session=/.test(value));
	if (!header) {
		return null;
	}
	const [pair, ...attributes] = header.split(/;\s*/);
	return {
		name: pair.slice(0, pair.indexOf('=')),
		value: pair.slice(pair.indexOf('=') + 1),
		attributes: attributes.map((attribute) => attribute.toLowerCase())
	};
}

test.describe('session fixation', () => {
	test('a cookie chosen by an attacker is dropped, and signing in always makes a new session', async ({
		browser,
		playwright,
		editor
	}) => {
		const planted = 'attackerchosenvalueattackerchosenvalue12345';
		const context = await browser.newContext();
		await context.addCookies([{ name: 'factmark_session', value: planted, url: origin }]);
		const page = await context.newPage();
		const session = async () =>
			(await context.cookies()).filter((cookie) => cookie.name === 'factmark_session');
		expect(await session()).toHaveLength(1);
		await page.goto('/login');
		// The server deletes the unknown cookie on first sight…
		expect(await session()).toEqual([]);
		// …and signing in sets a new one that the attacker does not know.
		await signIn(page, editor);
		const [cookie] = await session();
		expect(cookie.value).not.toBe(planted);
		expect(cookie.value).toMatch(/^[a-z2-7]{52}$/);
		const attacker = await playwright.request.newContext({ baseURL: origin });
		expect(
			(
				await attacker.get('/api/v1/me', { headers: { cookie: `factmark_session=${planted}` } })
			).status()
		).toBe(401);
		await attacker.dispose();
		await context.close();
	});

	test('signing in over a session someone planted gives a new session, never theirs upgraded', async ({
		playwright,
		request,
		editor
	}) => {
		// The attacker signs in to their own account and plants that cookie on the victim.
		const attackerAccount = await createPerson(request, ['reviewer'], 'Intruder');
		const attackerSide = await playwright.request.newContext({ baseURL: origin });
		const theirs = sessionCookie(
			await attackerSide.post('/api/v1/auth/login', { data: attackerAccount })
		);
		expect(theirs?.value).toBeTruthy();

		const victim = await playwright.request.newContext({ baseURL: origin });
		const signedIn = await victim.post('/login', {
			form: { email: editor.email, password: editor.password },
			headers: { ...asBrowser, origin, cookie: `factmark_session=${theirs?.value}` },
			maxRedirects: 0
		});
		expect(signedIn.status()).toBe(303);
		const mine = sessionCookie(signedIn);
		expect(mine?.value).toMatch(/^[a-z2-7]{52}$/);
		expect(mine?.value).not.toBe(theirs?.value);
		// The attacker's cookie is still the attacker's, and the victim's is the victim's.
		const me = (value: string | undefined) =>
			attackerSide.get('/api/v1/me', { headers: { cookie: `factmark_session=${value}` } });
		expect((await (await me(theirs?.value)).json()).email).toBe(attackerAccount.email);
		expect((await (await me(mine?.value)).json()).email).toBe(editor.email);

		// The same through the API's sign-in, and a second sign-in is a second session.
		const again = await victim.post('/api/v1/auth/login', {
			data: { email: editor.email, password: editor.password },
			headers: { cookie: `factmark_session=${mine?.value}` }
		});
		const third = sessionCookie(again);
		expect(third?.value).not.toBe(mine?.value);
		expect((await again.json()).token).toBe(third?.value);
		await attackerSide.dispose();
		await victim.dispose();
	});
});

test('an admin’s “Sign out everywhere” ends the cookie, the login token and the personal access tokens', async ({
	page,
	browser,
	request
}) => {
	const name = `Everywhere ${Date.now().toString(36)}`;
	const person = await createPersonWithId(request, ['editor'], name);
	const theirPage = await browser.newPage();
	await signIn(theirPage, person);
	const login = await tokenFor(person);
	const made = await request.post('/api/v1/me/tokens', { headers: login, data: { name: 'cron' } });
	const personal = { authorization: `Bearer ${(await made.json()).token}` };
	for (const headers of [login, personal]) {
		expect((await request.get('/api/v1/me', { headers })).status()).toBe(200);
	}

	await signIn(page, admin);
	await page.goto(`/admin/users/${person.id}`);
	await page.getByRole('button', { name: 'Sign out everywhere', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText(`${name} is signed out everywhere.`);

	for (const headers of [login, personal]) {
		expect((await request.get('/api/v1/me', { headers })).status()).toBe(401);
	}
	const response = await theirPage.request.get('/api/v1/me');
	expect(response.status()).toBe(401);
	// They can sign in again: signed out, not locked out.
	expect((await request.post('/api/v1/auth/login', { data: person })).status()).toBe(200);
	await theirPage.close();
});

/** A free TCP port on this machine. */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

test.describe('behind an https proxy', () => {
	// A second server whose public address is https, as behind a TLS-terminating proxy: the
	// e2e server's ORIGIN is plain http, and adapter-node takes the scheme from ORIGIN alone.
	const publicOrigin = 'https://factmark.example';
	let server: ChildProcess | undefined;
	let base = '';
	const dataDir = `test-results/e2e-https-${port}`;

	test.beforeAll(async () => {
		test.setTimeout(90_000);
		const httpsPort = await freePort();
		base = `http://127.0.0.1:${httpsPort}`;
		rmSync(dataDir, { recursive: true, force: true });
		server = spawn('node', ['server.js'], {
			stdio: 'ignore',
			env: {
				...process.env,
				PORT: String(httpsPort),
				HOST: '127.0.0.1',
				ORIGIN: publicOrigin,
				DATA_DIR: dataDir,
				SEED_DEMO: 'false',
				ADMIN_EMAIL: admin.email,
				ADMIN_PASSWORD: admin.password,
				LOG_LEVEL: 'silent'
			}
		});
		for (let tries = 0; ; tries++) {
			const ready = await fetch(`${base}/readyz`).catch(() => null);
			if (ready?.ok) {
				break;
			}
			expect(tries, 'the https server starts').toBeLessThan(160);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	});

	test.afterAll(async () => {
		if (server && server.exitCode === null) {
			const exited = new Promise((resolve) => server?.once('exit', resolve));
			server.kill('SIGTERM');
			await exited;
		}
		rmSync(dataDir, { recursive: true, force: true });
	});

	test('answers carry HSTS, and the session cookie is __Host-, Secure, HttpOnly, SameSite=Lax, Path=/', async ({
		playwright
	}) => {
		const context = await playwright.request.newContext({ baseURL: base });
		const login = await (await context.get('/login')).text();
		const asset = login.match(/\/_app\/immutable\/[^"']+\.js/)?.[0] ?? '';
		for (const path of ['/login', '/fact-checks', '/api/v1/rating-scale', '/healthz', asset]) {
			const response = await context.get(path);
			expect(response.status(), path).toBe(200);
			expect(response.headers()['strict-transport-security'], path).toBe(
				'max-age=31536000; includeSubDomains'
			);
		}

		const signedIn = await context.post('/login', {
			form: admin,
			headers: { ...asBrowser, origin: publicOrigin },
			maxRedirects: 0
		});
		expect(signedIn.status()).toBe(303);
		const cookie = sessionCookie(signedIn);
		expect(cookie?.name).toBe('__Host-factmark_session');
		expect(cookie?.attributes).toEqual(
			expect.arrayContaining(['path=/', 'httponly', 'secure', 'samesite=lax'])
		);
		expect(cookie?.attributes.some((attribute) => attribute.startsWith('domain='))).toBe(false);
		const byApi = sessionCookie(
			await context.post('/api/v1/auth/login', { data: admin, headers: { origin: publicOrigin } })
		);
		expect(byApi?.name).toBe('__Host-factmark_session');
		expect(byApi?.attributes).toEqual(expect.arrayContaining(['secure', 'httponly']));

		// The cookie works with this site's https Origin, and not without.
		const headers = { cookie: `__Host-factmark_session=${cookie?.value}` };
		expect((await context.get('/api/v1/me', { headers })).status()).toBe(200);
		const write = (origin?: string) =>
			context.post('/api/v1/notifications/read', {
				headers: { ...headers, ...(origin ? { origin } : {}) },
				data: {}
			});
		expect((await write(publicOrigin)).status()).toBeLessThan(300);
		expect((await write(base)).status()).toBe(403);
		expect((await write()).status()).toBe(403);
		await context.dispose();
	});
});
