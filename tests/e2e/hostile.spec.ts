// Hostile inputs (tests/e2e/hostile-corpus.ts) against every write endpoint and form action:
// each must be refused with a 4xx that says what was wrong, store nothing, and leave the server
// serving. Then what is legitimately stored although it looks like an attack — markup, SQL,
// javascript: links in Tiptap JSON, climbing file names — is shown as text and stays inert.
import http from 'node:http';
import type { APIRequestContext, APIResponse, Page } from '@playwright/test';
import { reviewFlow, type FlowCall } from './api-data';
import { origin } from './e2e-env';
import { admin, bearer, createPerson, expect, test, type Person } from './fixtures';
import {
	article,
	corpus,
	type Fixture,
	type FormFields,
	type HostileCase,
	type Target,
	type Upload,
	type Who
} from './hostile-corpus';

type Json = Record<string, unknown>;

/** An answer, whether it came through Playwright or the raw socket of a chunked upload. */
interface Answer {
	status: number;
	type: string;
	text: string;
}

/** Replaces `:draft`, `:claim`… with the fixture's values, in a string or anywhere in JSON. */
function filler(fixture: Fixture) {
	const names = Object.keys(fixture).sort((a, b) => b.length - a.length);
	const pattern = new RegExp(`:(${names.join('|')})(?![\\w])`, 'g');
	const inText = (value: string) =>
		value.replace(pattern, (_, name: keyof Fixture) => fixture[name]);
	const inJson = (value: unknown): unknown => {
		if (typeof value === 'string') {
			return inText(value);
		}
		if (Array.isArray(value)) {
			return value.map(inJson);
		}
		if (value && typeof value === 'object') {
			return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inJson(v)]));
		}
		return value;
	};
	return { inText, inJson };
}

const isUpload = (value: unknown): value is Upload =>
	typeof value === 'object' && value !== null && 'buffer' in value;

/** A form's fields as Playwright sends them: multipart with a file, else url-encoded. */
function formOptions(fields: FormFields, fill: (value: string) => string) {
	const values = Object.values(fields);
	if (values.some(isUpload)) {
		return {
			multipart: Object.fromEntries(
				Object.entries(fields).map(([name, value]) => [
					name,
					isUpload(value) ? value : fill(String(value))
				])
			)
		};
	}
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const one of [value].flat()) {
			form.append(name, fill(String(one)));
		}
	}
	return { form };
}

/** Sends a body in chunks, without Content-Length, as a streaming client would. */
function sendChunked(
	method: string,
	path: string,
	headers: Record<string, string>,
	body: Buffer
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			new URL(path, origin),
			{ method, headers: { ...headers, 'transfer-encoding': 'chunked' } },
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						type: String(response.headers['content-type'] ?? ''),
						text: Buffer.concat(chunks).toString()
					})
				);
			}
		);
		request.on('error', reject);
		for (let at = 0; at < body.length; at += 256 * 1024) {
			request.write(body.subarray(at, at + 256 * 1024));
		}
		request.end();
	});
}

/**
 * A form action's failure data, which SvelteKit sends flattened by devalue: each value an index
 * into one array (negative ones stand for undefined and the like). Plain data only.
 */
function revive(values: unknown[], index: number): unknown {
	if (index < 0) {
		return undefined;
	}
	const value = values[index];
	if (Array.isArray(value)) {
		return value.map((item: number) => revive(values, item));
	}
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, item]) => [key, revive(values, item as number)])
		);
	}
	return value;
}

/** What an answer says went wrong: its status, message, and the fields it names. */
function readAnswer(
	kase: HostileCase,
	answer: Answer
): { status: number; message: string; fields: string[]; problem: Json | null } {
	let body: Json | null = null;
	try {
		body = JSON.parse(answer.text);
	} catch {
		// Plain text (a page's answer): its words are the message.
	}
	if (!body) {
		return { status: answer.status, message: answer.text, fields: [], problem: null };
	}
	if (kase.path.startsWith('/api')) {
		const errors = (body.errors ?? []) as { path: string; message: string }[];
		return {
			status: answer.status,
			message: [body.detail, ...errors.map((error) => error.message)].join(' '),
			fields: errors.map((error) => error.path),
			problem: body
		};
	}
	if (body.type === 'failure') {
		const data = revive(JSON.parse(String(body.data)), 0) as {
			message?: string;
			errors?: { path: string; message: string }[];
		};
		return {
			status: Number(body.status),
			message: [data.message, ...(data.errors ?? []).map((error) => error.message)].join(' '),
			fields: (data.errors ?? []).map((error) => error.path),
			problem: null
		};
	}
	const error = (body.error ?? body) as { message?: string };
	return { status: answer.status, message: error.message ?? '', fields: [], problem: null };
}

/** The generic answer for a failure the server did not foresee: never acceptable here. */
const unforeseen = /something went wrong|internal error/i;

/**
 * The status of the answer to a case (a form action's own, for its failures) and what is wrong
 * with it, in words: a status other than the case's (or than a 4xx), no message or a generic
 * one, an API answer that is not problem+json, a message that does not say what the case
 * expects, or no error for the field it spoiled.
 */
function check(kase: HostileCase, answer: Answer): { status: number; wrong: string[] } {
	const { status, message, fields, problem } = readAnswer(kase, answer);
	const wrong: string[] = [];
	if (kase.status ? status !== kase.status : status < 400 || status >= 500) {
		wrong.push(`status ${status}, not ${kase.status ?? 'a 4xx'}`);
	}
	if (!message.trim() || unforeseen.test(message)) {
		wrong.push('no message that says what is wrong');
	}
	if (kase.path.startsWith('/api')) {
		if (!answer.type.startsWith('application/problem+json') || !problem?.title) {
			wrong.push(`not problem+json with a title (${answer.type})`);
		}
	}
	if (kase.says && !kase.says.test(message)) {
		wrong.push(`the message does not match ${kase.says}`);
	}
	if (kase.field && !fields.includes(kase.field)) {
		wrong.push(`no error for ${kase.field} (only ${fields.join(', ') || 'none'})`);
	}
	return { status, wrong };
}

/**
 * Calls the API as one of the people in `auth` (bearer headers by who they are), returning the
 * JSON answer; anything but a success fails the test.
 */
function caller<Role extends string>(
	api: APIRequestContext,
	auth: Record<Role, Record<string, string>>
) {
	return async (
		as: Role,
		method: string,
		path: string,
		json?: unknown,
		headers: Record<string, string> = {}
	): Promise<Json> => {
		const response = await api.fetch(`/api/v1${path}`, {
			method,
			headers: { ...auth[as], ...headers },
			...(json === undefined ? {} : { data: json })
		});
		expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
		return response.status() === 204 ? {} : response.json();
	};
}

// No trace: it would keep every body of the corpus, megabytes of them.
test.use({ extraHTTPHeaders: { origin }, trace: 'off' });

test('every hostile input is refused with a useful 4xx, stores nothing, and the server keeps serving', async ({
	request,
	playwright
}) => {
	test.setTimeout(180_000);
	const people: Record<Exclude<Who, 'anonymous' | 'admin'>, Person> = {
		editor: await createPerson(request, ['editor'], 'Hostile Editor'),
		reviewer: await createPerson(request, ['reviewer'], 'Hostile Reviewer')
	};
	const other = await createPerson(request, ['editor'], 'Hostile Other');
	const auth: Record<Who, Record<string, string>> = {
		anonymous: {},
		editor: await bearer(request, people.editor),
		reviewer: await bearer(request, people.reviewer),
		admin: await bearer(request, admin)
	};
	// Fingerprints are read with tokens of their own, so that they do not spend the rate limit
	// of the tokens the cases are sent with.
	const reading = {
		editor: await bearer(request, people.editor),
		admin: await bearer(request, admin)
	};

	// A context that never signs in, for API cases: the bearer token alone says who is asking.
	const api = await playwright.request.newContext({
		baseURL: origin,
		extraHTTPHeaders: { origin }
	});
	const call = caller(api, auth);

	// The records the cases aim at.
	const flow = reviewFlow(call as FlowCall<Json>);
	const draft = (await call('editor', 'post', '/documents', {
		title: 'Hostile target',
		text: article
	})) as { id: string };
	const claim = await call('editor', 'post', `/documents/${draft.id}/claims`, {
		selector: [{ type: 'TextQuoteSelector', exact: 'exports grew 12%' }]
	});
	const evidence = await call('editor', 'post', `/claims/${claim.id}/evidence`, {
		kind: 'quote',
		stance: 'refutes',
		quote: 'Exports grew 9.8%.'
	});
	const comment = await call('editor', 'post', `/claims/${claim.id}/comments`, { body: 'Hmm.' });
	const review = await flow.inReview('Hostile review');
	const published = await flow.published('Hostile published');
	const rating = await call('admin', 'get', '/rating-scale/false');
	const reference = (await call('editor', 'post', '/external-claim-reviews', {
		'@type': 'ClaimReview',
		url: `https://factcheck.example.org/existing-${Date.now()}`,
		claimReviewed: 'Exports grew 12%.'
	})) as { imported: { id: string }[] };
	const tokenName = `Existing script ${Date.now()}`;
	await call('editor', 'post', '/me/tokens', { name: tokenName, expiresInDays: 30 });
	const users = (await call('admin', 'get', '/users?limit=200')) as {
		items: { id: string; email: string }[];
	};
	const fixture: Fixture = {
		draft: draft.id,
		claim: String(claim.id),
		claimVersion: String(claim.version),
		evidence: String(evidence.id),
		evidenceVersion: String(evidence.version),
		comment: String(comment.id),
		review: review.id,
		reviewClaim: review.claim.id,
		published: published.id,
		slug: published.slug,
		rating: String(rating.key),
		ratingVersion: String(rating.version),
		person: users.items.find((user) => user.email === other.email)?.id ?? '',
		reference: reference.imported[0].id,
		tokenName,
		password: people.editor.password
	};
	const fill = filler(fixture);

	// Form actions are posted with the session cookie, as from the browser.
	const sessions = {} as Record<Who, APIRequestContext>;
	for (const who of ['anonymous', 'editor', 'reviewer', 'admin'] as const) {
		sessions[who] = await playwright.request.newContext({
			baseURL: origin,
			extraHTTPHeaders: { origin }
		});
		if (who !== 'anonymous') {
			const signIn = await sessions[who].post('/login', {
				form:
					who === 'admin' ? admin : { email: people[who].email, password: people[who].password },
				headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
			});
			expect((await signIn.json()).type, `${who} signs in`).toBe('redirect');
		}
	}

	// What each case could change, read cheaply: one or two list requests, one after the other
	// (a second connection, idle between cases, would race the server's keep-alive timeout).
	const read = async (path: string, headers: Record<string, string>) => {
		const response = await api.get(path, { headers });
		expect(response.status(), path).toBe(200);
		return response.text();
	};
	const documentState = async (id: string) => {
		const head = await read(`/api/v1/documents/${id}/audit?limit=1`, reading.editor);
		const document = await read(`/api/v1/documents/${id}`, reading.editor);
		const { status, version, revision, claims } = JSON.parse(document);
		return `${JSON.parse(head).items[0]?.id} ${status} ${version} ${revision} ${claims.length}`;
	};
	// Other tests run meanwhile and change the shared lists (documents, people, the rating
	// scale, references): each list is read down to what the corpus could have stored in it —
	// its own people's records, its own fixtures, and anything named as its cases name things.
	const editorId = users.items.find((user) => user.email === people.editor.email)?.id;
	const named = /hostile|renamed|not an email|^x@|^e{20}|[<'"]/i;
	const fingerprints: Record<Target, () => Promise<string>> = {
		nothing: async () => '',
		documents: async () =>
			JSON.parse(await read('/api/v1/documents?limit=200', reading.editor))
				.items.filter((item: Json) => item.createdBy === people.editor.name)
				.map((item: Json) => item.id)
				.join(),
		draft: () => documentState(fixture.draft),
		review: () => documentState(fixture.review),
		published: () => documentState(fixture.published),
		ratings: async () => {
			const scale: Json[] = JSON.parse(await read('/api/v1/rating-scale', {}));
			return JSON.stringify([
				scale.find((item) => item.key === fixture.rating),
				scale.filter((item) => named.test(JSON.stringify([item.key, item.labels]))).length
			]);
		},
		users: async () =>
			JSON.stringify(
				JSON.parse(await read('/api/v1/users?limit=200', reading.admin)).items.filter(
					(user: Json) => user.id === fixture.person || named.test(`${user.email} ${user.name}`)
				)
			),
		tokens: () => read('/api/v1/me/tokens', reading.editor),
		references: async () =>
			JSON.stringify(
				JSON.parse(
					await read('/api/v1/external-claim-reviews?limit=200', reading.editor)
				).items.filter((item: Json) => item.importedBy === editorId)
			),
		settings: async () => {
			const page = await (await sessions.admin.get('/admin/settings')).text();
			return (page.match(/<input[^>]*name="organisation\w+"[^>]*>/g) ?? []).join();
		}
	};
	const everything = async () => {
		const all: Record<string, string> = {};
		for (const target of Object.keys(fingerprints) as Target[]) {
			all[target] = await fingerprints[target]();
		}
		return all;
	};
	const ready = async () => (await api.get('/readyz')).status() === 200;

	const send = async (kase: HostileCase): Promise<Answer> => {
		const path = fill.inText(kase.path);
		const isApi = kase.path.startsWith('/api');
		const headers: Record<string, string> = {
			...(isApi ? auth[kase.as] : { accept: 'application/json', 'x-sveltekit-action': 'true' }),
			...Object.fromEntries(
				Object.entries(kase.headers ?? {}).map(([name, value]) => [name, fill.inText(value)])
			)
		};
		if (kase.chunked && kase.raw) {
			return sendChunked(
				kase.method,
				path,
				{ ...headers, origin, 'content-type': kase.raw.type ?? '' },
				Buffer.from(kase.raw.body)
			);
		}
		const context = isApi ? api : sessions[kase.as];
		const body = kase.raw
			? {
					data: Buffer.from(kase.raw.body),
					headers: { ...headers, ...(kase.raw.type ? { 'content-type': kase.raw.type } : {}) }
				}
			: kase.form
				? formOptions(kase.form, fill.inText)
				: kase.json === undefined
					? {}
					: {
							data: JSON.stringify(fill.inJson(kase.json)),
							headers: { ...headers, 'content-type': 'application/json' }
						};
		const response: APIResponse = await context.fetch(path, {
			method: kase.method,
			headers,
			maxRedirects: 0,
			timeout: 30_000,
			...body
		});
		return {
			status: response.status(),
			type: response.headers()['content-type'] ?? '',
			text: await response.text()
		};
	};

	const started = Date.now();
	const before = await everything();
	// A fingerprint read after one case is the next case's "before" when both aim at one target.
	let last = { target: 'nothing' as Target, fingerprint: '' };
	const statuses = new Map<number, number>();
	const failures: string[] = [];
	const unready: string[] = [];
	for (const [index, kase] of corpus.entries()) {
		const fingerprint = fingerprints[kase.target];
		const was = last.target === kase.target ? last.fingerprint : await fingerprint();
		const answer = await send(kase);
		const now = await fingerprint().catch((err) => {
			throw new Error(`after ${kase.name}: ${err}`);
		});
		last = { target: kase.target, fingerprint: now };
		const { status, wrong } = check(kase, answer);
		statuses.set(status, (statuses.get(status) ?? 0) + 1);
		if (now !== was) {
			wrong.push(`it stored something (${kase.target} changed)`);
		}
		if (wrong.length > 0) {
			failures.push(
				`${kase.name}: ${wrong.join('; ')} — ${answer.status} ${answer.text.slice(0, 300)}`
			);
		}
		if (index % 50 === 49 && !(await ready())) {
			unready.push(`after case ${index + 1}, ${kase.name}`);
		}
	}
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	const tally = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
	console.log(`hostile inputs: ${corpus.length} cases in ${seconds} s (${tally.join(', ')})`);
	expect(failures, 'hostile inputs answered other than as they should be').toEqual([]);
	expect(unready, '/readyz answered other than 200').toEqual([]);
	expect(await ready(), '/readyz after the corpus').toBe(true);
	expect(await everything(), 'nothing stored anywhere by the corpus').toEqual(before);

	expect(corpus.length).toBeGreaterThanOrEqual(150);
	for (const context of [api, ...Object.values(sessions)]) {
		await context.dispose();
	}
});

/** Markup that would run if it were ever written into a page as HTML; `label` tells fields apart. */
const markup = (label: string) =>
	`${label} "'><img src=x onerror=alert(1) data-xss></script><script data-xss>alert(1)</script>`;

/**
 * Opens `path` and says what would show an injection: elements made from stored markup
 * (`data-xss`), dialogs opened, and whether each label's markup is on the page as text.
 */
async function inspect(page: Page, path: string, labels: string[]) {
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	// The workspace puts its text into the editor, and fetches a claim's evidence and
	// discussion, once the page has loaded.
	const response = await page.goto(path, {
		waitUntil: /^\/documents\/[^/?]+(\?|$)/.test(path) ? 'networkidle' : 'load'
	});
	const { injected, text } = await page.evaluate(() => ({
		injected: [...document.querySelectorAll('[data-xss], [onerror]')].map((e) => e.outerHTML),
		// Fields being edited hold their values as values, not as text of the page.
		text: [
			document.body.innerText,
			...[...document.querySelectorAll('input, textarea')].map(
				(field) => (field as HTMLInputElement).value
			)
		].join('\n')
	}));
	return {
		path,
		status: response?.status(),
		injected,
		dialogs,
		missing: labels.filter((label) => !text.includes(markup(label)))
	};
}

test('markup and hostile links that are stored are shown as text and stay inert', async ({
	request,
	playwright,
	browser
}) => {
	test.setTimeout(120_000);
	const editor = await createPerson(request, ['editor'], markup('NAME'));
	const reviewer = await createPerson(request, ['reviewer']);
	const auth: Record<string, Record<string, string>> = {
		editor: await bearer(request, editor),
		reviewer: await bearer(request, reviewer),
		admin: await bearer(request, admin)
	};
	const api = await playwright.request.newContext({
		baseURL: origin,
		extraHTTPHeaders: { origin }
	});
	const call = caller(api, auth);

	// A fact-check whose every field a person types holds markup, published.
	const document = await call('editor', 'post', '/documents', {
		title: markup('TITLE'),
		text: `The minister said exports grew 12% in 2024. ${markup('TEXT')}\n\nWages fell by 3%.`,
		publisher: markup('PUBLISHER'),
		author: markup('AUTHOR'),
		sourceUrl: 'https://news.example.org/a?q="><script data-xss>alert(1)</script>'
	});
	const claim = await call('editor', 'post', `/documents/${document.id}/claims`, {
		selector: [{ type: 'TextQuoteSelector', exact: 'exports grew 12%' }],
		claimText: markup('CLAIM'),
		claimant: markup('CLAIMANT')
	});
	// Tiptap JSON with what the editor never makes: attributes on nodes and marks, and a link
	// whose address tries to leave its attribute. They are dropped or encoded, not refused.
	const saved = await call(
		'editor',
		'patch',
		`/claims/${claim.id}`,
		{
			rating: 'false',
			rationale: {
				type: 'doc',
				attrs: { onload: 'alert(1)' },
				content: [
					{
						type: 'paragraph',
						attrs: { style: 'background:url(javascript:alert(1))', onclick: 'alert(1)' },
						content: [
							{ type: 'text', text: markup('RATIONALE') },
							{
								type: 'text',
								text: ' the source',
								marks: [
									{
										type: 'link',
										attrs: {
											href: 'https://example.org/"onmouseover="alert(1)',
											onclick: 'alert(1)',
											target: 'javascript:alert(1)'
										}
									}
								]
							}
						]
					}
				]
			}
		},
		{ 'if-match': `"${claim.version}"` }
	);
	// Every tag of the HTML it is shown as: the text's markup is escaped, so none of it is here.
	expect(String(saved.rationaleHtml).match(/<[^>]*>/g)).toEqual([
		'<p>',
		'<a href="https://example.org/%22onmouseover=%22alert(1)" rel="nofollow noopener">',
		'</a>',
		'</p>'
	]);
	await call('editor', 'post', `/claims/${claim.id}/evidence`, {
		kind: 'link',
		stance: 'refutes',
		url: 'https://example.org/"><img src=x onerror=alert(1) data-xss>',
		title: markup('EVIDENCE-TITLE'),
		publisher: markup('EVIDENCE-PUBLISHER'),
		quote: markup('EVIDENCE-QUOTE'),
		note: markup('EVIDENCE-NOTE')
	});
	await call('editor', 'post', `/claims/${claim.id}/comments`, { body: markup('COMMENT') });

	// A file whose name climbs out of its folder keeps only its last segment, and every file
	// downloads as an attachment of the type its bytes are.
	const upload = await api.post(`/api/v1/claims/${claim.id}/evidence`, {
		headers: auth.editor,
		multipart: {
			kind: 'file',
			stance: 'context',
			file: {
				name: '../../etc/passwd.txt',
				mimeType: 'text/html',
				buffer: Buffer.from('root:x:0:0')
			}
		}
	});
	expect(upload.status(), await upload.text()).toBe(201);
	const file = (await upload.json()).file;
	expect(file.name).toBe('passwd.txt');
	const download = await api.get(file.url, { headers: auth.editor });
	expect(download.headers()['content-type']).toMatch(/^text\/plain/);
	expect(download.headers()['content-disposition']).toMatch(/^attachment;.*filename="passwd\.txt"/);
	expect(download.headers()['x-content-type-options']).toBe('nosniff');

	const flow = reviewFlow(call as FlowCall<Json>);
	await flow.submit(String(document.id));
	await flow.approve(String(document.id));
	const slug = await flow.publish(String(document.id));

	// The editor's token, another fact-checker's ClaimReview, and a ClaimReview whose address is
	// javascript: (refused in the report, kept nowhere).
	await call('editor', 'post', '/me/tokens', { name: markup('TOKEN'), expiresInDays: 30 });
	const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
	const imported = await call('editor', 'post', '/external-claim-reviews', [
		{
			'@type': 'ClaimReview',
			url: `https://factcheck.example.org/markup-${unique}`,
			claimReviewed: markup('REFERENCE'),
			author: { '@type': 'Organization', name: markup('FACT-CHECKER') },
			itemReviewed: { '@type': 'Claim', appearance: 'javascript:alert(1)' },
			reviewRating: { '@type': 'Rating', alternateName: 'False' }
		},
		{ '@type': 'ClaimReview', url: 'javascript:alert(1)//', claimReviewed: 'Anything.' }
	]);
	expect(imported.refused).toEqual([expect.objectContaining({ index: 1, reason: 'bad_url' })]);
	const references = await call('editor', 'get', `/external-claim-reviews?q=${unique}`);
	expect(references.items).toEqual([
		expect.objectContaining({ itemReviewedUrl: '', claimReviewed: markup('REFERENCE') })
	]);

	// An article page imported as a file keeps its paragraphs' words and none of its scripts.
	const session = await playwright.request.newContext({
		baseURL: origin,
		extraHTTPHeaders: { origin }
	});
	const signIn = await session.post('/login', {
		form: { email: editor.email, password: editor.password },
		headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	expect((await signIn.json()).type).toBe('redirect');
	const page = `<html><head><title>Imported page</title><script>window.xss = 1</script></head>
		<body><nav>Menu</nav><p onclick="alert(1)">Real words &lt;b&gt;here ${markup('IMPORTED')
			.replaceAll('<', '&lt;')
			.replaceAll(
				'>',
				'&gt;'
			)}</p><script>alert(2)</script><img src=x onerror="alert(3)"></body></html>`;
	const created = await session.post('/documents/new', {
		multipart: {
			title: '',
			text: '',
			file: { name: 'article.html', mimeType: 'text/html', buffer: Buffer.from(page) }
		},
		headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	const location = String((await created.json()).location ?? '');
	expect(location).toMatch(/^\/documents\/[\w-]+$/);
	const importedText = String((await call('editor', 'get', location)).text);
	expect(importedText).toContain(`Real words <b>here ${markup('IMPORTED')}`);
	expect(importedText).not.toMatch(/window\.xss|alert\(2\)|alert\(3\)|Menu/);

	// Every page that shows these values, signed in and public: no element made from them, no
	// dialog, and each value on the page as the text it is.
	const staff = await browser.newContext({
		baseURL: origin,
		storageState: await session.storageState()
	});
	const reader = await browser.newContext({ baseURL: origin });
	const workspace = [
		'TITLE',
		'TEXT',
		'CLAIM',
		'CLAIMANT',
		'RATIONALE',
		'EVIDENCE-TITLE',
		'EVIDENCE-NOTE',
		'COMMENT'
	];
	const publicPage = ['TITLE', 'TEXT', 'CLAIM', 'CLAIMANT', 'RATIONALE', 'EVIDENCE-TITLE'];
	const visits = [
		[staff, '/documents', ['TITLE', 'NAME']],
		[staff, `/documents/${document.id}?claim=${claim.id}`, workspace],
		[staff, `/documents/${document.id}/history`, ['TITLE', 'NAME']],
		[staff, `/search?q=onerror`, []],
		[staff, '/references', ['REFERENCE', 'FACT-CHECKER']],
		[staff, '/settings', ['TOKEN']],
		[staff, location, ['IMPORTED']],
		[reader, '/fact-checks', ['TITLE']],
		[reader, `/fact-checks/${slug}`, publicPage],
		[reader, `/fact-checks/${slug}/v/1`, publicPage],
		[reader, `/fact-checks/${slug}/claims/${claim.id}`, ['CLAIM', 'RATIONALE']],
		[reader, `/embed/claims/${claim.id}`, ['CLAIM']]
	] as const;
	const seen = [];
	for (const [context, path, labels] of visits) {
		const tab = await context.newPage();
		seen.push(await inspect(tab, path, [...labels]));
		await tab.close();
	}
	expect(seen).toEqual(
		visits.map(([, path]) =>
			expect.objectContaining({ path, status: 200, injected: [], dialogs: [], missing: [] })
		)
	);

	// What other sites and readers take as data: oEmbed's HTML and the Atom feed.
	const oembed = await api.get(
		`/api/oembed?url=${encodeURIComponent(`${origin}/fact-checks/${slug}/claims/${claim.id}`)}`
	);
	expect((await oembed.json()).html).not.toMatch(/<img|<script|"'>/);
	const feed = await (await api.get('/feed.xml')).text();
	expect(feed).not.toMatch(/<img|<script/);
	expect(feed).toMatch(/TITLE \S*(&#60;|&lt;)img src=x onerror=alert\(1\) data-xss/);

	await Promise.all([api.dispose(), session.dispose(), staff.close(), reader.close()]);
});

test('SQL and template syntax are kept and searched as plain text', async ({ request }) => {
	const editor = await bearer(request, await createPerson(request, ['editor']));
	const title = `Robert'); DROP TABLE document;-- {{7*7}} \${7*7} <%= 7*7 %> ${Date.now()}`;
	const created = await request.post('/api/v1/documents', {
		headers: editor,
		data: { title, text: `${title}\n\nUNION SELECT password_hash FROM "user"; --` }
	});
	expect(created.status(), await created.text()).toBe(201);
	const { id } = await created.json();
	const stored = await (await request.get(`/api/v1/documents/${id}`, { headers: editor })).json();
	expect(stored.title).toBe(title);
	for (const q of ["' OR '1'='1", 'UNION SELECT password_hash FROM "user"', '%', '_', '\\']) {
		for (const path of ['/api/v1/search', '/api/v1/documents', '/api/v1/external-claim-reviews']) {
			const found = await request.get(`${path}?q=${encodeURIComponent(q)}`, { headers: editor });
			expect([200, 422], `${path}?q=${q}: ${await found.text()}`).toContain(found.status());
		}
	}
	const union = await request.get(
		`/api/v1/search?q=${encodeURIComponent('UNION SELECT password_hash')}`,
		{ headers: editor }
	);
	const body = await union.text();
	expect(body).not.toMatch(/\$argon2/);
	expect(JSON.parse(body).items.map((item: Json) => item.id)).toContain(id);
});
