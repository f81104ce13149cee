// What a newsroom's script does: it knows the API only from /api/v1/openapi.json and holds a
// personal access token per person; with them it takes a text from import to publication.
import { origin } from './e2e-env';
import { bearer, expect, test } from './fixtures';

interface Described {
	servers: { url: string }[];
	paths: Record<string, Record<string, { operationId: string }>>;
}

/** Calls operations by their operationId, with `token`, as the document describes them. */
function clientOf(description: Described, token: string) {
	const operations = new Map(
		Object.entries(description.paths).flatMap(([path, methods]) =>
			Object.entries(methods).map(([method, op]) => [op.operationId, { method, path }] as const)
		)
	);
	return async (
		operationId: string,
		{ params = {}, body, ifMatch }: { params?: object; body?: unknown; ifMatch?: string } = {}
	) => {
		const operation = operations.get(operationId);
		if (!operation) {
			throw new Error(`the API does not describe ${operationId}`);
		}
		const values = params as Record<string, string>;
		const path = operation.path.replace(/\{(\w+)\}/g, (_, name) =>
			encodeURIComponent(values[name])
		);
		const response = await fetch(`${origin}${description.servers[0].url}${path}`, {
			method: operation.method.toUpperCase(),
			headers: {
				authorization: `Bearer ${token}`,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...(ifMatch ? { 'if-match': ifMatch } : {})
			},
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		const text = await response.text();
		expect(response.ok, `${operationId}: ${response.status} ${text}`).toBe(true);
		return { body: text ? JSON.parse(text) : null, etag: response.headers.get('etag') ?? '' };
	};
}

test.use({ extraHTTPHeaders: { origin } });

test('a script with only the OpenAPI document and tokens publishes a fact-check', async ({
	request,
	editor,
	reviewer
}) => {
	// The tokens each person made once (in the settings page, or here through the API).
	const tokenOf = async (person: typeof editor) => {
		const made = await request.post('/api/v1/me/tokens', {
			headers: await bearer(request, person),
			data: { name: 'Newsroom CMS', expiresInDays: 30 }
		});
		expect(made.status()).toBe(201);
		return (await made.json()).token as string;
	};
	const description: Described = await (await fetch(`${origin}/api/v1/openapi.json`)).json();
	const asEditor = clientOf(description, await tokenOf(editor));
	const asReviewer = clientOf(description, await tokenOf(reviewer));

	const { body: document } = await asEditor('createDocument', {
		body: {
			title: '立法院預算新聞',
			text: '行政院表示，明年度預算將增加百分之五。\n\n反對黨則認為實際增幅只有百分之三。',
			language: 'zh-Hant',
			sourceUrl: 'https://example.org/budget'
		}
	});
	const { body: claim } = await asEditor('createClaim', {
		params: document,
		body: {
			selector: [{ type: 'TextQuoteSelector', exact: '明年度預算將增加百分之五' }],
			claimant: '行政院'
		}
	});
	await asEditor('addEvidence', {
		params: claim,
		body: {
			kind: 'link',
			url: 'https://example.org/budget-tables',
			title: '總預算案附表',
			stance: 'refutes'
		}
	});
	const current = await asEditor('getClaim', { params: claim });
	await asEditor('updateClaim', {
		params: claim,
		ifMatch: current.etag,
		body: {
			rating: 'mostly_false',
			rationale: {
				type: 'doc',
				content: [{ type: 'paragraph', content: [{ type: 'text', text: '附表顯示增幅為 3.1%。' }] }]
			}
		}
	});
	const { body: submitted } = await asEditor('submitForReview', { params: document });
	expect(submitted.status).toBe('in_review');
	await asReviewer('decideReview', { params: document, body: { decision: 'approve' } });
	const { body: published } = await asReviewer('publishDocument', { params: document, body: {} });
	expect(published.version).toBe(1);

	// Anyone can now read it, as a page and as JSON.
	const page = await fetch(new URL(published.url, origin));
	expect(page.status).toBe(200);
	expect(await page.text()).toContain('明年度預算將增加百分之五');
	const { body: publicJson } = await asReviewer('getFactCheck', { params: document });
	expect(publicJson.claims).toHaveLength(1);
});
