// Part of `npm run bench`: how soon a committed change reaches the live workspaces. 100 clients
// on one document, through one instance and through two joined by Redis (sharing one fresh
// PostgreSQL database); a claim created through the API, again and again; for each, the time
// from the API's response until every client has the announcement (and, for the whole picture,
// from the request). Baseline in the same run: a bare Hocuspocus server (no auth, no
// persistence, in a process of its own like the app) with 100 clients, broadcasting a stateless
// message of the same size just after answering the request that asks for it. Goal: p95 within
// 2× of the baseline on one instance, 4× across two. Loopback only; needs PostgreSQL and Redis
// (BENCH_DATABASE_URL, BENCH_REDIS_URL).
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Hocuspocus } from '@hocuspocus/server';
import crossws from 'crossws/adapters/node';
import postgres from 'postgres';
import WebSocket from 'ws';
import { admin, login, startServer } from './server.js';
import { report } from './summary.js';

const clientCount = Number(process.env.BENCH_CLIENTS ?? 100);
const rounds = Number(process.env.BENCH_ROUNDS_COLLAB ?? 30);
const warmUp = 3;
const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Longest wait for one announcement to reach every client. */
const roundTimeoutMs = 5000;

/** The bare server, run as `node bench/collab.js bare`: POST /broadcast/<name> broadcasts its body. */
function serveBare() {
	const hocuspocus = new Hocuspocus({ quiet: true });
	const ws = crossws({
		hooks: {
			open: (peer) => {
				peer.context.connection = hocuspocus.handleConnection(peer.websocket, peer.request);
			},
			message: (peer, message) => peer.context.connection.handleMessage(message.uint8Array()),
			close: (peer, event) => peer.context.connection.handleClose(event)
		}
	});
	const server = createServer((request, response) => {
		let body = '';
		request.on('data', (chunk) => (body += chunk));
		request.on('end', () => {
			const name = decodeURIComponent(request.url.slice('/broadcast/'.length));
			response.writeHead(204).end();
			hocuspocus.documents.get(name)?.broadcastStateless(body);
		});
	});
	server.on('upgrade', (request, socket, head) => void ws.handleUpgrade(request, socket, head));
	server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
	process.on('disconnect', () => process.exit(0));
}

/** Starts the bare server in a child process; its base URL and `stop()`. */
async function startBare() {
	const child = fork(fileURLToPath(import.meta.url), ['bare']);
	const { port } = await new Promise((resolve) => child.once('message', resolve));
	return { base: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

/**
 * `count` clients on `documentName`, spread over the `bases` in turn, each on a socket of its
 * own. `arrivalOf(id)` tells when the announcement of `id` has reached all of them.
 */
async function openClients(bases, documentName, token, count = clientCount) {
	const arrivals = new Map();
	const arrivalOf = (id) => {
		if (!arrivals.has(id)) {
			let resolve;
			const done = new Promise((r) => (resolve = r));
			arrivals.set(id, { count: 0, last: 0, done, resolve });
		}
		return arrivals.get(id);
	};
	const providers = [];
	const synced = [];
	for (let i = 0; i < count; i++) {
		const base = bases[i % bases.length];
		const websocketProvider = new HocuspocusProviderWebsocket({
			url: `${base.replace('http', 'ws')}/collab`,
			WebSocketPolyfill: WebSocket,
			maxAttempts: 1
		});
		synced.push(
			new Promise((resolve) => {
				const provider = new HocuspocusProvider({
					websocketProvider,
					name: documentName,
					token,
					onSynced: () => resolve(),
					onStateless: ({ payload }) => {
						const arrival = arrivalOf(JSON.parse(payload).id);
						arrival.count += 1;
						arrival.last = performance.now();
						if (arrival.count === count) {
							arrival.resolve();
						}
					}
				});
				provider.attach();
				providers.push({ provider, websocketProvider });
			})
		);
	}
	const close = () => {
		for (const { provider, websocketProvider } of providers) {
			provider.destroy();
			websocketProvider.destroy();
		}
	};
	const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 15_000));
	if ((await Promise.race([Promise.all(synced), timeout])) === 'timeout') {
		close();
		throw new Error(`${documentName}: not every client got the document (is build/ stale?)`);
	}
	return { arrivalOf, close };
}

/**
 * Runs `act` (which makes an announcement and returns its id and the moment the response
 * came) `rounds` times after a warm-up. For each, the milliseconds until every client had the
 * announcement: from the response (0 when it was there first) and from the request.
 */
async function measure(clients, act) {
	const fromResponse = [];
	const fromRequest = [];
	for (let i = 0; i < warmUp + rounds; i++) {
		const sentAt = performance.now();
		const { id, respondedAt } = await act(i);
		const arrival = clients.arrivalOf(id);
		const timeout = new Promise((resolve) => setTimeout(resolve, roundTimeoutMs, 'timeout'));
		if ((await Promise.race([arrival.done, timeout])) === 'timeout') {
			throw new Error(`round ${i}: ${arrival.count} of ${clientCount} clients heard it`);
		}
		if (i >= warmUp) {
			fromResponse.push(Math.max(0, arrival.last - respondedAt));
			fromRequest.push(arrival.last - sentAt);
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	return {
		...statistics(fromResponse),
		fromRequest: statistics(fromRequest),
		beforeResponse: fromResponse.filter((time) => time === 0).length
	};
}

function statistics(times) {
	const sorted = [...times].sort((a, b) => a - b);
	const rank = (q) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
	return { p50: rank(0.5), p95: rank(0.95), max: sorted.at(-1) };
}

const ms = (value) => `${value.toFixed(1).padStart(6)} ms`;
const figures = ({ p50, p95, max }) => `p50 ${ms(p50)}   p95 ${ms(p95)}   max ${ms(max)}`;

/** The announcement of a claim created, as the app sends it: the baseline's message. */
const sameSizeAs = (seq) =>
	JSON.stringify({ entity: 'claim', id: randomUUID(), action: 'create', seq });

async function baseline() {
	const bare = await startBare();
	try {
		const name = `document:${randomUUID()}`;
		const clients = await openClients([bare.base], name, '');
		try {
			return await measure(clients, async (i) => {
				const message = sameSizeAs(1000 + i);
				const response = await fetch(`${bare.base}/broadcast/${encodeURIComponent(name)}`, {
					method: 'POST',
					body: message
				});
				const respondedAt = performance.now();
				if (response.status !== 204) {
					throw new Error(`the bare server: HTTP ${response.status}`);
				}
				return { id: JSON.parse(message).id, respondedAt };
			});
		} finally {
			clients.close();
		}
	} finally {
		bare.stop();
	}
}

/** A fresh database on the PostgreSQL server for the run; its URL and `drop()`. */
async function createDatabase() {
	const name = `factmark_bench_${randomBytes(6).toString('hex')}`;
	const server = postgres(postgresUrl, { max: 1, onnotice: () => {} });
	await server.unsafe(`create database "${name}"`);
	const url = new URL(postgresUrl);
	url.pathname = `/${name}`;
	return {
		url: url.href,
		drop: async () => {
			await server.unsafe(`drop database if exists "${name}" with (force)`);
			await server.end({ timeout: 5 });
		}
	};
}

const editor = {
	email: 'bench-collab@factmark.test',
	name: 'Bench Editor',
	password: 'benchmark editor pass',
	roles: ['editor']
};

/** The editor's API token on `base`, making the editor (as the admin) the first time. */
async function editorToken(base) {
	const adminToken = await login(base, admin);
	await fetch(`${base}/api/v1/users`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			authorization: `Bearer ${adminToken}`,
			origin: base
		},
		body: JSON.stringify(editor)
	});
	return login(base, editor);
}

/**
 * A document made through `bases[0]`, `clientCount` clients on it spread over `bases`, and
 * claims created through `bases[0]`'s API: the statistics of their announcements.
 */
async function throughApp(bases, token) {
	const [first] = bases;
	const auth = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
	const statement = (i) => `Statement ${String(i).padStart(3, '0')} is being checked.`;
	const text = Array.from({ length: warmUp + rounds }, (_, i) => statement(i)).join('\n\n');
	const created = await fetch(`${first}/api/v1/documents`, {
		method: 'POST',
		headers: auth,
		body: JSON.stringify({ title: 'Live announcements', text, language: 'en' })
	});
	if (created.status !== 201) {
		throw new Error(`creating the document: HTTP ${created.status} ${await created.text()}`);
	}
	const documentId = (await created.json()).id;
	const clients = await openClients(bases, `document:${documentId}`, token);
	try {
		return await measure(clients, async (i) => {
			const response = await fetch(`${first}/api/v1/documents/${documentId}/claims`, {
				method: 'POST',
				headers: auth,
				body: JSON.stringify({
					selector: [{ type: 'TextQuoteSelector', exact: statement(i).slice(0, 13) }]
				})
			});
			const respondedAt = performance.now();
			if (response.status !== 201) {
				throw new Error(`creating a claim: HTTP ${response.status} ${await response.text()}`);
			}
			return { id: (await response.json()).id, respondedAt };
		});
	} finally {
		clients.close();
	}
}

async function main() {
	const started = performance.now();
	const bare = await baseline();
	const database = await createDatabase();
	// Each instance's ORIGIN is its own address: server.js's default for the PORT it is given.
	delete process.env.ORIGIN;
	const env = { DATABASE_URL: database.url, LOG_LEVEL: 'error' };
	let one;
	let two;
	try {
		const single = await startServer(env);
		let token;
		try {
			token = await editorToken(single.base);
			one = await throughApp([single.base], token);
		} finally {
			await single.stop();
		}
		const first = await startServer({ ...env, REDIS_URL: redisUrl });
		const second = await startServer({ ...env, REDIS_URL: redisUrl });
		try {
			two = await throughApp([first.base, second.base], token);
		} finally {
			await first.stop();
			await second.stop();
		}
	} finally {
		await database.drop();
	}

	const size = Buffer.byteLength(sameSizeAs(1000));
	const line = (label, result, note = '') =>
		console.log(`  ${label.padEnd(18)} ${figures(result)}${note}`);
	console.log(
		`baseline: a bare Hocuspocus server, ${clientCount} clients, ${rounds} broadcasts of ${size} bytes`
	);
	line('from the response', bare);
	line('from the request', bare.fromRequest);
	for (const [name, result, goal] of [
		['one instance', one, 2],
		['two instances with Redis, half the clients on each', two, 4]
	]) {
		const ratio = result.p95 / bare.p95;
		const verdict = ratio <= goal ? 'within' : 'over';
		report({
			bench: 'collab',
			figure: `${name}: p95 until every client has a change (vs bare Hocuspocus)`,
			value: result.p95,
			baseline: bare.p95,
			unit: 'ms',
			goal: `≤ ${goal}×`,
			met: ratio <= goal
		});
		console.log(`${name}: a claim created through the (first) instance's API`);
		line(
			'from the response',
			result,
			`   p95 ${ratio.toFixed(1)}× the baseline's: ${verdict} the goal of ${goal}×`
		);
		line('from the request', result.fromRequest);
		console.log(
			`  ${result.beforeResponse} of ${rounds} had reached every client before the response`
		);
	}
	console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
}

if (process.argv[2] === 'bare') {
	serveBare();
} else {
	// Exits either way: a client socket left by a failure must not keep the run alive.
	await main().then(
		() => process.exit(0),
		(err) => {
			console.error(err);
			process.exit(1);
		}
	);
}
