// The API against its own description: every operation in /api/v1/openapi.json is called, every
// error status it documents is provoked, and every answer is checked against its schema.
// A new operation without a recipe here, or a documented status that never happens, fails.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { origin } from './e2e-env';
import { admin, bearer, createPerson, expect, test } from './fixtures';
import { claimReview, reviewFlow, text } from './api-data';

type Who = 'anonymous' | 'editor' | 'reviewer' | 'admin' | 'nobody';

/** One request: who sends it, the path's parameters, and its body. */
interface Call {
	as: Who;
	params?: Record<string, string>;
	query?: Record<string, string>;
	json?: unknown;
	raw?: { body: string; type: string };
	headers?: Record<string, string>;
	/** The body limit of the endpoint, for 413. */
	limit?: number;
}

/** What each operation needs to succeed, and the cases no general rule can provoke. */
interface Recipe {
	ok: () => Promise<Call>;
	cases?: Partial<Record<number, () => Promise<Call | APIResponse>>>;
}

interface Operation {
	responses: Record<string, { content?: Record<string, { schema: object }> }>;
	requestBody?: unknown;
}

const MiB = 1024 * 1024;
/** Values that name nothing, per path parameter. */
const missing: Record<string, string> = {
	id: '00000000-0000-4000-8000-000000000000',
	slug: 'no-such-fact-check',
	n: '999',
	key: 'no_such_rating'
};
/**
 * Statuses shown elsewhere: 429 needs eleven failed sign-ins (or a spent rate limit), which
 * would throttle the other tests' client; tests/integration/throttle.test.ts covers it.
 */
const elsewhere = new Set([429]);

test.use({ extraHTTPHeaders: { origin } });

test('every operation answers as the OpenAPI document says', async ({
	request,
	editor,
	reviewer,
	playwright
}) => {
	test.setTimeout(240_000);
	const description = await (await request.get('/api/v1/openapi.json')).json();
	const ajv = new Ajv2020({ strict: false, allErrors: true });
	addFormats.default(ajv);
	const local = (schema: object) =>
		JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"components#/components/'));
	ajv.addSchema(local({ $id: 'components', components: description.components }));

	const nobody = await createPerson(request, []);
	const auth: Record<Who, Record<string, string>> = {
		anonymous: {},
		editor: await bearer(request, editor),
		reviewer: await bearer(request, reviewer),
		admin: await bearer(request, admin),
		nobody: await bearer(request, nobody)
	};
	// A fresh context per request: one that signed in would send its cookie with every other.
	const contexts: APIRequestContext[] = [];
	const client = {
		fetch: async (url: string, options: Parameters<APIRequestContext['fetch']>[1]) => {
			const context = await playwright.request.newContext({
				baseURL: origin,
				extraHTTPHeaders: { origin }
			});
			contexts.push(context);
			return context.fetch(url, options);
		}
	};

	const send = (method: string, template: string, call: Call): Promise<APIResponse> => {
		const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
			encodeURIComponent(call.params?.[name] ?? '')
		);
		const query = new URLSearchParams(call.query).toString();
		const body = call.raw
			? { data: Buffer.from(call.raw.body), headers: { 'content-type': call.raw.type } }
			: call.json === undefined
				? {}
				: { data: call.json };
		return client.fetch(`/api/v1${path}${query ? `?${query}` : ''}`, {
			method,
			...body,
			headers: { ...auth[call.as], ...body.headers, ...call.headers }
		});
	};
	const call = async (
		as: Who,
		method: string,
		path: string,
		json?: unknown,
		headers?: Record<string, string>
	) => {
		const response = await send(method, path, { as, json, headers });
		expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
		return response.status() === 204 ? null : response.json();
	};
	const post = (as: Who, path: string, json?: unknown) => call(as, 'post', path, json);

	// What the recipes work on.
	const { draft, claimOn, completeClaimOn, inReview, approved, published } = reviewFlow(call);

	const work = await draft();
	const claim = await claimOn(work.id);
	const evidence = await post('editor', `/claims/${claim.id}/evidence`, {
		kind: 'link',
		url: 'https://example.org/source',
		stance: 'supports'
	});
	const comment = await post('editor', `/claims/${claim.id}/comments`, { body: 'Check it.' });
	const review = await inReview();
	const live = await published();
	const unique = (name: string) =>
		`${name} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
	const personalToken = async () => {
		const { token } = await post('editor', '/me/tokens', { name: unique('Script') });
		return { authorization: `Bearer ${token}` };
	};
	const annotationOn = (exact: string) => ({
		'@context': 'http://www.w3.org/ns/anno.jsonld',
		type: 'Annotation',
		target: {
			source: 'https://example.org/story',
			selector: [{ type: 'TextQuoteSelector', exact }]
		}
	});
	const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
	const freshRating = () => ({
		key: `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
		labels: { en: 'Contract rating' },
		color: '#336699',
		value: 3
	});

	const recipes: Record<string, Recipe> = {
		'post /auth/login': {
			ok: async () => ({
				as: 'anonymous',
				json: { email: nobody.email, password: nobody.password }
			}),
			cases: {
				422: async () => ({ as: 'anonymous', json: { email: 42, password: nobody.password } }),
				401: async () => ({
					as: 'anonymous',
					json: { email: nobody.email, password: 'not the password' }
				})
			}
		},
		'post /auth/logout': {
			ok: async () => {
				const fresh = await bearer(request, nobody);
				return { as: 'anonymous', headers: fresh };
			},
			cases: {
				// A write from another site.
				403: async () => ({
					as: 'nobody',
					headers: { origin: 'https://elsewhere.example' }
				})
			}
		},
		'get /me': { ok: async () => ({ as: 'nobody' }) },
		'get /me/tokens': { ok: async () => ({ as: 'editor' }) },
		'post /me/tokens': {
			ok: async () => ({ as: 'editor', json: { name: unique('Newsroom CMS'), expiresInDays: 30 } }),
			cases: {
				// A token cannot mint more.
				403: async () => ({
					as: 'anonymous',
					headers: await personalToken(),
					json: { name: unique('Minted') }
				}),
				// Fifty live tokens at most.
				409: async () => {
					const busy = await bearer(request, await createPerson(request, ['editor']));
					for (let i = 0; i < 50; i++) {
						await client.fetch('/api/v1/me/tokens', {
							method: 'post',
							headers: busy,
							data: { name: `Token ${i}` }
						});
					}
					return { as: 'anonymous', headers: busy, json: { name: 'One too many' } };
				}
			}
		},
		'delete /me/tokens/{id}': {
			ok: async () => ({
				as: 'editor',
				params: await post('editor', '/me/tokens', { name: unique('Short-lived') })
			}),
			cases: {
				403: async () => ({
					as: 'anonymous',
					headers: await personalToken(),
					params: await post('editor', '/me/tokens', { name: unique('Kept') })
				})
			}
		},
		'get /users': { ok: async () => ({ as: 'admin' }) },
		'post /users': {
			ok: async () => ({
				as: 'admin',
				json: {
					email: `contract-${Date.now()}@factmark.test`,
					name: 'Contract person',
					password: 'a long pass phrase 2026',
					roles: ['editor']
				}
			})
		},
		'get /documents': { ok: async () => ({ as: 'editor', query: { status: 'draft' } }) },
		'post /documents': {
			ok: async () => ({ as: 'editor', json: { title: 'Posted', text }, limit: 13 * MiB })
		},
		'get /documents/{id}': { ok: async () => ({ as: 'reviewer', params: work }) },
		'patch /documents/{id}': {
			ok: async () => ({ as: 'editor', params: work, json: { assigneeId: null } })
		},
		'post /documents/{id}/revisions': {
			ok: async () => ({
				as: 'editor',
				params: await draft(),
				json: { text: `A correction.\n\n${text}` },
				limit: 13 * MiB
			}),
			cases: {
				409: async () => ({ as: 'editor', params: review, json: { text: `New.\n\n${text}` } })
			}
		},
		'get /documents/{id}/annotations': { ok: async () => ({ as: 'reviewer', params: work }) },
		'post /documents/{id}/annotations': {
			ok: async () => ({
				as: 'editor',
				params: await draft(),
				json: [annotationOn('Unemployment fell to 3%')],
				limit: 4 * MiB
			}),
			cases: {
				409: async () => ({ as: 'editor', params: review, json: [annotationOn('Growth')] }),
				422: async () => ({ as: 'editor', params: work, json: 42 })
			}
		},
		'get /documents/{id}/claims': { ok: async () => ({ as: 'reviewer', params: work }) },
		'post /documents/{id}/claims': {
			ok: async () => ({
				as: 'editor',
				params: work,
				json: { selector: [{ type: 'TextQuoteSelector', exact: 'Unemployment fell' }] }
			}),
			cases: {
				409: async () => ({
					as: 'editor',
					params: review,
					json: { selector: [{ type: 'TextQuoteSelector', exact: 'Unemployment fell' }] }
				})
			}
		},
		'get /claims/{id}': { ok: async () => ({ as: 'reviewer', params: claim }) },
		'patch /claims/{id}': {
			ok: async () => {
				const current = await (
					await send('get', '/claims/{id}', { as: 'editor', params: claim })
				).json();
				return {
					as: 'editor',
					params: claim,
					headers: ifMatch(current.version),
					json: { claimant: 'The minister' }
				};
			},
			cases: {
				409: async () => ({
					as: 'editor',
					params: review.claim,
					headers: ifMatch(review.claim.version + 1),
					json: { claimant: 'Someone else' }
				})
			}
		},
		'delete /claims/{id}': {
			ok: async () => ({ as: 'editor', params: await claimOn(work.id, 'ministry said') }),
			cases: { 409: async () => ({ as: 'editor', params: review.claim }) }
		},
		'get /claims/{id}/matches': { ok: async () => ({ as: 'editor', params: claim }) },
		'get /search': { ok: async () => ({ as: 'reviewer', query: { q: 'growth 成長' } }) },
		'get /external-claim-reviews': { ok: async () => ({ as: 'reviewer' }) },
		'post /external-claim-reviews': {
			ok: async () => ({ as: 'editor', json: claimReview(), limit: 4 * MiB }),
			cases: { 422: async () => ({ as: 'editor', json: 42 }) }
		},
		'delete /external-claim-reviews/{id}': {
			ok: async () => {
				const { imported } = await post('editor', '/external-claim-reviews', claimReview());
				return { as: 'editor', params: imported[0] };
			}
		},
		'get /claims/{id}/evidence': { ok: async () => ({ as: 'reviewer', params: claim }) },
		'post /claims/{id}/evidence': {
			ok: async () => ({
				as: 'editor',
				params: claim,
				json: { kind: 'link', url: 'https://example.org/more', stance: 'context' }
			}),
			cases: {
				409: async () => ({
					as: 'editor',
					params: review.claim,
					json: { kind: 'link', url: 'https://example.org/late', stance: 'context' }
				})
			}
		},
		'put /claims/{id}/evidence/order': {
			ok: async () => {
				const { items } = await (
					await send('get', '/claims/{id}/evidence', { as: 'editor', params: claim })
				).json();
				return {
					as: 'editor',
					params: claim,
					json: { ids: items.map((item: { id: string }) => item.id).reverse() }
				};
			},
			cases: {
				409: async () => ({
					as: 'editor',
					params: review.claim,
					json: { ids: [review.evidence.id] }
				})
			}
		},
		'get /evidence/{id}': { ok: async () => ({ as: 'reviewer', params: evidence }) },
		'patch /evidence/{id}': {
			ok: async () => {
				const current = await (
					await send('get', '/evidence/{id}', { as: 'editor', params: evidence })
				).json();
				return {
					as: 'editor',
					params: evidence,
					headers: ifMatch(current.version),
					json: { note: 'Read in full.' }
				};
			},
			cases: {
				409: async () => ({
					as: 'editor',
					params: review.evidence,
					headers: ifMatch(review.evidence.version),
					json: { note: 'Too late.' }
				})
			}
		},
		'delete /evidence/{id}': {
			ok: async () => ({
				as: 'editor',
				params: await post('editor', `/claims/${claim.id}/evidence`, {
					kind: 'link',
					url: 'https://example.org/gone',
					stance: 'context'
				})
			}),
			cases: { 409: async () => ({ as: 'editor', params: review.evidence }) }
		},
		'get /evidence/{id}/file': {
			ok: async () => {
				const form = await client.fetch(`/api/v1/claims/${claim.id}/evidence`, {
					method: 'post',
					headers: auth.editor,
					multipart: {
						kind: 'file',
						stance: 'supports',
						file: { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Notes.') }
					}
				});
				expect(form.status(), await form.text()).toBe(201);
				return { as: 'reviewer', params: await form.json() };
			}
		},
		'get /claims/{id}/comments': { ok: async () => ({ as: 'reviewer', params: claim }) },
		'post /claims/{id}/comments': {
			ok: async () => ({ as: 'reviewer', params: claim, json: { body: 'Source?' } })
		},
		'patch /comments/{id}': {
			ok: async () => ({ as: 'editor', params: comment, json: { body: 'Check it twice.' } }),
			cases: {
				403: async () => ({ as: 'reviewer', params: comment, json: { body: 'Not mine.' } })
			}
		},
		'delete /comments/{id}': {
			ok: async () => ({
				as: 'editor',
				params: await post('editor', `/claims/${claim.id}/comments`, { body: 'Oops.' })
			}),
			cases: { 403: async () => ({ as: 'reviewer', params: comment }) }
		},
		'get /rating-scale': { ok: async () => ({ as: 'anonymous' }) },
		'post /rating-scale': {
			ok: async () => ({ as: 'admin', json: freshRating() }),
			cases: {
				409: async () => ({ as: 'admin', json: { ...freshRating(), key: 'mostly_false' } })
			}
		},
		'get /rating-scale/{key}': { ok: async () => ({ as: 'anonymous', params: { key: 'true' } }) },
		'patch /rating-scale/{key}': {
			ok: async () => {
				const created = await post('admin', '/rating-scale', freshRating());
				return {
					as: 'admin',
					params: created,
					headers: ifMatch(created.version),
					json: { color: '#663399' }
				};
			}
		},
		'put /rating-scale/order': {
			ok: async () => {
				const scale = await (await send('get', '/rating-scale', { as: 'admin' })).json();
				return { as: 'admin', json: { keys: scale.map((r: { key: string }) => r.key) } };
			}
		},
		'post /documents/{id}/submit': {
			ok: async () => {
				const { id } = await draft();
				await completeClaimOn(id);
				return { as: 'editor', params: { id } };
			},
			cases: {
				409: async () => ({ as: 'editor', params: review }),
				// A claim without rating, rationale or evidence.
				422: async () => ({ as: 'editor', params: work })
			}
		},
		'get /review-queue': { ok: async () => ({ as: 'reviewer' }) },
		'post /documents/{id}/review': {
			ok: async () => ({
				as: 'reviewer',
				params: { id: (await inReview()).id },
				json: { decision: 'request_changes', comment: 'Add a second source.' }
			}),
			cases: { 409: async () => ({ as: 'reviewer', params: work, json: { decision: 'approve' } }) }
		},
		'post /documents/{id}/publish': {
			ok: async () => ({ as: 'reviewer', params: await approved(), json: {} }),
			cases: { 409: async () => ({ as: 'reviewer', params: review, json: {} }) }
		},
		'post /documents/{id}/retract': {
			ok: async () => ({
				as: 'admin',
				params: { id: (await published()).id },
				json: { reason: 'The source was forged.' }
			}),
			cases: { 409: async () => ({ as: 'admin', params: work, json: { reason: 'Not public.' } }) }
		},
		'get /documents/{id}/audit': { ok: async () => ({ as: 'reviewer', params: work }) },
		'get /notifications': { ok: async () => ({ as: 'editor' }) },
		'post /notifications/read': { ok: async () => ({ as: 'editor', json: {} }) },
		'get /public/fact-checks': { ok: async () => ({ as: 'anonymous' }) },
		'get /public/fact-checks/{slug}': { ok: async () => ({ as: 'anonymous', params: live }) },
		'get /public/fact-checks/{slug}/versions/{n}': {
			ok: async () => ({ as: 'anonymous', params: { ...live, n: '1' } })
		},
		'get /public/fact-checks/{slug}/versions/{n}/annotations': {
			ok: async () => ({ as: 'anonymous', params: { ...live, n: '1' } })
		},
		'get /public/claim-reviews': { ok: async () => ({ as: 'anonymous' }) },
		'get /openapi.json': { ok: async () => ({ as: 'anonymous' }) }
	};

	/** The general way to provoke `status` from a call that succeeds, if there is one. */
	const provoke = (status: number, ok: Call, method: string): Call | undefined => {
		const bodyless = method === 'get' || method === 'delete';
		switch (status) {
			case 400:
				return { ...ok, json: undefined, raw: { body: '{"title": ', type: 'application/json' } };
			case 401: {
				const headers = { ...ok.headers };
				delete headers.authorization;
				return { ...ok, as: 'anonymous', headers };
			}
			case 403:
				return { ...ok, as: 'nobody' };
			case 404:
				return {
					...ok,
					params: Object.fromEntries(Object.keys(ok.params ?? {}).map((k) => [k, missing[k]]))
				};
			case 412:
				return { ...ok, headers: { ...ok.headers, 'if-match': '"999999"' } };
			case 413:
				return {
					...ok,
					json: undefined,
					raw: {
						body: JSON.stringify({ text: 'x'.repeat(ok.limit ?? MiB) }),
						type: 'application/json'
					}
				};
			case 415:
				return { ...ok, json: undefined, raw: { body: 'text', type: 'text/plain' } };
			case 422:
				return bodyless
					? { ...ok, query: { ...ok.query, limit: '0' } }
					: { ...ok, json: { ...(ok.json as object), unexpected: true } };
			case 428: {
				const headers = { ...ok.headers };
				delete headers['if-match'];
				return { ...ok, headers };
			}
		}
	};

	const validate = (label: string, schema: object | undefined, body: unknown) => {
		if (!schema) {
			return;
		}
		const check = ajv.compile(local(schema));
		expect.soft(check(body), `${label}: ${ajv.errorsText(check.errors)}`).toBe(true);
	};

	const operations = Object.entries(
		description.paths as Record<string, Record<string, Operation>>
	).flatMap(([path, methods]) =>
		Object.entries(methods).map(([method, operation]) => ({ path, method, operation }))
	);
	const unknown = operations
		.map(({ path, method }) => `${method} ${path}`)
		.filter((key) => !recipes[key]);
	expect(unknown, 'operations without a recipe in this test').toEqual([]);
	expect(Object.keys(recipes).length).toBe(operations.length);

	let checked = 0;
	for (const { path, method, operation } of operations) {
		const key = `${method} ${path}`;
		const recipe = recipes[key];
		const ok = await recipe.ok();
		const statuses = Object.keys(operation.responses).map(Number);
		for (const status of statuses.filter((s) => s >= 400 && !elsewhere.has(s))) {
			const special = recipe.cases?.[status];
			const made = special ? await special() : provoke(status, ok, method);
			expect.soft(made, `${key} ${status}: no way to provoke it`).toBeDefined();
			if (!made) {
				continue;
			}
			const response = 'status' in made ? made : await send(method, path, made);
			const label = `${key} → ${status}`;
			expect.soft(response.status(), `${label}: ${await response.text()}`).toBe(status);
			expect.soft(response.headers()['content-type'], label).toContain('application/problem+json');
			if (response.headers()['content-type']?.includes('json')) {
				validate(label, { $ref: '#/components/schemas/Problem' }, await response.json());
			}
			checked++;
		}
		const response = await send(method, path, ok);
		const success = statuses.find((s) => s < 400);
		expect.soft(response.status(), `${key}: ${await response.text()}`).toBe(success);
		const documented = operation.responses[String(success)]?.content;
		if (documented) {
			const type = response.headers()['content-type'] ?? '';
			const [mediaType, content] =
				Object.entries(documented).find(([name]) => type.startsWith(name)) ?? [];
			expect.soft(mediaType, `${key}: content-type ${type}`).toBeDefined();
			validate(key, content?.schema, await response.json());
		}
		checked++;
	}
	await Promise.all(contexts.map((context) => context.dispose()));
	console.log(`contract: ${operations.length} operations, ${checked} documented answers checked`);
});

test('the API reference shows every operation, without JavaScript', async ({ page, request }) => {
	const description = await (await request.get('/api/v1/openapi.json')).json();
	const count = Object.values(description.paths as Record<string, object>).flatMap((methods) =>
		Object.keys(methods)
	).length;
	await page.goto('/api/docs');
	await expect(page.getByRole('heading', { level: 1, name: 'API reference' })).toBeVisible();
	await expect(page.locator('article.operation h3 .method')).toHaveCount(count);
	await expect(page.locator('script')).toHaveCount(0);
	await page.getByRole('link', { name: '/documents' }).first().click();
	await expect(page).toHaveURL(/#documents$/);
	await expect(page.getByRole('link', { name: 'OpenAPI document (JSON)' })).toHaveAttribute(
		'href',
		'/api/v1/openapi.json'
	);
});
