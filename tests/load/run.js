// `npm run test:load`: readers on the public pages and editors writing through the API at once,
// against the production build — by default 200 readers and 20 editors for 60 s — then checks
// that nothing answered 5xx and that the writes are exactly what was acknowledged: every claim,
// update and comment that got a 2xx is stored once, with its one audit entry, and nothing that
// was refused (a stale If-Match) is. Prints p50 and p99 per kind of request.
//
// LOAD_SECONDS, LOAD_READERS and LOAD_EDITORS change the size; the database is a fresh one on
// the server of LOAD_DATABASE_URL or TEST_DATABASE_URL when set, else an embedded PGlite.
// tests/load/load.spec.ts runs a short version inside `npm test`.
import autocannon from 'autocannon';
import { pathToFileURL } from 'node:url';
import { report } from '../../bench/summary.js';
import {
	Api,
	addPerson,
	approve,
	auditLog,
	completeDraft,
	inParallel,
	signIn
} from '../harness/api.js';
import { admin, startApp } from '../harness/app.js';
import { freshDatabase } from '../harness/postgres.js';

/** @typedef {{ kind: string, requests: number, p50: number, p99: number, serverErrors: number, other: Record<string, number> }} Figures */

/**
 * @typedef {object} LoadOptions
 * @property {number} seconds how long the load lasts
 * @property {number} readers concurrent anonymous readers of the public pages
 * @property {number} editors concurrent editors, each one request at a time
 * @property {string} [serverUrl] a PostgreSQL server on which to make a fresh database; PGlite without
 * @property {(line: string) => void} [print]
 */

/**
 * @typedef {object} LoadResult
 * @property {Figures[]} figures per kind of request
 * @property {number} serverErrors 5xx answers, and requests that got no answer at all
 * @property {{ claims: number, updates: number, comments: number, refused: number }} writes acknowledged (refused: 412)
 * @property {string[]} problems every lost, duplicated or unexplained write found; empty when all is well
 * @property {string} database
 */

/** @param {number[]} sorted @param {number} q */
const quantile = (sorted, q) =>
	sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0;

/** A text of sentences, and the phrases in it that claims quote. */
function loadText() {
	const topics = ['unemployment', 'inflation', 'exports', 'wages', 'rents', 'tax receipts'];
	const sentences = Array.from(
		{ length: 60 },
		(_, i) => `In ${2000 + i} the ${topics[i % topics.length]} rose by ${i + 1} per cent.`
	);
	const phrases = sentences.map((_, i) => `rose by ${i + 1} per cent`);
	const text = sentences
		.map((sentence, i) => (i % 6 === 5 ? `${sentence}\n\n` : `${sentence} `))
		.join('')
		.trim();
	return { text, phrases };
}

/**
 * What readers read: fact-checks published for them (their pages, and a claim of each).
 * @param {string} base
 * @param {Api} asAdmin
 */
async function publicPaths(base, asAdmin) {
	const editor = await signIn(base, await addPerson(asAdmin, ['editor'], 'Load author'));
	const reviewer = await signIn(base, await addPerson(asAdmin, ['reviewer'], 'Load reviewer'));
	for (const title of ['Growth figures checked', 'Budget claims checked']) {
		const { id } = await completeDraft(editor, 15, title);
		await approve({ editor, reviewer }, id);
		await reviewer.ok('POST', `documents/${id}/publish`, {});
	}
	const { items } = await new Api(base).ok('GET', 'public/fact-checks');
	const pages = items.map(
		(/** @type {{ slug: string }} */ item) => `/fact-checks/${encodeURIComponent(item.slug)}`
	);
	const claims = [];
	for (const item of items) {
		const latest = await new Api(base).ok(
			'GET',
			`public/fact-checks/${encodeURIComponent(item.slug)}`
		);
		claims.push(`/fact-checks/${encodeURIComponent(item.slug)}/claims/${latest.claims[0].id}`);
	}
	return { pages, claims };
}

/**
 * Runs the load and checks the writes afterwards. Starts and stops its own server.
 * @param {LoadOptions} options
 * @returns {Promise<LoadResult>}
 */
export async function runLoad({ seconds, readers, editors, serverUrl, print = console.log }) {
	const database = serverUrl ? await freshDatabase(serverUrl) : null;
	const app = await startApp({
		quiet: true,
		env: database ? { DATABASE_URL: database.url } : {}
	}).catch(async (error) => {
		await database?.drop();
		throw error;
	});
	const kind = database ? 'a PostgreSQL server' : 'PGlite';
	try {
		print(`${readers} readers and ${editors} editors for ${seconds} s, on ${kind}`);
		return { ...(await underLoad(app.base, { seconds, readers, editors, print })), database: kind };
	} finally {
		await app.dispose();
		await database?.drop();
	}
}

/**
 * @param {string} base
 * @param {{ seconds: number, readers: number, editors: number, print: (line: string) => void }} options
 * @returns {Promise<Omit<LoadResult, 'database'>>}
 */
async function underLoad(base, { seconds, readers, editors, print }) {
	const asAdmin = await signIn(base, admin);
	const people = await Promise.all(
		Array.from({ length: editors }, (_, i) =>
			addPerson(asAdmin, ['editor'], `Load editor ${i + 1}`)
		)
	);
	const sessions = await Promise.all(people.map((person) => signIn(base, person)));
	// Five editors to a document, so that some edit the same claims at once.
	const { text, phrases } = loadText();
	/** @type {string[]} */
	const documents = [];
	for (let i = 0; i < Math.ceil(editors / 5); i++) {
		const created = await sessions[i * 5].ok('POST', 'documents', {
			title: `Under load ${i + 1}`,
			text,
			language: 'en'
		});
		documents.push(created.id);
	}
	const { pages, claims } = await publicPaths(base, asAdmin);

	// Every write's fate, by the marker it wrote.
	/** @type {Map<string, { document: string, marker: string }>} claims by id */
	const created = new Map();
	/** @type {{ claim: string, marker: string, version: number }[]} */
	const updated = [];
	/** @type {Set<string>} writes answered 412 */
	const refused = new Set();
	/** @type {Map<string, { claim: string, marker: string }>} comments by id */
	const comments = new Map();
	/** @type {Set<string>} writes answered otherwise, or not at all */
	const failed = new Set();
	/** @type {Map<string, number[]>} */
	const latencies = new Map();
	/** @type {Map<string, Record<string, number>>} */
	const statuses = new Map();
	const note = (
		/** @type {string} */ kind,
		/** @type {number | string} */ status,
		/** @type {number} */ ms
	) => {
		const times = latencies.get(kind) ?? [];
		times.push(ms);
		latencies.set(kind, times);
		const counts = statuses.get(kind) ?? {};
		counts[status] = (counts[status] ?? 0) + 1;
		statuses.set(kind, counts);
	};
	/** One API call, timed and counted under `kind`; null when it got no answer. */
	const timed = async (
		/** @type {string} */ kind,
		/** @type {() => Promise<import('../harness/api.js').Answer>} */ call
	) => {
		const started = performance.now();
		try {
			const answer = await call();
			note(kind, answer.status, performance.now() - started);
			return answer;
		} catch {
			note(kind, 'no answer', performance.now() - started);
			return null;
		}
	};

	const deadline = performance.now() + seconds * 1000;
	const editing = sessions.map(async (editor, e) => {
		const documentId = documents[Math.floor(e / 5)];
		const known = () => [...created].filter(([, c]) => c.document === documentId).map(([id]) => id);
		for (let n = 0; performance.now() < deadline; n++) {
			const marker = `editor ${e + 1}, write ${n + 1}`;
			const roll = Math.random();
			const ids = known();
			const target = ids[Math.floor(Math.random() * ids.length)];
			if (roll < 0.3 || !target) {
				const exact = phrases[Math.floor(Math.random() * phrases.length)];
				const answer = await timed('create claim', () =>
					editor.call('POST', `documents/${documentId}/claims`, {
						selector: [{ type: 'TextQuoteSelector', exact }],
						claimText: marker
					})
				);
				if (answer?.status === 201) {
					created.set(answer.body.id, { document: documentId, marker });
				} else {
					failed.add(marker);
				}
			} else if (roll < 0.7) {
				const current = await timed('read claim', () => editor.call('GET', `claims/${target}`));
				if (current?.status !== 200) {
					continue;
				}
				const answer = await timed('update claim', () =>
					editor.call(
						'PATCH',
						`claims/${target}`,
						{ claimText: marker },
						{ 'if-match': current.headers.get('etag') ?? '' }
					)
				);
				if (answer?.status === 200) {
					updated.push({ claim: target, marker, version: answer.body.version });
				} else if (answer?.status === 412) {
					refused.add(marker);
				} else {
					failed.add(marker);
				}
			} else {
				const answer = await timed('comment', () =>
					editor.call('POST', `claims/${target}/comments`, { body: marker })
				);
				if (answer?.status === 201) {
					comments.set(answer.body.id, { claim: target, marker });
				} else {
					failed.add(marker);
				}
			}
		}
	});

	// Readers: a share of the connections on each kind of public page.
	const share = (/** @type {number} */ part) => Math.max(1, Math.round(readers * part));
	/** @type {[kind: string, paths: string[], connections: number][]} */
	const kinds = [
		['fact-check page', pages, share(0.5)],
		['claim page', claims, share(0.15)],
		[
			'fact-checks list',
			['/fact-checks', `/fact-checks?q=${encodeURIComponent('晶片')}`],
			share(0.2)
		],
		['feed', ['/feed.xml'], share(0.15)]
	];
	const reading = kinds.map(([kind, paths, connections]) =>
		autocannon({
			url: base,
			connections,
			duration: seconds,
			requests: paths.map((path) => ({ method: 'GET', path }))
		}).then((result) => ({ kind, result }))
	);
	const [read] = await Promise.all([Promise.all(reading), Promise.all(editing)]);

	/** @type {Figures[]} */
	const figures = read.map(({ kind, result }) => ({
		kind,
		requests: result.requests.total,
		p50: result.latency.p50,
		p99: result.latency.p99,
		serverErrors: result['5xx'] + result.errors + result.timeouts,
		other: Object.fromEntries(
			Object.entries(result.statusCodeStats ?? {})
				.filter(([status]) => status !== '200')
				.map(([status, { count }]) => [status, /** @type {number} */ (count)])
		)
	}));
	for (const [kind, times] of latencies) {
		const sorted = [...times].sort((a, b) => a - b);
		const counts = statuses.get(kind) ?? {};
		figures.push({
			kind,
			requests: times.length,
			p50: Math.round(quantile(sorted, 0.5)),
			p99: Math.round(quantile(sorted, 0.99)),
			serverErrors: Object.entries(counts)
				.filter(([status]) => status === 'no answer' || Number(status) >= 500)
				.reduce((sum, [, count]) => sum + count, 0),
			other: Object.fromEntries(
				Object.entries(counts).filter(([status]) => !['200', '201'].includes(status))
			)
		});
	}

	const problems = await verify(sessions[0], documents, {
		created,
		updated,
		refused,
		comments,
		failed
	});
	const serverErrors = figures.reduce((sum, f) => sum + f.serverErrors, 0);
	const result = {
		figures,
		serverErrors,
		writes: {
			claims: created.size,
			updates: updated.length,
			comments: comments.size,
			refused: refused.size
		},
		problems
	};
	print(describe(result, { seconds }));
	return result;
}

/**
 * Reads back everything written and compares it with what was acknowledged; returns what does
 * not match.
 * @param {Api} api
 * @param {string[]} documents
 * @param {{ created: Map<string, { document: string, marker: string }>, updated: { claim: string, marker: string, version: number }[], refused: Set<string>, comments: Map<string, { claim: string, marker: string }>, failed: Set<string> }} writes
 */
async function verify(api, documents, { created, updated, refused, comments, failed }) {
	/** @type {string[]} */
	const problems = [];
	/** @type {{ id: string, version: number, claimText: string }[]} */
	const claims = [];
	/** @type {Awaited<ReturnType<typeof auditLog>>} */
	const entries = [];
	for (const id of documents) {
		claims.push(...(await api.ok('GET', `documents/${id}/claims`)).items);
		entries.push(...(await auditLog(api, id)));
	}
	/** @type {{ id: string, body: string }[]} */
	const stored = [];
	await inParallel(claims, 8, async (/** @type {{ id: string }} */ claim) => {
		stored.push(...(await api.ok('GET', `claims/${claim.id}/comments`)).items);
	});
	/** @param {string} entity @param {string} action */
	const audited = (entity, action) =>
		entries.filter((e) => e.entity === entity && e.action === action);

	// Claims: exactly the acknowledged ones, each created once in the audit log.
	const ids = claims.map((/** @type {{ id: string }} */ c) => c.id);
	if (
		new Set(ids).size !== ids.length ||
		ids.length !== created.size ||
		ids.some((id) => !created.has(id))
	) {
		problems.push(`claims: ${created.size} acknowledged, ${ids.length} stored`);
	}
	const creations = audited('claim', 'create').map((e) => e.entityId);
	if (
		creations.length !== created.size ||
		creations.some((id) => !created.has(id)) ||
		new Set(creations).size !== creations.length
	) {
		problems.push(`claims: ${created.size} acknowledged, ${creations.length} creations audited`);
	}

	// Updates: each acknowledged one made the next version of its claim — none lost, none
	// twice — the last is what the claim says, and each has its audit entry.
	const updates = audited('claim', 'update');
	for (const claim of claims) {
		const mine = updated.filter((u) => u.claim === claim.id).sort((a, b) => a.version - b.version);
		const versions = mine.map((u) => u.version).join(',');
		const expected = mine.map((_, i) => i + 2).join(',');
		if (versions !== expected || claim.version !== mine.length + 1) {
			problems.push(
				`claim ${claim.id}: versions ${versions || 'none'} acknowledged, now ${claim.version}`
			);
		}
		const last = mine.at(-1)?.marker ?? created.get(claim.id)?.marker;
		if (claim.claimText !== last) {
			problems.push(
				`claim ${claim.id}: says "${claim.claimText}", the last acknowledged write was "${last}"`
			);
		}
		const trail = updates.filter((e) => e.entityId === claim.id).map((e) => e.after?.claimText);
		if (trail.join('|') !== mine.map((u) => u.marker).join('|')) {
			problems.push(`claim ${claim.id}: audited updates differ from the acknowledged ones`);
		}
	}
	if (updates.length !== updated.length) {
		problems.push(`updates: ${updated.length} acknowledged, ${updates.length} audited`);
	}

	// Comments: each acknowledged one stored once and audited once.
	const commentIds = stored.map((c) => c.id);
	if (
		commentIds.length !== comments.size ||
		commentIds.some((id) => !comments.has(id)) ||
		new Set(commentIds).size !== commentIds.length
	) {
		problems.push(`comments: ${comments.size} acknowledged, ${commentIds.length} stored`);
	}
	for (const c of stored) {
		if (c.body !== comments.get(c.id)?.marker) {
			problems.push(`comment ${c.id}: says "${c.body}"`);
		}
	}
	if (audited('comment', 'create').length !== comments.size) {
		problems.push(
			`comments: ${comments.size} acknowledged, ${audited('comment', 'create').length} audited`
		);
	}

	const unexplained = entries.filter(
		(e) =>
			e.entity !== 'document' &&
			!(e.entity === 'claim' && ['create', 'update'].includes(e.action)) &&
			!(e.entity === 'comment' && e.action === 'create')
	);
	if (unexplained.length) {
		problems.push(`${unexplained.length} audit entries no acknowledged write explains`);
	}

	// Nothing refused or failed left a trace.
	const traces = new Set(entries.flatMap((e) => [e.after?.claimText, e.after?.body]));
	for (const marker of [...refused, ...failed]) {
		if (traces.has(marker)) {
			problems.push(`"${marker}" was not acknowledged, yet it is in the audit log`);
		}
	}
	return problems;
}

/**
 * The run in words: a line per kind of request, and the writes.
 * @param {Omit<LoadResult, 'database'>} result
 * @param {{ seconds: number }} size
 */
function describe({ figures, serverErrors, writes, problems }, { seconds }) {
	const rows = figures.map(
		(f) =>
			`  ${f.kind.padEnd(18)} ${String(f.requests).padStart(7)} requests  ${String(Math.round(f.requests / seconds)).padStart(5)}/s  p50 ${String(f.p50).padStart(4)} ms  p99 ${String(f.p99).padStart(5)} ms  5xx ${f.serverErrors}${
				Object.keys(f.other).length
					? `  (${Object.entries(f.other)
							.map(([s, n]) => `${n}× ${s}`)
							.join(', ')})`
					: ''
			}`
	);
	const total = figures.reduce((sum, f) => sum + f.requests, 0);
	return [
		`${total} requests, ${serverErrors} answered 5xx or not at all`,
		...rows,
		`writes acknowledged: ${writes.claims} claims, ${writes.updates} updates (${writes.refused} refused as stale, 412), ${writes.comments} comments`,
		problems.length
			? `WRITES DO NOT MATCH:\n  ${problems.slice(0, 20).join('\n  ')}`
			: 'every acknowledged write stored exactly once and audited once; nothing refused stored'
	].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const size = {
		seconds: Number(process.env.LOAD_SECONDS ?? 60),
		readers: Number(process.env.LOAD_READERS ?? 200),
		editors: Number(process.env.LOAD_EDITORS ?? 20)
	};
	const result = await runLoad({
		...size,
		serverUrl: process.env.LOAD_DATABASE_URL ?? process.env.TEST_DATABASE_URL
	});
	for (const f of result.figures) {
		report({
			bench: 'load',
			figure: `${f.kind}, p99 (${size.readers} readers, ${size.editors} editors)`,
			value: f.p99,
			baseline: null,
			unit: 'ms',
			goal: 'no 5xx',
			met: f.serverErrors === 0
		});
	}
	report({
		bench: 'load',
		figure: 'writes lost or duplicated',
		value: result.problems.length,
		baseline: null,
		unit: '',
		goal: '0',
		met: result.problems.length === 0
	});
	process.exit(result.serverErrors === 0 && result.problems.length === 0 ? 0 : 1);
}
