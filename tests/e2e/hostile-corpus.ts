// Hostile inputs: requests that every endpoint and form action must refuse with a 4xx that says
// what was wrong, storing nothing. This module is data only; hostile.spec.ts sends each case,
// checks the answer, and compares a fingerprint of what the case could have changed.

export type Who = 'anonymous' | 'editor' | 'reviewer' | 'admin';

/**
 * What a case could store by mistake, and so the fingerprint compared around it: the list of
 * documents, the audit log of one of the fixture's documents, the rating scale, the people,
 * the editor's personal access tokens, the references, the organisation settings — or nothing.
 */
export type Target =
	| 'nothing'
	| 'documents'
	| 'draft'
	| 'review'
	| 'published'
	| 'ratings'
	| 'users'
	| 'tokens'
	| 'references'
	| 'settings';

/** The records the cases aim at, made through the API before the corpus runs. */
export interface Fixture {
	/** A draft with one claim, one evidence item and one comment. */
	draft: string;
	claim: string;
	claimVersion: string;
	evidence: string;
	evidenceVersion: string;
	comment: string;
	/** A document in review, and its claim. */
	review: string;
	reviewClaim: string;
	/** A published document. */
	published: string;
	slug: string;
	/** A rating of the scale, and its version. */
	rating: string;
	ratingVersion: string;
	/** A person the admin may edit. */
	person: string;
	/** An imported ClaimReview. */
	reference: string;
	/** The name of one of the editor's personal access tokens. */
	tokenName: string;
	/** The editor's password, for the password form. */
	password: string;
}

export interface Upload {
	name: string;
	mimeType: string;
	buffer: Buffer;
}

/** A form's fields: a text, several texts under one name, or a file (then sent as multipart). */
export type FormFields = Record<string, string | string[] | Upload>;

export interface HostileCase {
	name: string;
	target: Target;
	as: Who;
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/**
	 * The path and query. `:draft`, `:claim`… name the fixture's records, here, in header and
	 * form values, and in JSON bodies.
	 */
	path: string;
	json?: unknown;
	raw?: { body: Buffer | string; type?: string };
	form?: FormFields;
	headers?: Record<string, string>;
	/** Sent without Content-Length, in chunks. */
	chunked?: boolean;
	/** The status expected; any 4xx when left out. */
	status?: number;
	/** What the problem's detail (or the form's message) must say. */
	says?: RegExp;
	/** The field the problem's `errors` (or the form's) must name, as a dot path. */
	field?: string;
}

const MB = 1024 * 1024;
/** The limits the server states (README, OpenAPI): JSON bodies, imports, texts and files. */
const JSON_LIMIT = MB;
const IMPORT_LIMIT = 4 * MB;
const TEXT_LIMIT = 2 * MB;
const FILE_LIMIT = 10 * MB;

export const article =
	'The minister said exports grew 12% in 2024.\n\nCritics said wages fell by 3% in the capital.';

const quote = (exact: string) => ({ type: 'TextQuoteSelector', exact });
const position = (start: unknown, end: unknown) => ({ type: 'TextPositionSelector', start, end });
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (value: string, marks?: unknown[]) => ({
	type: 'text',
	text: value,
	...(marks && { marks })
});
const link = (href: unknown) =>
	doc(paragraph(text('the source', [{ type: 'link', attrs: { href } }])));
const nested = (depth: number): unknown =>
	depth === 0 ? paragraph(text('deep')) : { type: 'blockquote', content: [nested(depth - 1)] };

/** `[[[…]]]` nested `depth` deep, as JSON text: no parser recursion needed to build it. */
const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** `value` with `field` (a dot path) set to `to`. */
function setting(value: unknown, field: string, to: unknown): unknown {
	const copy = structuredClone(value) as Record<string, unknown>;
	const keys = field.split('.');
	let at: Record<string, unknown> = copy;
	for (const key of keys.slice(0, -1)) {
		at = at[key] as Record<string, unknown>;
	}
	at[keys[keys.length - 1]] = to;
	return copy;
}

/** A JSON write endpoint, with a body it would take and a text field to spoil. */
interface JsonEndpoint {
	name: string;
	target: Target;
	as: Who;
	method: HostileCase['method'];
	path: string;
	headers?: Record<string, string>;
	valid: unknown;
	field: string;
	/** Its body limit, when it is small enough to send in a test. */
	limit?: number;
}

/**
 * What every JSON endpoint must refuse whatever its fields: a body that is not JSON, not sent
 * as JSON, not UTF-8, nested beyond reason, of the wrong shape, with text PostgreSQL cannot
 * store (U+0000, an unpaired surrogate), or over its limit.
 */
function transport(endpoint: JsonEndpoint): HostileCase[] {
	const { name, target, as, method, path, headers, valid, field, limit } = endpoint;
	const base = { target, as, method, path, headers };
	const body = JSON.stringify(valid);
	const cases: HostileCase[] = [
		{
			...base,
			name: `${name}: malformed JSON`,
			raw: { body: body.slice(0, -3), type: 'application/json' },
			status: 400,
			says: /not valid JSON/
		},
		{
			...base,
			name: `${name}: JSON sent as text/plain`,
			raw: { body, type: 'text/plain' },
			status: 415,
			says: /application\/json/
		},
		{
			...base,
			name: `${name}: invalid UTF-8`,
			raw: {
				body: Buffer.concat([
					Buffer.from(body.slice(0, body.indexOf('"') + 1)),
					Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
					Buffer.from(body.slice(body.indexOf('"') + 1))
				]),
				type: 'application/json'
			},
			status: 400,
			says: /UTF-8/
		},
		{
			...base,
			name: `${name}: nested 100,000 deep`,
			raw: { body: `{"${field.split('.')[0]}":${deep(100_000)}}`, type: 'application/json' },
			status: 422,
			says: /Nested more than 64 levels/
		},
		{
			...base,
			name: `${name}: a bare string for a body`,
			json: '<script>alert(1)</script>',
			status: 422
		},
		{
			...base,
			name: `${name}: U+0000 in ${field}`,
			json: setting(valid, field, 'before\u0000after'),
			status: 422,
			field
		},
		{
			...base,
			name: `${name}: an unpaired surrogate in ${field}`,
			// JSON.stringify writes the lone surrogate as the escape \ud800, as an attacker would.
			raw: {
				body: JSON.stringify(setting(valid, field, 'before\ud800after')),
				type: 'application/json'
			},
			status: 422,
			field
		}
	];
	if (limit) {
		cases.push({
			...base,
			name: `${name}: a body over its ${limit.toLocaleString('en')}-byte limit`,
			raw: {
				body: JSON.stringify(setting(valid, field, 'x'.repeat(limit))),
				type: 'application/json'
			},
			status: 413,
			says: /at most/
		});
	}
	return cases;
}

const annotation = (exact: string) => ({
	type: 'Annotation',
	target: { selector: [quote(exact)] },
	body: { type: 'TextualBody', value: 'Checked.', purpose: 'describing' }
});
const claimReview = (fields: Record<string, unknown> = {}) => ({
	'@context': 'https://schema.org',
	'@type': 'ClaimReview',
	url: 'https://factcheck.example.org/hostile',
	claimReviewed: 'Exports grew 12%.',
	reviewRating: { '@type': 'Rating', alternateName: 'False' },
	author: { '@type': 'Organization', name: 'Example Checks' },
	...fields
});

const jsonEndpoints: JsonEndpoint[] = [
	{
		name: 'login',
		target: 'nothing',
		as: 'anonymous',
		method: 'POST',
		path: '/api/v1/auth/login',
		valid: { email: 'nobody@factmark.test', password: 'wrong password' },
		field: 'email',
		limit: JSON_LIMIT
	},
	{
		name: 'create user',
		target: 'users',
		as: 'admin',
		method: 'POST',
		path: '/api/v1/users',
		valid: {
			email: 'hostile-new@factmark.test',
			name: 'Hostile',
			password: 'a long pass phrase 2026',
			roles: ['editor']
		},
		field: 'name',
		limit: JSON_LIMIT
	},
	{
		name: 'create document',
		target: 'documents',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/documents',
		valid: { title: 'Hostile', text: article },
		field: 'text'
	},
	{
		name: 'assign document',
		target: 'draft',
		as: 'editor',
		method: 'PATCH',
		path: '/api/v1/documents/:draft',
		valid: { assigneeId: null },
		field: 'assigneeId',
		limit: JSON_LIMIT
	},
	{
		name: 'new revision',
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/documents/:draft/revisions',
		valid: { text: `${article}\n\nA third paragraph.` },
		field: 'text'
	},
	{
		name: 'import annotations',
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/documents/:draft/annotations',
		valid: { type: 'AnnotationCollection', items: [annotation('wages fell')] },
		field: 'items.0.target.selector.0.exact',
		limit: IMPORT_LIMIT
	},
	{
		name: 'create claim',
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/documents/:draft/claims',
		valid: { selector: [quote('wages fell')], claimText: 'Wages fell.' },
		field: 'claimText',
		limit: JSON_LIMIT
	},
	{
		name: 'update claim',
		target: 'draft',
		as: 'editor',
		method: 'PATCH',
		path: '/api/v1/claims/:claim',
		headers: { 'if-match': '":claimVersion"' },
		valid: { claimant: 'The minister' },
		field: 'claimant',
		limit: JSON_LIMIT
	},
	{
		name: 'add evidence',
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/claims/:claim/evidence',
		valid: { kind: 'quote', stance: 'refutes', quote: 'Exports grew 9.8%.' },
		field: 'quote',
		limit: JSON_LIMIT
	},
	{
		name: 'order evidence',
		target: 'draft',
		as: 'editor',
		method: 'PUT',
		path: '/api/v1/claims/:claim/evidence/order',
		valid: { ids: [':evidence'] },
		field: 'ids.0',
		limit: JSON_LIMIT
	},
	{
		name: 'update evidence',
		target: 'draft',
		as: 'editor',
		method: 'PATCH',
		path: '/api/v1/evidence/:evidence',
		headers: { 'if-match': '":evidenceVersion"' },
		valid: { note: 'Checked again.' },
		field: 'note',
		limit: JSON_LIMIT
	},
	{
		name: 'comment',
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/claims/:claim/comments',
		valid: { body: 'Looks wrong.' },
		field: 'body',
		limit: JSON_LIMIT
	},
	{
		name: 'edit comment',
		target: 'draft',
		as: 'editor',
		method: 'PATCH',
		path: '/api/v1/comments/:comment',
		valid: { body: 'Looks wrong indeed.' },
		field: 'body',
		limit: JSON_LIMIT
	},
	{
		name: 'add rating',
		target: 'ratings',
		as: 'admin',
		method: 'POST',
		path: '/api/v1/rating-scale',
		valid: { key: 'hostile', labels: { en: 'Hostile' }, color: '#333333', value: null },
		field: 'labels.en',
		limit: JSON_LIMIT
	},
	{
		name: 'update rating',
		target: 'ratings',
		as: 'admin',
		method: 'PATCH',
		path: '/api/v1/rating-scale/:rating',
		headers: { 'if-match': '":ratingVersion"' },
		valid: { labels: { en: 'Renamed' } },
		field: 'labels.en',
		limit: JSON_LIMIT
	},
	{
		name: 'order ratings',
		target: 'ratings',
		as: 'admin',
		method: 'PUT',
		path: '/api/v1/rating-scale/order',
		valid: { keys: [':rating'] },
		field: 'keys.0',
		limit: JSON_LIMIT
	},
	{
		name: 'review',
		target: 'review',
		as: 'reviewer',
		method: 'POST',
		path: '/api/v1/documents/:review/review',
		valid: { decision: 'request_changes', comment: 'Not yet.' },
		field: 'comment',
		limit: JSON_LIMIT
	},
	{
		name: 'publish',
		target: 'draft',
		as: 'reviewer',
		method: 'POST',
		path: '/api/v1/documents/:draft/publish',
		valid: { note: 'First version.' },
		field: 'note',
		limit: JSON_LIMIT
	},
	{
		name: 'retract',
		target: 'published',
		as: 'admin',
		method: 'POST',
		path: '/api/v1/documents/:published/retract',
		valid: { reason: 'Withdrawn.' },
		field: 'reason',
		limit: JSON_LIMIT
	},
	{
		name: 'import ClaimReviews',
		target: 'references',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/external-claim-reviews',
		valid: claimReview(),
		field: 'claimReviewed',
		limit: IMPORT_LIMIT
	},
	{
		name: 'mark notifications read',
		target: 'nothing',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/notifications/read',
		valid: { ids: ['00000000-0000-4000-8000-000000000000'] },
		field: 'ids.0',
		limit: JSON_LIMIT
	},
	{
		name: 'create token',
		target: 'tokens',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/me/tokens',
		valid: { name: 'Hostile script', expiresInDays: 30 },
		field: 'name',
		limit: JSON_LIMIT
	}
];

const nobody = '00000000-0000-4000-8000-000000000000';
const sql = "x'); DROP TABLE document; --";
const xss = '<script>alert(1)</script>';

/** API cases, one endpoint at a time, beyond what `transport` covers. */
const api: HostileCase[] = [
	// Documents
	...(
		[
			['a title of 501 characters', { title: 'x'.repeat(501) }, 'title'],
			['a title that is a number', { title: 42 }, 'title'],
			['a text of blanks only', { text: ' \n\t ' }, 'text'],
			['a text that is a list', { text: [article] }, 'text'],
			['a text over 2 MB', { text: 'x'.repeat(TEXT_LIMIT + 1) }, 'text'],
			['a language that is markup', { language: xss }, 'language'],
			['a language with SQL', { language: `en${sql}` }, 'language'],
			['a javascript: source URL', { sourceUrl: 'javascript:alert(document.cookie)' }, 'sourceUrl'],
			[
				'a javascript: source URL in mixed case',
				{ sourceUrl: ' JaVaScRiPt:alert(1)' },
				'sourceUrl'
			],
			[
				'a data: source URL',
				{ sourceUrl: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' },
				'sourceUrl'
			],
			['a file: source URL', { sourceUrl: 'file:///etc/passwd' }, 'sourceUrl'],
			['a publication date that does not exist', { publishedAt: '2025-02-30' }, 'publishedAt'],
			['a publication date with SQL', { publishedAt: `2025-01-01${sql}` }, 'publishedAt'],
			['a status set by the client', { status: 'published' }, 'status'],
			['a publisher of 301 characters', { publisher: 'p'.repeat(301) }, 'publisher']
		] as const
	).map(([name, fields, field]): HostileCase => ({
		name: `create document: ${name}`,
		target: 'documents',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/documents',
		json: { title: 'Hostile', text: article, ...fields },
		status: 422,
		field
	})),
	{
		name: 'create document: a prototype key',
		target: 'documents',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/documents',
		raw: {
			body: `{"title":"Hostile","text":"Words.","__proto__":{"status":"published"}}`,
			type: 'application/json'
		},
		status: 422
	},
	{
		name: 'create document: no content type',
		target: 'documents',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/documents',
		raw: { body: JSON.stringify({ title: 'Hostile', text: article }) },
		status: 415
	},
	{
		name: 'create document: a form instead of JSON',
		target: 'documents',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/documents',
		raw: { body: 'title=Hostile&text=Words', type: 'application/x-www-form-urlencoded' },
		status: 415
	},
	{
		name: 'create document: UTF-16 declared as a charset',
		target: 'documents',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/documents',
		raw: {
			body: Buffer.from(`\ufeff${JSON.stringify({ title: 'Hostile', text: article })}`, 'utf16le'),
			type: 'application/json; charset=utf-16'
		},
		status: 400,
		says: /UTF-8/
	},
	{
		name: 'create document: an empty body',
		target: 'documents',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/documents',
		raw: { body: '', type: 'application/json' },
		status: 400
	},
	{
		name: 'create document: null',
		target: 'documents',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/documents',
		json: null,
		status: 422
	},
	{
		name: 'create document: 12.5 MB, over the server-wide body limit',
		target: 'documents',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/documents',
		raw: {
			body: JSON.stringify({ title: 'Hostile', text: 'x'.repeat(12.5 * MB) }),
			type: 'application/json'
		},
		status: 413
	},
	{
		name: 'create document: 12.5 MB chunked, without Content-Length',
		target: 'documents',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/documents',
		raw: {
			body: JSON.stringify({ title: 'Hostile', text: 'x'.repeat(12.5 * MB) }),
			type: 'application/json'
		},
		chunked: true,
		status: 413
	},
	{
		name: 'create document: 14 MB, over its own limit',
		target: 'documents',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/documents',
		raw: {
			body: JSON.stringify({ title: 'Hostile', text: 'x'.repeat(14 * MB) }),
			type: 'application/json'
		},
		status: 413
	},
	{
		name: 'documents: DELETE is not a method here',
		target: 'documents',
		as: 'editor',
		method: 'DELETE',
		path: '/api/v1/documents',
		status: 405
	},
	{
		name: 'assign document: an id that is not a user',
		target: 'draft',
		as: 'editor',
		method: 'PATCH',
		path: '/api/v1/documents/:draft',
		json: { assigneeId: `${nobody}' OR '1'='1` },
		status: 422,
		field: 'assigneeId'
	},
	{
		name: 'assign document: a title set on the way',
		target: 'draft',
		as: 'editor',
		method: 'PATCH',
		path: '/api/v1/documents/:draft',
		json: { assigneeId: null, title: xss },
		status: 422,
		field: 'title'
	},
	{
		name: 'document: a path that climbs out',
		target: 'nothing',
		as: 'editor',
		method: 'GET',
		path: '/api/v1/documents/..%2F..%2F..%2Fetc%2Fpasswd',
		status: 404
	},
	{
		name: 'document: SQL as its id',
		target: 'nothing',
		as: 'editor',
		method: 'GET',
		path: `/api/v1/documents/${encodeURIComponent("' OR '1'='1")}`,
		status: 404
	},
	{
		name: 'document: U+0000 in its id',
		target: 'nothing',
		as: 'editor',
		method: 'GET',
		path: '/api/v1/documents/abc%00def',
		status: 400
	},
	// Revisions
	...(
		[
			['an empty text', { text: '' }],
			['a text over 2 MB', { text: 'x'.repeat(TEXT_LIMIT + 1) }],
			['a text that is an object', { text: { toString: 'x' } }],
			['an extra field', { text: article, title: xss }]
		] as const
	).map(([name, json]): HostileCase => ({
		name: `new revision: ${name}`,
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/documents/:draft/revisions',
		json,
		status: 422
	})),
	// Annotation import
	...(
		[
			['an empty object', {}],
			['an empty list', []],
			['2,001 annotations', Array.from({ length: 2001 }, () => annotation('wages fell'))],
			['a collection whose items are not a list', { type: 'AnnotationCollection', items: xss }]
		] as const
	).map(([name, json]): HostileCase => ({
		name: `import annotations: ${name}`,
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/documents/:draft/annotations',
		json,
		status: 422
	})),
	// Claims: selectors out of range and of the wrong shape
	...(
		[
			['a quote not in the text', [quote('exports fell 40%')], 'selector'],
			['an empty quote', [quote('')], 'selector.0.exact'],
			['a quote of 20,001 characters', [quote('x'.repeat(20_001))], 'selector.0.exact'],
			['a position past the end', [quote('wages fell'), position(0, 1_000_000_000)], 'selector'],
			[
				'a position that ends before it starts',
				[quote('wages fell'), position(60, 50)],
				'selector'
			],
			['a negative position', [quote('wages fell'), position(-1, 9)], 'selector'],
			['a fractional position', [quote('wages fell'), position(1.5, 9)], 'selector'],
			['a position given as text', [quote('wages fell'), position('0', '9')], 'selector'],
			['a position of 2^53', [quote('wages fell'), position(2 ** 53, 2 ** 53 + 2)], 'selector'],
			['an XPath selector', [{ type: 'XPathSelector', value: '/html/body' }], 'selector'],
			['three selectors', [quote('wages fell'), position(50, 60), position(50, 60)], 'selector'],
			['a selector that is markup', xss, 'selector'],
			[
				'a prefix of 201 characters',
				[{ ...quote('wages fell'), prefix: 'x'.repeat(201) }],
				'selector'
			]
		] as const
	).map(([name, selector, field]): HostileCase => ({
		name: `create claim: ${name}`,
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/documents/:draft/claims',
		json: { selector },
		status: 422,
		says: /not valid/,
		field: field === 'selector' ? undefined : field
	})),
	{
		name: 'create claim: a position of 1e400 (Infinity)',
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/documents/:draft/claims',
		raw: {
			body: '{"selector":[{"type":"TextQuoteSelector","exact":"wages fell"},{"type":"TextPositionSelector","start":0,"end":1e400}]}',
			type: 'application/json'
		},
		status: 422
	},
	...(
		[
			['claimText of 2,001 characters', { claimText: 'x'.repeat(2001) }, 'claimText'],
			['a claim date that does not exist', { claimDate: '2025-13-01' }, 'claimDate'],
			['a claim date with SQL', { claimDate: sql }, 'claimDate'],
			['a rating on creation', { rating: 'false' }, 'rating'],
			['a claimant that is a number', { claimant: 7 }, 'claimant']
		] as const
	).map(([name, fields, field]): HostileCase => ({
		name: `create claim: ${name}`,
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/documents/:draft/claims',
		json: { selector: [quote('wages fell')], ...fields },
		status: 422,
		field
	})),
	{
		name: 'create claim: on a document that does not exist',
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: `/api/v1/documents/${nobody}/claims`,
		json: { selector: [quote('wages fell')] },
		status: 404
	},
	// Claims: updates, Tiptap JSON
	{
		name: 'update claim: without If-Match',
		target: 'draft',
		as: 'editor',
		method: 'PATCH',
		path: '/api/v1/claims/:claim',
		json: { claimant: 'x' },
		status: 428
	},
	{
		name: 'update claim: a stale If-Match',
		target: 'draft',
		as: 'editor',
		method: 'PATCH',
		path: '/api/v1/claims/:claim',
		headers: { 'if-match': '"999999"' },
		json: { claimant: 'x' },
		status: 412
	},
	{
		name: 'update claim: If-Match with SQL',
		target: 'draft',
		as: 'editor',
		method: 'PATCH',
		path: '/api/v1/claims/:claim',
		headers: { 'if-match': `"1${sql}"` },
		json: { claimant: 'x' },
		status: 428
	},
	...(
		[
			['a rating with SQL', { rating: `false${sql}` }, 'rating'],
			['a rating not on the scale', { rating: 'pants_on_fire' }, 'rating'],
			[
				'a selector out of range',
				{ selector: [quote('wages fell'), position(5000, 5010)] },
				'selector.1'
			],
			['an assignee that is not a user id', { assigneeId: xss }, 'assigneeId'],
			['a claim date of year zero', { claimDate: '0000-00-00' }, 'claimDate'],
			['the document moved', { documentId: nobody }, 'documentId'],
			[
				'a rationale with a script node',
				{ rationale: doc({ type: 'script', content: [text('alert(1)')] }) },
				'rationale.content.0'
			],
			[
				'a rationale with an iframe',
				{ rationale: doc({ type: 'iframe', attrs: { src: 'javascript:alert(1)' } }) },
				'rationale.content.0'
			],
			[
				'a rationale with an image',
				{ rationale: doc(paragraph({ type: 'image', attrs: { src: 'x', onerror: 'alert(1)' } })) },
				'rationale.content.0.content.0'
			],
			[
				'a rationale with a heading',
				{ rationale: doc({ type: 'heading', attrs: { level: 1 }, content: [text('Big')] }) },
				'rationale.content.0'
			],
			[
				'a rationale with a code block',
				{ rationale: doc({ type: 'codeBlock', content: [text('x')] }) },
				'rationale.content.0'
			],
			[
				'a link to javascript:',
				{ rationale: link('javascript:alert(document.cookie)') },
				'rationale.content.0.content.0.marks.0.attrs.href'
			],
			[
				'a link to JavaScript: in mixed case',
				{ rationale: link('JaVaScRiPt:alert(1)') },
				'rationale.content.0.content.0.marks.0.attrs.href'
			],
			[
				'a link to java<tab>script:',
				{ rationale: link('java\tscript:alert(1)') },
				'rationale.content.0.content.0.marks.0.attrs.href'
			],
			[
				'a link to javascript: after blanks',
				{ rationale: link('  \njavascript:alert(1)') },
				'rationale.content.0.content.0.marks.0.attrs.href'
			],
			[
				'a link to a data: URL',
				{ rationale: link('data:text/html,<script>alert(1)</script>') },
				'rationale.content.0.content.0.marks.0.attrs.href'
			],
			[
				'a link to vbscript:',
				{ rationale: link('vbscript:msgbox(1)') },
				'rationale.content.0.content.0.marks.0.attrs.href'
			],
			[
				'a link to a file: URL',
				{ rationale: link('file:///etc/passwd') },
				'rationale.content.0.content.0.marks.0.attrs.href'
			],
			[
				'a link whose href is an object',
				{ rationale: link({ toString: 'javascript:alert(1)' }) },
				'rationale.content.0.content.0.marks.0.attrs.href'
			],
			[
				'a textStyle mark with a style',
				{
					rationale: doc(
						paragraph(
							text('x', [
								{ type: 'textStyle', attrs: { style: 'background:url(javascript:alert(1))' } }
							])
						)
					)
				},
				'rationale.content.0.content.0.marks.0'
			],
			['quotes nested 100 deep', { rationale: doc(nested(100)) }, undefined],
			[
				'6,000 paragraphs',
				{ rationale: doc(...Array.from({ length: 6000 }, () => paragraph(text('x')))) },
				undefined
			],
			[
				'20,001 characters of text',
				{ rationale: doc(paragraph(text('x'.repeat(20_001)))) },
				'rationale.content.0.content.0.text'
			],
			['HTML instead of Tiptap JSON', { rationale: '<p onclick="alert(1)">x</p>' }, 'rationale'],
			['a paragraph instead of a doc', { rationale: paragraph(text('x')) }, 'rationale.type'],
			[
				'a doc whose content is text',
				{ rationale: { type: 'doc', content: xss } },
				'rationale.content'
			]
		] as const
	).map(([name, json, field]): HostileCase => ({
		name: `update claim: ${name}`,
		target: 'draft',
		as: 'editor',
		method: 'PATCH',
		path: '/api/v1/claims/:claim',
		headers: { 'if-match': '":claimVersion"' },
		json,
		status: 422,
		field
	})),
	{
		name: 'update claim: one that does not exist',
		target: 'draft',
		as: 'editor',
		method: 'PATCH',
		path: `/api/v1/claims/${nobody}`,
		headers: { 'if-match': '"1"' },
		json: { claimant: 'x' },
		status: 404
	},
	{
		name: 'delete claim: SQL as its id',
		target: 'draft',
		as: 'editor',
		method: 'DELETE',
		path: `/api/v1/claims/${encodeURIComponent('1 OR 1=1')}`,
		status: 404
	},
	// Evidence (JSON)
	...(
		[
			['an unknown kind', { kind: 'script', stance: 'refutes', quote: 'x' }, 'kind'],
			['an unknown stance', { kind: 'quote', stance: 'maybe', quote: 'x' }, 'stance'],
			['a javascript: URL', { kind: 'link', stance: 'refutes', url: 'javascript:alert(1)' }, 'url'],
			[
				'a JAVASCRIPT: URL with a host',
				{ kind: 'link', stance: 'refutes', url: 'JAVASCRIPT://example.org/%0aalert(1)' },
				'url'
			],
			[
				'a data: URL',
				{ kind: 'link', stance: 'refutes', url: 'data:text/html,<script>alert(1)</script>' },
				'url'
			],
			['a vbscript: URL', { kind: 'dataset', stance: 'context', url: 'vbscript:msgbox(1)' }, 'url'],
			['an address without a host', { kind: 'link', stance: 'refutes', url: 'http://' }, 'url'],
			[
				'a protocol-relative address',
				{ kind: 'link', stance: 'refutes', url: '//evil.example/x' },
				'url'
			],
			[
				'an address of 2,030 characters',
				{ kind: 'link', stance: 'refutes', url: `https://example.org/${'a'.repeat(2010)}` },
				'url'
			],
			['a link without its address', { kind: 'link', stance: 'refutes' }, 'url'],
			['a quote without its words', { kind: 'quote', stance: 'refutes' }, 'quote'],
			[
				'a date on 29 February 2025',
				{ kind: 'quote', stance: 'refutes', quote: 'x', date: '2025-02-29' },
				'date'
			],
			[
				'an accessed date of "yesterday"',
				{ kind: 'quote', stance: 'refutes', quote: 'x', accessedAt: 'yesterday' },
				'accessedAt'
			],
			[
				'a note of 20,001 characters',
				{ kind: 'quote', stance: 'refutes', quote: 'x', note: 'n'.repeat(20_001) },
				'note'
			],
			[
				'a title of 501 characters',
				{ kind: 'quote', stance: 'refutes', quote: 'x', title: 't'.repeat(501) },
				'title'
			],
			[
				'a claim id in the body',
				{ kind: 'quote', stance: 'refutes', quote: 'x', claimId: nobody },
				'claimId'
			],
			[
				'a kind that is a list',
				{ kind: ['link'], stance: 'refutes', url: 'https://example.org' },
				'kind'
			]
		] as const
	).map(([name, json, field]): HostileCase => ({
		name: `add evidence: ${name}`,
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/claims/:claim/evidence',
		json,
		status: 422,
		field
	})),
	{
		name: 'add evidence: a file item without its file',
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/claims/:claim/evidence',
		json: { kind: 'file', stance: 'refutes' },
		status: 422
	},
	{
		name: 'add evidence: to a claim that does not exist',
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: `/api/v1/claims/${nobody}/evidence`,
		json: { kind: 'quote', stance: 'refutes', quote: 'x' },
		status: 404
	},
	// Evidence (uploads): spoofed types, climbing names, oversize
	...(
		[
			[
				'a web page named photo.png',
				'photo.png',
				'image/png',
				Buffer.from('<html><script>alert(1)</script></html>'),
				422
			],
			[
				'a Windows program named report.pdf',
				'report.pdf',
				'application/pdf',
				Buffer.concat([Buffer.from('MZ\x90\x00\x03'), Buffer.alloc(200)]),
				422
			],
			[
				'an SVG with a script',
				'chart.svg',
				'image/svg+xml',
				Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
				422
			],
			[
				'a PNG named notes.txt',
				'notes.txt',
				'text/plain',
				Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
				422
			],
			[
				'a PDF named ../../etc/passwd',
				'../../etc/passwd',
				'application/pdf',
				Buffer.from('%PDF-1.7\n%%EOF'),
				422
			],
			[
				'a text named ..\\..\\windows\\win.ini',
				'..\\..\\windows\\win.ini',
				'text/plain',
				Buffer.from('[fonts]'),
				422
			],
			['an HTML page named page.html', 'page.html', 'text/html', Buffer.from('<p>hello</p>'), 422],
			['an empty file', 'empty.pdf', 'application/pdf', Buffer.alloc(0), 422],
			[
				'a file of 10 MB and one byte',
				'big.txt',
				'text/plain',
				Buffer.alloc(FILE_LIMIT + 1, 'a'),
				413
			]
		] as const
	).map(([name, fileName, mimeType, buffer, status]): HostileCase => ({
		name: `upload evidence: ${name}`,
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/claims/:claim/evidence',
		form: { kind: 'file', stance: 'supports', file: { name: fileName, mimeType, buffer } },
		status
	})),
	{
		name: 'upload evidence: a file on a link item',
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/claims/:claim/evidence',
		form: {
			kind: 'link',
			stance: 'supports',
			url: 'https://example.org',
			file: { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('words') }
		},
		status: 422
	},
	{
		name: 'upload evidence: U+0000 in a field',
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/claims/:claim/evidence',
		form: {
			kind: 'file',
			stance: 'supports',
			note: 'a\u0000b',
			file: { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('words') }
		},
		status: 422,
		field: 'note'
	},
	{
		name: 'upload evidence: multipart cut short',
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/claims/:claim/evidence',
		raw: {
			body: '--xyz\r\nContent-Disposition: form-data; name="kind"\r\n\r\nfile',
			type: 'multipart/form-data; boundary=xyz'
		},
		status: 400
	},
	{
		name: 'upload evidence: multipart without a boundary',
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/claims/:claim/evidence',
		raw: { body: 'garbage', type: 'multipart/form-data' },
		status: 400
	},
	{
		name: 'upload evidence: the file as a text part',
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/claims/:claim/evidence',
		raw: {
			body: [
				'--xyz',
				'Content-Disposition: form-data; name="kind"',
				'',
				'file',
				'--xyz',
				'Content-Disposition: form-data; name="stance"',
				'',
				'supports',
				'--xyz',
				'Content-Disposition: form-data; name="file"',
				'',
				'<script>alert(1)</script>',
				'--xyz--',
				''
			].join('\r\n'),
			type: 'multipart/form-data; boundary=xyz'
		},
		status: 422
	},
	// Evidence: order, update, delete, download
	...(
		[
			['an id that is not there', { ids: [nobody] }],
			['the same id twice', { ids: [':evidence', ':evidence'] }],
			['501 ids', { ids: Array.from({ length: 501 }, () => nobody) }],
			['ids that are numbers', { ids: [1, 2] }]
		] as const
	).map(([name, json]): HostileCase => ({
		name: `order evidence: ${name}`,
		target: 'draft',
		as: 'editor',
		method: 'PUT',
		path: '/api/v1/claims/:claim/evidence/order',
		json,
		status: 422
	})),
	{
		name: 'update evidence: without If-Match',
		target: 'draft',
		as: 'editor',
		method: 'PATCH',
		path: '/api/v1/evidence/:evidence',
		json: { note: 'x' },
		status: 428
	},
	{
		name: 'update evidence: a javascript: URL',
		target: 'draft',
		as: 'editor',
		method: 'PATCH',
		path: '/api/v1/evidence/:evidence',
		headers: { 'if-match': '":evidenceVersion"' },
		json: { url: 'javascript:alert(1)' },
		status: 422,
		field: 'url'
	},
	{
		name: 'update evidence: its kind',
		target: 'draft',
		as: 'editor',
		method: 'PATCH',
		path: '/api/v1/evidence/:evidence',
		headers: { 'if-match': '":evidenceVersion"' },
		json: { kind: 'file' },
		status: 422,
		field: 'kind'
	},
	{
		name: 'delete evidence: one that does not exist',
		target: 'draft',
		as: 'editor',
		method: 'DELETE',
		path: '/api/v1/evidence/not-evidence',
		status: 404
	},
	{
		name: 'download evidence: a path that climbs out',
		target: 'nothing',
		as: 'editor',
		method: 'GET',
		path: '/api/v1/evidence/..%2F..%2F..%2Fetc%2Fpasswd/file',
		status: 404
	},
	// Comments
	...(
		[
			['an empty body', { body: '' }, 'body'],
			['blanks only', { body: ' \n ' }, 'body'],
			['10,001 characters', { body: 'c'.repeat(10_001) }, 'body'],
			['a body that is an object', { body: { html: xss } }, 'body'],
			['a parent that is not an id', { body: 'x', parentId: `1${sql}` }, 'parentId']
		] as const
	).map(([name, json, field]): HostileCase => ({
		name: `comment: ${name}`,
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/claims/:claim/comments',
		json,
		status: 422,
		field
	})),
	{
		name: 'comment: a parent that does not exist',
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/claims/:claim/comments',
		json: { body: 'x', parentId: nobody }
	},
	{
		name: 'edit comment: an empty body',
		target: 'draft',
		as: 'editor',
		method: 'PATCH',
		path: '/api/v1/comments/:comment',
		json: { body: '' },
		status: 422,
		field: 'body'
	},
	{
		name: 'delete comment: one that does not exist',
		target: 'draft',
		as: 'editor',
		method: 'DELETE',
		path: '/api/v1/comments/nothing-here',
		status: 404
	},
	// Rating scale
	...(
		[
			['a key that is markup', { key: xss }, 'key'],
			['a key with SQL', { key: `x${sql}` }, 'key'],
			['a key in capitals', { key: 'Hostile' }, 'key'],
			['a colour name', { color: 'red' }, 'color'],
			['a colour too light for white text', { color: '#ffffff' }, 'color'],
			[
				'a colour with CSS after it',
				{ color: '#000000; background:url(javascript:alert(1))' },
				'color'
			],
			['a value of 7', { value: 7 }, 'value'],
			['a value of 2.5', { value: 2.5 }, 'value'],
			['a value given as text', { value: '3' }, 'value'],
			['no English label', { labels: { 'zh-Hant': '敵意' } }, 'labels'],
			['a label in a language the interface lacks', { labels: { en: 'x', fr: 'x' } }, 'labels.fr'],
			['a label of 61 characters', { labels: { en: 'l'.repeat(61) } }, 'labels.en'],
			[
				'a description of 501 characters',
				{ descriptions: { en: 'd'.repeat(501) } },
				'descriptions.en'
			]
		] as const
	).map(([name, fields, field]): HostileCase => ({
		name: `add rating: ${name}`,
		target: 'ratings',
		as: 'admin',
		method: 'POST',
		path: '/api/v1/rating-scale',
		json: { key: 'hostile', labels: { en: 'Hostile' }, color: '#333333', value: null, ...fields },
		status: 422,
		field
	})),
	{
		name: 'add rating: a key already taken',
		target: 'ratings',
		as: 'admin',
		method: 'POST',
		path: '/api/v1/rating-scale',
		json: { key: ':rating', labels: { en: 'Again' }, color: '#333333', value: null },
		status: 409
	},
	{
		name: 'update rating: without If-Match',
		target: 'ratings',
		as: 'admin',
		method: 'PATCH',
		path: '/api/v1/rating-scale/:rating',
		json: { retired: true },
		status: 428
	},
	{
		name: 'update rating: a stale If-Match',
		target: 'ratings',
		as: 'admin',
		method: 'PATCH',
		path: '/api/v1/rating-scale/:rating',
		headers: { 'if-match': '"999999"' },
		json: { retired: true },
		status: 412
	},
	{
		name: 'update rating: retired as "yes"',
		target: 'ratings',
		as: 'admin',
		method: 'PATCH',
		path: '/api/v1/rating-scale/:rating',
		headers: { 'if-match': '":ratingVersion"' },
		json: { retired: 'yes' },
		status: 422,
		field: 'retired'
	},
	{
		name: 'update rating: its key',
		target: 'ratings',
		as: 'admin',
		method: 'PATCH',
		path: '/api/v1/rating-scale/:rating',
		headers: { 'if-match': '":ratingVersion"' },
		json: { key: 'renamed' },
		status: 422,
		field: 'key'
	},
	{
		name: 'update rating: one that does not exist',
		target: 'ratings',
		as: 'admin',
		method: 'PATCH',
		path: `/api/v1/rating-scale/${encodeURIComponent(xss)}`,
		headers: { 'if-match': '"1"' },
		json: { retired: true },
		status: 404
	},
	{
		name: 'order ratings: a key not on the scale',
		target: 'ratings',
		as: 'admin',
		method: 'PUT',
		path: '/api/v1/rating-scale/order',
		json: { keys: [':rating', xss] },
		status: 422
	},
	{
		name: 'order ratings: keys that are not a list',
		target: 'ratings',
		as: 'admin',
		method: 'PUT',
		path: '/api/v1/rating-scale/order',
		json: { keys: ':rating' },
		status: 422,
		field: 'keys'
	},
	// Review, publishing, retraction
	...(
		[
			['a decision with SQL', { decision: `approve${sql}` }, 'decision'],
			['no decision', { comment: 'x' }, 'decision'],
			[
				'a claim comment on an id that is not one',
				{ decision: 'request_changes', claimComments: [{ claimId: xss, body: 'x' }] },
				'claimComments.0.claimId'
			],
			[
				'an empty claim comment',
				{ decision: 'request_changes', claimComments: [{ claimId: ':reviewClaim', body: '' }] },
				'claimComments.0.body'
			],
			[
				'a comment of 10,001 characters',
				{ decision: 'request_changes', comment: 'c'.repeat(10_001) },
				'comment'
			],
			[
				'501 claim comments',
				{
					decision: 'request_changes',
					claimComments: Array.from({ length: 501 }, () => ({ claimId: ':reviewClaim', body: 'x' }))
				},
				'claimComments'
			]
		] as const
	).map(([name, json, field]): HostileCase => ({
		name: `review: ${name}`,
		target: 'review',
		as: 'reviewer',
		method: 'POST',
		path: '/api/v1/documents/:review/review',
		json,
		status: 422,
		field
	})),
	{
		name: 'review: a claim comment on a claim of another document',
		target: 'review',
		as: 'reviewer',
		method: 'POST',
		path: '/api/v1/documents/:review/review',
		json: { decision: 'request_changes', claimComments: [{ claimId: ':claim', body: 'x' }] }
	},
	{
		name: 'review: a draft',
		target: 'draft',
		as: 'reviewer',
		method: 'POST',
		path: '/api/v1/documents/:draft/review',
		json: { decision: 'approve' },
		status: 409
	},
	{
		name: 'publish: a draft',
		target: 'draft',
		as: 'reviewer',
		method: 'POST',
		path: '/api/v1/documents/:draft/publish',
		json: {},
		status: 409
	},
	{
		name: 'publish: a note of 5,001 characters',
		target: 'draft',
		as: 'reviewer',
		method: 'POST',
		path: '/api/v1/documents/:draft/publish',
		json: { note: 'n'.repeat(5001) },
		status: 422,
		field: 'note'
	},
	{
		name: 'retract: a reason of 5,001 characters',
		target: 'published',
		as: 'admin',
		method: 'POST',
		path: '/api/v1/documents/:published/retract',
		json: { reason: 'r'.repeat(5001) },
		status: 422,
		field: 'reason'
	},
	{
		name: 'retract: a draft',
		target: 'draft',
		as: 'admin',
		method: 'POST',
		path: '/api/v1/documents/:draft/retract',
		json: { reason: 'x' },
		status: 409
	},
	{
		name: 'submit: a draft whose claim lacks its verdict',
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/documents/:draft/submit',
		status: 422
	},
	{
		name: 'submit: a document in review',
		target: 'review',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/documents/:review/submit',
		status: 409
	},
	// References (other fact-checkers' ClaimReviews)
	...(
		[
			['an empty object', {}],
			['a Person, no ClaimReview', { '@type': 'Person', name: xss }],
			[
				'1,001 ClaimReviews',
				Array.from({ length: 1001 }, (_, i) =>
					claimReview({ url: `https://factcheck.example.org/${i}` })
				)
			],
			['a graph of numbers', { '@graph': [1, 2, 3] }]
		] as const
	).map(([name, json]): HostileCase => ({
		name: `import ClaimReviews: ${name}`,
		target: 'references',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/external-claim-reviews',
		json,
		status: 422
	})),
	{
		name: 'import ClaimReviews: U+0000 in a field no one reads',
		target: 'references',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/external-claim-reviews',
		json: claimReview({ sdPublisher: { name: 'a\u0000b' } }),
		status: 422,
		field: 'sdPublisher.name'
	},
	{
		name: 'import ClaimReviews: a claim nested 10,000 deep',
		target: 'references',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/external-claim-reviews',
		raw: {
			body: `{"@type":"ClaimReview","url":"https://factcheck.example.org/deep","claimReviewed":"x","extra":${deep(10_000)}}`,
			type: 'application/json'
		},
		status: 422
	},
	{
		name: 'delete reference: one that does not exist',
		target: 'references',
		as: 'editor',
		method: 'DELETE',
		path: '/api/v1/external-claim-reviews/%27%20OR%201%3D1',
		status: 404
	},
	// Notifications, tokens, people, sign-in
	{
		name: 'mark notifications read: ids that are text',
		target: 'nothing',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/notifications/read',
		json: { ids: 'all' },
		status: 422,
		field: 'ids'
	},
	...(
		[
			['an empty name', { name: '' }, 'name'],
			['a name of 101 characters', { name: 'n'.repeat(101) }, 'name'],
			['a lifetime of 0 days', { expiresInDays: 0 }, 'expiresInDays'],
			['a lifetime of 366 days', { expiresInDays: 366 }, 'expiresInDays'],
			['a lifetime given as text', { expiresInDays: '30' }, 'expiresInDays'],
			['a lifetime of a billion days', { expiresInDays: 1e9 }, 'expiresInDays'],
			['scopes asked for', { scopes: ['admin'] }, 'scopes']
		] as const
	).map(([name, fields, field]): HostileCase => ({
		name: `create token: ${name}`,
		target: 'tokens',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/me/tokens',
		json: { name: 'Hostile script', expiresInDays: 30, ...fields },
		status: 422,
		field
	})),
	{
		name: 'create token: a name already used',
		target: 'tokens',
		as: 'editor',
		method: 'POST',
		path: '/api/v1/me/tokens',
		json: { name: ':tokenName', expiresInDays: 30 },
		status: 422,
		field: 'name'
	},
	{
		name: 'revoke token: one that does not exist',
		target: 'tokens',
		as: 'editor',
		method: 'DELETE',
		path: '/api/v1/me/tokens/..%2F..%2Fadmin',
		status: 404
	},
	...(
		[
			['a role that does not exist', { roles: ['superuser'] }, 'roles.0'],
			['roles as text', { roles: 'admin' }, 'roles'],
			['an email that is not one', { email: 'not an email' }, 'email'],
			['an email with SQL', { email: `x@factmark.test${sql}` }, 'email'],
			['an email of 255 characters', { email: `${'e'.repeat(241)}@factmark.test` }, 'email'],
			['a common password', { password: 'password' }, 'password'],
			['a password of 7 characters', { password: 'a1b2c3d' }, 'password'],
			['a password of 257 characters', { password: 'p'.repeat(257) }, 'password'],
			['an empty name', { name: '' }, 'name'],
			['a name of 101 characters', { name: 'n'.repeat(101) }, 'name'],
			['disabled set by the client', { disabled: false }, 'disabled']
		] as const
	).map(([name, fields, field]): HostileCase => ({
		name: `create user: ${name}`,
		target: 'users',
		as: 'admin',
		method: 'POST',
		path: '/api/v1/users',
		json: {
			email: 'hostile-new@factmark.test',
			name: 'Hostile',
			password: 'a long pass phrase 2026',
			roles: ['editor'],
			...fields
		},
		status: 422,
		field
	})),
	{
		name: 'users: PUT is not a method here',
		target: 'users',
		as: 'admin',
		method: 'PUT',
		path: '/api/v1/users',
		json: [],
		status: 405
	},
	...(
		[
			['an email that is an object', { email: { $ne: null }, password: 'x' }],
			['a password that is a list', { email: 'nobody@factmark.test', password: ['x'] }],
			[
				'a password of 1,025 characters',
				{ email: 'nobody@factmark.test', password: 'p'.repeat(1025) }
			]
		] as const
	).map(([name, json]): HostileCase => ({
		name: `login: ${name}`,
		target: 'nothing',
		as: 'anonymous',
		method: 'POST',
		path: '/api/v1/auth/login',
		json,
		status: 422
	})),
	{
		name: 'me: a bearer token that is not one',
		target: 'nothing',
		as: 'anonymous',
		method: 'GET',
		path: '/api/v1/me',
		headers: { authorization: `Bearer ${xss}` },
		status: 401
	},
	{
		name: 'logout: a bearer token with SQL',
		target: 'nothing',
		as: 'anonymous',
		method: 'POST',
		path: '/api/v1/auth/logout',
		headers: { authorization: `Bearer x${sql.replaceAll(' ', '')}` },
		status: 401
	},
	// Query parameters
	...(
		[
			['/api/v1/search?q=', 'q'],
			[`/api/v1/search?q=${'x'.repeat(201)}`, 'q'],
			['/api/v1/search?q=%21%40%23%24', 'q'],
			['/api/v1/search?q=wages&type=users', 'type'],
			['/api/v1/search?q=wages&limit=0', 'limit'],
			['/api/v1/search?q=wages&limit=201', 'limit'],
			['/api/v1/search?q=wages&limit=-1', 'limit'],
			['/api/v1/search?q=wages&limit=1e3', 'limit'],
			[`/api/v1/search?q=wages&cursor=${encodeURIComponent(sql)}`, 'cursor'],
			['/api/v1/documents?limit=abc', 'limit'],
			['/api/v1/documents?cursor=%3Cscript%3E', 'cursor'],
			['/api/v1/review-queue?cursor=eyJ9', 'cursor'],
			['/api/v1/documents/:draft/audit?limit=0', 'limit'],
			['/api/v1/documents/:draft/audit?cursor=..%2F..', 'cursor'],
			['/api/v1/claims/:claim/matches?limit=21', 'limit'],
			[`/api/v1/claims/:claim/matches?text=${'w'.repeat(2001)}`, 'text'],
			[`/api/v1/external-claim-reviews?q=${'q'.repeat(201)}`, 'q'],
			['/api/v1/external-claim-reviews?limit=201', 'limit'],
			['/api/v1/public/fact-checks?limit=500', 'limit']
		] as const
	).map(([path, field]): HostileCase => ({
		name: `GET ${path.slice(0, 60)}`,
		target: 'nothing',
		as: 'reviewer',
		method: 'GET',
		path,
		status: 422,
		field
	})),
	...(
		[
			'/api/v1/search?q=wages%00fell',
			'/api/v1/documents?q=wages%00',
			'/api/v1/review-queue?language=%00',
			'/api/v1/external-claim-reviews?q=%00',
			'/api/v1/public/fact-checks?rating=%00',
			'/api/v1/public/fact-checks/a%00b',
			'/api/v1/rating-scale/a%00b'
		] as const
	).map((path): HostileCase => ({
		name: `GET ${path}: U+0000 in the address`,
		target: 'nothing',
		as: 'reviewer',
		method: 'GET',
		path,
		status: 400,
		says: /U\+0000/
	})),
	...(
		[
			'/api/v1/public/fact-checks/..%2F..%2Fadmin',
			'/api/v1/public/fact-checks/:slug/versions/abc',
			'/api/v1/public/fact-checks/:slug/versions/0',
			'/api/v1/public/fact-checks/:slug/versions/-1',
			'/api/v1/public/fact-checks/:slug/versions/99999999999999999999',
			'/api/v1/public/fact-checks/:slug/versions/1e400/annotations',
			'/api/oembed?url=javascript:alert(1)',
			'/api/oembed?url=https%3A%2F%2Fevil.example%2Ffact-checks%2Fx%2Fclaims%2F00000000-0000-4000-8000-000000000000',
			'/api/v1/nothing/here',
			'/api/v1/..%2f..%2fetc/passwd'
		] as const
	).map((path): HostileCase => ({
		name: `GET ${path} (anonymous)`,
		target: 'nothing',
		as: 'anonymous',
		method: 'GET',
		path,
		status: 404
	}))
];

/** A .docx that is not a zip at all, and a zip that holds no Word document. */
const notZip = Buffer.from('PK this is not really a zip archive');
const emptyZip = Buffer.from([
	0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
]);
const utf16 = Buffer.from(`\ufeff${article}`, 'utf16le');

/** Form actions, sent as a browser without JavaScript would (and answered as `use:enhance` reads them). */
const forms: HostileCase[] = [
	// Sign-in
	{
		name: 'sign-in form: U+0000 in the email',
		target: 'nothing',
		as: 'anonymous',
		method: 'POST',
		path: '/login',
		form: { email: 'admin\u0000@factmark.test', password: 'x' },
		status: 422,
		field: 'email'
	},
	{
		name: 'sign-in form: JSON instead of a form',
		target: 'nothing',
		as: 'anonymous',
		method: 'POST',
		path: '/login',
		raw: { body: '{"email":"a","password":"b"}', type: 'application/json' },
		status: 415
	},
	{
		name: 'sign-in form: multipart cut short',
		target: 'nothing',
		as: 'anonymous',
		method: 'POST',
		path: '/login',
		raw: {
			body: '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\nabc',
			type: 'multipart/form-data; boundary=xyz'
		},
		status: 400
	},
	{
		name: 'sign-in form: posted from another site',
		target: 'nothing',
		as: 'anonymous',
		method: 'POST',
		path: '/login',
		headers: { origin: 'https://evil.example' },
		form: { email: 'nobody@factmark.test', password: 'x' },
		status: 403
	},
	{
		name: 'sign-in form: an action that does not exist',
		target: 'nothing',
		as: 'anonymous',
		method: 'POST',
		path: '/login?/admin',
		form: { email: 'nobody@factmark.test', password: 'x' },
		status: 404
	},
	{
		name: 'sign-in form: SQL for an email',
		target: 'nothing',
		as: 'anonymous',
		method: 'POST',
		path: '/login',
		form: { email: "' OR '1'='1' --", password: "' OR '1'='1' --" },
		status: 401,
		says: /Wrong email or password/
	},
	// Settings
	...(
		[
			['an empty name', { name: '', expiresInDays: '30' }, 'name'],
			['a lifetime of 0 days', { name: 'Script', expiresInDays: '0' }, 'expiresInDays'],
			['a lifetime of "forever"', { name: 'Script', expiresInDays: 'forever' }, 'expiresInDays'],
			['a name of 101 characters', { name: 'n'.repeat(101), expiresInDays: '30' }, 'name'],
			['U+0000 in the name', { name: 'a\u0000b', expiresInDays: '30' }, 'name']
		] as const
	).map(([name, form, field]): HostileCase => ({
		name: `token form: ${name}`,
		target: 'tokens',
		as: 'editor',
		method: 'POST',
		path: '/settings?/createToken',
		form,
		status: 422,
		field
	})),
	{
		name: 'token form: a name already used',
		target: 'tokens',
		as: 'editor',
		method: 'POST',
		path: '/settings?/createToken',
		form: { name: ':tokenName', expiresInDays: '30' },
		status: 422,
		field: 'name'
	},
	{
		name: 'end session form: U+0000 in the id',
		target: 'tokens',
		as: 'editor',
		method: 'POST',
		path: '/settings?/endSession',
		form: { id: '\u0000' },
		status: 422,
		field: 'id'
	},
	{
		name: 'revoke token form: U+0000 in the id',
		target: 'tokens',
		as: 'editor',
		method: 'POST',
		path: '/settings?/revokeToken',
		form: { id: 'a\u0000b' },
		status: 422,
		field: 'id'
	},
	// Admin: people
	...(
		[
			['a role that does not exist', { roles: ['superuser'] }],
			['an email that is not one', { email: '<script>@x' }],
			['a common password', { password: 'password' }],
			['an empty name', { name: '' }],
			['U+0000 in the name', { name: 'a\u0000b' }]
		] as const
	).map(([name, fields]): HostileCase => ({
		name: `new person form: ${name}`,
		target: 'users',
		as: 'admin',
		method: 'POST',
		path: '/admin/users?/create',
		form: {
			email: 'hostile-form@factmark.test',
			name: 'Hostile',
			password: 'a long pass phrase 2026',
			roles: ['editor'],
			...(fields as FormFields)
		},
		status: 422
	})),
	{
		name: 'person roles form: a role that does not exist',
		target: 'users',
		as: 'admin',
		method: 'POST',
		path: '/admin/users/:person?/roles',
		form: { roles: ['editor', 'root'] },
		status: 422
	},
	{
		name: 'person password form: 7 characters',
		target: 'users',
		as: 'admin',
		method: 'POST',
		path: '/admin/users/:person?/password',
		form: { password: 'a1b2c3d' },
		status: 422
	},
	{
		name: 'person password form: a person who does not exist',
		target: 'users',
		as: 'admin',
		method: 'POST',
		path: '/admin/users/..%2F..%2Fsettings?/password',
		form: { password: 'a long pass phrase 2026' },
		status: 404
	},
	{
		name: 'person disable form: a person who does not exist',
		target: 'users',
		as: 'admin',
		method: 'POST',
		path: `/admin/users/${nobody}?/disable`,
		form: { disabled: 'true' },
		status: 404
	},
	{
		name: 'person sign-out form: a person who does not exist',
		target: 'users',
		as: 'admin',
		method: 'POST',
		path: `/admin/users/${nobody}?/signOut`,
		form: {},
		status: 404
	},
	// Admin: rating scale
	...(
		[
			['a key that is markup', { key: xss }],
			['a colour too light', { color: '#fafafa' }],
			['a value of 7', { value: '7' }],
			['no English label', { 'labels.en': '' }],
			['a colour that is CSS', { color: 'url(javascript:alert(1))' }]
		] as const
	).map(([name, fields]): HostileCase => ({
		name: `new rating form: ${name}`,
		target: 'ratings',
		as: 'admin',
		method: 'POST',
		path: '/admin/ratings?/create',
		form: {
			key: 'hostile',
			'labels.en': 'Hostile',
			'labels.zh-Hant': '敵意',
			color: '#333333',
			value: '',
			...fields
		},
		status: 422
	})),
	{
		name: 'rating form: a version that is not a number',
		target: 'ratings',
		as: 'admin',
		method: 'POST',
		path: '/admin/ratings?/update',
		form: { key: ':rating', version: 'NaN', 'labels.en': 'Renamed', color: '#333333', value: '' },
		status: 412
	},
	{
		name: 'rating form: a rating that does not exist',
		target: 'ratings',
		as: 'admin',
		method: 'POST',
		path: '/admin/ratings?/update',
		form: { key: xss, version: '1', 'labels.en': 'Renamed', color: '#333333', value: '' },
		status: 404
	},
	{
		name: 'retire form: U+0000 in the key',
		target: 'ratings',
		as: 'admin',
		method: 'POST',
		path: '/admin/ratings?/retire',
		form: { key: 'false\u0000', version: ':ratingVersion', retired: 'true' },
		status: 422,
		field: 'key'
	},
	{
		name: 'move form: a rating that does not exist',
		target: 'ratings',
		as: 'admin',
		method: 'POST',
		path: '/admin/ratings?/move',
		form: { key: sql, direction: 'up' },
		status: 404
	},
	// Admin: settings
	...(
		[
			['an empty name', { organisationName: '' }],
			['a javascript: website', { organisationUrl: 'javascript:alert(1)' }],
			['a data: logo', { organisationLogo: 'data:image/svg+xml,<svg onload=alert(1)>' }],
			['a name of 201 characters', { organisationName: 'o'.repeat(201) }],
			['U+0000 in the name', { organisationName: 'Fact\u0000mark' }]
		] as const
	).map(([name, fields]): HostileCase => ({
		name: `settings form: ${name}`,
		target: 'settings',
		as: 'admin',
		method: 'POST',
		path: '/admin/settings?/save',
		form: {
			organisationName: 'Hostile Org',
			organisationUrl: '',
			organisationLogo: '',
			...fields
		},
		status: 422
	})),
	// Documents: import
	...(
		[
			['no text and no file', { text: '' }, 422],
			['U+0000 in the text', { text: 'a\u0000b' }, 422],
			['a javascript: source URL', { sourceUrl: 'javascript:alert(1)' }, 422],
			['a language that is markup', { language: xss }, 422],
			['a publication date that does not exist', { publishedAt: '2025-02-30' }, 422],
			['a text over 2 MB', { text: 'x'.repeat(TEXT_LIMIT + 1) }, 422],
			[
				'an .exe',
				{
					file: {
						name: 'setup.exe',
						mimeType: 'application/octet-stream',
						buffer: Buffer.from('MZ\x90\x00')
					}
				},
				422
			],
			[
				'a file named ../../etc/passwd',
				{
					file: {
						name: '../../etc/passwd',
						mimeType: 'text/plain',
						buffer: Buffer.from('root:x:0:0')
					}
				},
				422
			],
			[
				'an image named .png',
				{
					file: {
						name: 'photo.png',
						mimeType: 'image/png',
						buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47])
					}
				},
				422
			],
			[
				'a .docx that is not a zip',
				{
					file: {
						name: 'article.docx',
						mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
						buffer: notZip
					}
				},
				422
			],
			[
				'a .docx that is an empty zip',
				{
					file: {
						name: 'article.docx',
						mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
						buffer: emptyZip
					}
				},
				422
			],
			[
				'a .txt in UTF-16',
				{ file: { name: 'article.txt', mimeType: 'text/plain', buffer: utf16 } },
				422
			],
			[
				'a .txt with NUL bytes',
				{
					file: { name: 'article.txt', mimeType: 'text/plain', buffer: Buffer.from('abc\u0000def') }
				},
				422
			],
			[
				'an .html page of scripts only',
				{
					file: {
						name: 'page.html',
						mimeType: 'text/html',
						buffer: Buffer.from('<script>alert(1)</script><style>p{}</style>')
					}
				},
				422
			],
			[
				'a file of 10 MB and one byte',
				{
					file: {
						name: 'big.txt',
						mimeType: 'text/plain',
						buffer: Buffer.alloc(FILE_LIMIT + 1, 'a')
					}
				},
				413
			]
		] as const
	).map(([name, fields, status]): HostileCase => ({
		name: `import form: ${name}`,
		target: 'documents',
		as: 'editor',
		method: 'POST',
		path: '/documents/new',
		form: { title: 'Hostile', text: article, ...fields },
		status
	})),
	{
		name: 'import form: multipart cut short',
		target: 'documents',
		as: 'editor',
		method: 'POST',
		path: '/documents/new',
		raw: {
			body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc',
			type: 'multipart/form-data; boundary=xyz'
		},
		status: 400
	},
	{
		name: 'import form: 12.5 MB, over the server-wide body limit',
		target: 'documents',
		as: 'editor',
		method: 'POST',
		path: '/documents/new',
		raw: {
			body: `--xyz\r\nContent-Disposition: form-data; name="text"\r\n\r\n${'x'.repeat(12.5 * MB)}\r\n--xyz--\r\n`,
			type: 'multipart/form-data; boundary=xyz'
		},
		status: 413
	},
	// Documents: revision and annotation import
	...(
		[
			['no text', { text: '' }, 422],
			['U+0000 in the text', { text: `${article}\u0000` }, 422],
			[
				'an .exe',
				{
					file: { name: 'new.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') }
				},
				422
			],
			[
				'a .docx that is not a zip',
				{ file: { name: 'new.docx', mimeType: 'application/octet-stream', buffer: notZip } },
				422
			]
		] as const
	).map(([name, form, status]): HostileCase => ({
		name: `revision form: ${name}`,
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/documents/:draft/revision',
		form,
		status
	})),
	...(
		[
			['nothing pasted', { text: '' }, 422],
			['text that is not JSON', { text: xss }, 400],
			['an empty object', { text: '{}' }, 422],
			[
				'U+0000 escaped in the JSON',
				{
					text: JSON.stringify([
						{ ...annotation('wages fell'), body: { type: 'TextualBody', value: 'a\u0000b' } }
					])
				},
				422
			],
			['JSON nested 100,000 deep', { text: deep(100_000) }, 422],
			[
				'a file in UTF-16',
				{
					file: {
						name: 'notes.json',
						mimeType: 'application/json',
						buffer: Buffer.from('\ufeff[]', 'utf16le')
					}
				},
				400
			],
			[
				'a file over 4 MB',
				{
					file: {
						name: 'notes.json',
						mimeType: 'application/json',
						buffer: Buffer.alloc(IMPORT_LIMIT + 1, ' ')
					}
				},
				413
			]
		] as const
	).map(([name, form, status]): HostileCase => ({
		name: `annotation import form: ${name}`,
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: '/documents/:draft/import-annotations',
		form,
		status
	})),
	// The workspace's actions
	...(
		[
			['mark', 'a start that is not a number', { start: 'abc', end: '9' }, 422],
			['mark', 'a range past the end', { start: '0', end: '999999999' }, 422],
			['mark', 'a range that ends before it starts', { start: '20', end: '10' }, 422],
			['mark', 'a negative start', { start: '-5', end: '9' }, 422],
			[
				'save',
				'a claim that does not exist',
				{
					id: xss,
					version: '1',
					claimText: '',
					claimant: '',
					claimDate: '',
					rating: '',
					assigneeId: ''
				},
				404
			],
			[
				'save',
				'a version that is not a number',
				{
					id: ':claim',
					version: 'abc',
					claimText: 'x',
					claimant: '',
					claimDate: '',
					rating: '',
					assigneeId: ''
				},
				412
			],
			[
				'save',
				'a rationale that is not JSON',
				{
					id: ':claim',
					version: ':claimVersion',
					claimText: '',
					claimant: '',
					claimDate: '',
					rating: '',
					assigneeId: '',
					rationale: '<p onclick=alert(1)>x</p>'
				},
				422
			],
			[
				'save',
				'a rationale linking to javascript:',
				{
					id: ':claim',
					version: ':claimVersion',
					claimText: '',
					claimant: '',
					claimDate: '',
					rating: '',
					assigneeId: '',
					rationale: JSON.stringify(link('javascript:alert(1)'))
				},
				422
			],
			[
				'save',
				'a rating that is markup',
				{
					id: ':claim',
					version: ':claimVersion',
					claimText: '',
					claimant: '',
					claimDate: '',
					rating: xss,
					assigneeId: ''
				},
				422
			],
			[
				'save',
				'a claim date with SQL',
				{
					id: ':claim',
					version: ':claimVersion',
					claimText: '',
					claimant: '',
					claimDate: sql,
					rating: '',
					assigneeId: ''
				},
				422
			],
			[
				'save',
				'an assignee that is not a user',
				{
					id: ':claim',
					version: ':claimVersion',
					claimText: '',
					claimant: '',
					claimDate: '',
					rating: '',
					assigneeId: sql
				},
				422
			],
			['assign', 'an assignee that is not a user', { assigneeId: '../../admin' }, 422],
			[
				'reattach',
				'a range past the end',
				{ id: ':claim', version: ':claimVersion', start: '5000', end: '5010' },
				422
			],
			['delete', 'a claim that does not exist', { id: sql }, 404],
			['restore', 'a claim that does not exist', { id: nobody }, 404],
			['submit', 'a claim without its verdict', {}, 422]
		] as const
	).map(([action, name, form, status]): HostileCase => ({
		name: `workspace ${action}: ${name}`,
		target: 'draft',
		as: 'editor',
		method: 'POST',
		path: `/documents/:draft?/${action}`,
		form,
		status
	})),
	{
		name: 'workspace decide: a decision with SQL',
		target: 'review',
		as: 'reviewer',
		method: 'POST',
		path: '/documents/:review?/decide',
		form: { decision: `approve${sql}`, comment: '' },
		status: 422
	},
	{
		name: 'workspace decide: a draft',
		target: 'draft',
		as: 'reviewer',
		method: 'POST',
		path: '/documents/:draft?/decide',
		form: { decision: 'approve', comment: '' },
		status: 409
	},
	{
		name: 'workspace take: a draft',
		target: 'draft',
		as: 'reviewer',
		method: 'POST',
		path: '/documents/:draft?/take',
		form: {},
		status: 409
	},
	{
		name: 'workspace publish: a draft',
		target: 'draft',
		as: 'reviewer',
		method: 'POST',
		path: '/documents/:draft?/publish',
		form: { note: '' },
		status: 409
	},
	{
		name: 'workspace retract: a reason of 5,001 characters',
		target: 'published',
		as: 'admin',
		method: 'POST',
		path: '/documents/:published?/retract',
		form: { reason: 'r'.repeat(5001) },
		status: 422
	},
	// Pages whose address holds U+0000
	...(['/fact-checks/a%00b', '/documents?q=%00', '/search?q=wages%00'] as const).map(
		(path): HostileCase => ({
			name: `page ${path}: U+0000 in the address`,
			target: 'nothing',
			as: 'editor',
			method: 'GET',
			path,
			status: 400,
			says: /U\+0000/
		})
	),
	// References, notifications, review queue
	...(
		[
			['nothing pasted', { text: '' }],
			['words, not JSON-LD', { text: 'hello world' }],
			['broken JSON', { text: '{"@type": "ClaimReview",' }],
			[
				'U+0000 escaped in the JSON',
				{ text: JSON.stringify(claimReview({ claimReviewed: 'a\u0000b' })) }
			],
			[
				'a page whose JSON-LD holds no ClaimReview',
				{
					text: `<html><script type="application/ld+json">{"@type":"Person","name":"${xss.replace('/', '\\/')}"}</script></html>`
				}
			]
		] as const
	).map(([name, form]): HostileCase => ({
		name: `references import form: ${name}`,
		target: 'references',
		as: 'editor',
		method: 'POST',
		path: '/references?/import',
		form,
		status: 422
	})),
	{
		name: 'references delete form: one that does not exist',
		target: 'references',
		as: 'editor',
		method: 'POST',
		path: '/references?/delete',
		form: { id: sql },
		status: 404
	},
	{
		name: 'notification form: an id that is not one',
		target: 'nothing',
		as: 'editor',
		method: 'POST',
		path: '/notifications?/open',
		form: { id: xss, documentId: 'https://evil.example' },
		status: 400
	},
	{
		name: 'review queue take form: a document that does not exist',
		target: 'nothing',
		as: 'reviewer',
		method: 'POST',
		path: '/review?/take',
		form: { id: sql },
		status: 404
	},
	// Last: a password form that wrongly succeeded would end the editor's other sessions.
	{
		name: 'password form: the two new passwords differ',
		target: 'nothing',
		as: 'editor',
		method: 'POST',
		path: '/settings?/password',
		form: { current: ':password', next: 'a new pass phrase 1', confirm: 'a new pass phrase 2' },
		status: 422,
		field: 'confirm'
	},
	{
		name: 'password form: a common password',
		target: 'nothing',
		as: 'editor',
		method: 'POST',
		path: '/settings?/password',
		form: { current: ':password', next: 'password', confirm: 'password' },
		status: 422
	},
	{
		name: 'password form: U+0000 in the new password',
		target: 'nothing',
		as: 'editor',
		method: 'POST',
		path: '/settings?/password',
		form: {
			current: ':password',
			next: 'a new pass\u0000phrase',
			confirm: 'a new pass\u0000phrase'
		},
		status: 422
	}
];

/** Every case, grouped by what it could change so that fingerprints are read once per case. */
export const corpus: HostileCase[] = [...jsonEndpoints.flatMap(transport), ...api, ...forms];
