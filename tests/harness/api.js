// A small client of the HTTP API for the scripts and tests that drive a real server (faults,
// load): people, documents brought through the review workflow, and plain calls.
import { admin } from './app.js';

/**
 * @typedef {object} Answer
 * @property {number} status
 * @property {Headers} headers
 * @property {any} body the JSON answer, the text when it is not JSON, null when empty
 */

/** Someone signed in to the API with a bearer token. */
export class Api {
	/**
	 * @param {string} base the server's address
	 * @param {string} [token]
	 */
	constructor(base, token) {
		this.base = base;
		this.token = token;
	}

	/**
	 * One request to `path` (under /api/v1 unless it starts with a slash).
	 * @param {string} method
	 * @param {string} path
	 * @param {unknown} [body] sent as JSON
	 * @param {Record<string, string>} [headers]
	 * @returns {Promise<Answer>}
	 */
	async call(method, path, body, headers = {}) {
		const response = await fetch(`${this.base}${path.startsWith('/') ? path : `/api/v1/${path}`}`, {
			method,
			headers: {
				...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...headers
			},
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		const text = await response.text();
		let parsed;
		try {
			parsed = text ? JSON.parse(text) : null;
		} catch {
			parsed = text;
		}
		return { status: response.status, headers: response.headers, body: parsed };
	}

	/**
	 * `call`, failing unless the answer is a success; returns its JSON.
	 * @param {string} method
	 * @param {string} path
	 * @param {unknown} [body]
	 * @param {Record<string, string>} [headers]
	 */
	async ok(method, path, body, headers) {
		const answer = await this.call(method, path, body, headers);
		if (answer.status >= 300) {
			throw new Error(
				`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`
			);
		}
		return answer.body;
	}
}

/**
 * Signs `person` in through the API.
 * @param {string} base
 * @param {{ email: string, password: string }} person
 */
export async function signIn(base, person) {
	const { token } = await new Api(base).ok('POST', 'auth/login', person);
	return new Api(base, token);
}

let made = 0;

/**
 * A new person with `roles`, made by the admin.
 * @param {Api} asAdmin
 * @param {string[]} roles
 * @param {string} [name]
 */
export async function addPerson(asAdmin, roles, name = `Harness ${roles.join(' ')}`) {
	const unique = `${Date.now().toString(36)}-${process.pid}-${made++}`;
	const person = {
		email: `${roles.join('-')}-${unique}@factmark.test`,
		name: `${name} ${made}`,
		password: `harness pass ${unique}`,
		roles
	};
	await asAdmin.ok('POST', 'users', person);
	return person;
}

/**
 * The admin, an editor and a reviewer, signed in.
 * @param {string} base
 */
export async function team(base) {
	const asAdmin = await signIn(base, admin);
	const editor = await signIn(base, await addPerson(asAdmin, ['editor']));
	const reviewer = await signIn(base, await addPerson(asAdmin, ['reviewer']));
	return { admin: asAdmin, editor, reviewer };
}

/**
 * A text of `count` sentences, each with a phrase found nowhere else in it: claim `i`'s quote.
 * @param {number} count
 */
export function numberedText(count) {
	const phrases = Array.from({ length: count }, (_, i) => `figure number ${i + 1} was`);
	const text = phrases
		.map((phrase, i) => `The ministry said the ${phrase} ${(i * 7) % 100}% last year.`)
		.reduce((paragraphs, sentence, i) => paragraphs + (i % 5 ? ' ' : '\n\n') + sentence, '')
		.trim();
	return { text, phrases };
}

export const rationale = {
	type: 'doc',
	content: [
		{
			type: 'paragraph',
			content: [{ type: 'text', text: 'The office’s own table says otherwise.' }]
		}
	]
};

/** Runs `work` over `items`, `width` at a time. */
export async function inParallel(
	/** @type {any[]} */ items,
	/** @type {number} */ width,
	/** @type {(item: any, index: number) => Promise<unknown>} */ work
) {
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(width, items.length) }, async () => {
			while (next < items.length) {
				const index = next++;
				await work(items[index], index);
			}
		})
	);
}

/**
 * A document with `count` claims, each complete (rating, rationale, evidence), as `editor`
 * makes it: a draft until `submitted`.
 * @param {Api} editor
 * @param {number} count
 * @param {string} [title]
 * @returns {Promise<{ id: string, slug: string, claims: string[] }>}
 */
export async function completeDraft(editor, count, title = `Harness ${Date.now()}`) {
	const { text, phrases } = numberedText(count);
	const created = await editor.ok('POST', 'documents', { title, text, language: 'en' });
	// One import for every claim, then each completed.
	const imported = await editor.ok(
		'POST',
		`documents/${created.id}/annotations`,
		phrases.map((exact) => ({
			type: 'Annotation',
			target: { selector: [{ type: 'TextQuoteSelector', exact }] }
		}))
	);
	if (imported.anchored.length !== count) {
		throw new Error(`only ${imported.anchored.length} of ${count} claims placed`);
	}
	const { items } = await editor.ok('GET', `documents/${created.id}/claims`);
	await inParallel(items, 6, async (/** @type {{ id: string, version: number }} */ claim, i) => {
		await editor.ok(
			'PATCH',
			`claims/${claim.id}`,
			{ rating: i % 2 ? 'false' : 'mostly_true', rationale, claimText: `Claim ${i + 1}` },
			{ 'if-match': `"${claim.version}"` }
		);
		await editor.ok('POST', `claims/${claim.id}/evidence`, {
			kind: 'link',
			url: `https://example.org/table/${i + 1}`,
			stance: 'refutes'
		});
	});
	return {
		id: created.id,
		slug: created.slug,
		claims: items.map((/** @type {{ id: string }} */ claim) => claim.id)
	};
}

/**
 * A document's whole audit log, oldest first.
 * @param {Api} api someone on staff
 * @param {string} documentId
 * @returns {Promise<{ id: number, entity: string, entityId: string, action: string, actor: { id: string } | null, before: any, after: any }[]>}
 */
export async function auditLog(api, documentId) {
	const entries = [];
	let cursor = '';
	do {
		const page = await api.ok(
			'GET',
			`documents/${documentId}/audit?limit=200${cursor ? `&cursor=${cursor}` : ''}`
		);
		entries.push(...page.items);
		cursor = page.nextCursor ?? '';
	} while (cursor);
	return entries.reverse();
}

/**
 * Submits the document as `editor` and approves it as `reviewer`: ready to publish.
 * @param {{ editor: Api, reviewer: Api }} people
 * @param {string} documentId
 */
export async function approve({ editor, reviewer }, documentId) {
	await editor.ok('POST', `documents/${documentId}/submit`);
	await reviewer.ok('POST', `documents/${documentId}/review`, { decision: 'approve' });
}
