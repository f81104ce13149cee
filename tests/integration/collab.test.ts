import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collabName, colorOf } from '$lib/collab';
import { invalidateSession, sessionCookieName } from '$lib/server/auth';
import * as claims from '$lib/server/claims';
import * as documents from '$lib/server/documents';
import { startCollab } from '$lib/server/collab';
import { connect as connectDatabase, type Connection, type Database } from '$lib/server/db';
import { CHANNEL, deliver, subscribe, type Announcement } from '$lib/server/events';
import * as users from '$lib/server/users';
import { backends, resetData, useDatabase } from '../helpers/db';
import { createDocument, createUser, signIn, type TestUser } from '../helpers/factories';

const REDIS_URL = 'redis://127.0.0.1:6379';

/** Long enough for anything that was going to arrive on loopback to have arrived. */
const QUIET_MS = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One app instance's /collab: the real startCollab on a plain HTTP server of its own. */
interface Instance {
	port: number;
	/** Its public address (ORIGIN): what a browser on the site sends as Origin. */
	origin: string;
	close(): Promise<void>;
}

async function startInstance(db: Database, env: Record<string, string> = {}): Promise<Instance> {
	const server = createServer((_request, response) => response.writeHead(404).end());
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const origin = `http://localhost:${port}`;
	const collab = startCollab(db, { ORIGIN: origin, ...env });
	server.on('upgrade', (request, socket, head) => collab.handleUpgrade(request, socket, head));
	return {
		port,
		origin,
		close: async () => {
			await collab.close();
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	};
}

/** The Cookie header of a browser signed in to `instance` with the session `token`. */
const sessionCookie = (instance: Instance, token: string) =>
	`${sessionCookieName(new URL(instance.origin))}=${token}`;

/** A browser on the site, signed in with the session cookie… */
const browser = (instance: Instance, token: string) => ({
	headers: { origin: instance.origin, cookie: sessionCookie(instance, token) }
});
/** …or a program with an API token, which sends no Origin. */
const program = (token: string | null) => ({ token, headers: {} });

/** A workspace's connection, and what it has heard. */
interface Client {
	provider: HocuspocusProvider;
	/** The announcements received (stateless messages), parsed. */
	heard: Record<string, unknown>[];
	/** Close codes of the socket, in order. */
	closes: number[];
	/** Reasons given by the server for refusing the document. */
	refusals: string[];
	readonly synced: boolean;
	/** The presence of everyone else in the document, as this client sees it. */
	others(): Record<string, unknown>[];
}

/** Every socket and provider the current test opened, destroyed after it. */
const opened: { destroy(): void }[] = [];

/** A socket to /collab as the workspace opens one, before any document. */
interface Socket {
	provider: HocuspocusProviderWebsocket;
	/** Close codes, in order. */
	closes: number[];
}

/**
 * Opens a socket to `instance`, with `ws` standing in for the browser's WebSocket so that it
 * can send Origin and Cookie.
 */
function openSocket(instance: Instance, headers: Record<string, string>): Socket {
	const closes: number[] = [];
	const provider = new HocuspocusProviderWebsocket({
		url: `ws://127.0.0.1:${instance.port}/collab`,
		WebSocketPolyfill: class extends WebSocket {
			constructor(url: string) {
				super(url, { headers });
			}
		},
		// A refused handshake stays refused: no retries to wait for or clean up after.
		maxAttempts: 1,
		onClose: ({ event }) => closes.push(event.code)
	});
	opened.push(provider);
	return { provider, closes };
}

/**
 * Opens `documentName` on `instance` as @hocuspocus/provider does in the workspace, on a
 * socket of its own unless given one.
 */
function connect(
	instance: Instance,
	documentName: string,
	{ token = null, headers }: { token?: string | null; headers: Record<string, string> },
	socket = openSocket(instance, headers)
): Client {
	const heard: Record<string, unknown>[] = [];
	const refusals: string[] = [];
	let synced = false;
	const provider = new HocuspocusProvider({
		websocketProvider: socket.provider,
		name: documentName,
		token,
		onStateless: ({ payload }) => heard.push(JSON.parse(payload)),
		onAuthenticationFailed: ({ reason }) => refusals.push(reason),
		onSynced: () => (synced = true)
	});
	// A provider given its own websocketProvider only connects once attached.
	provider.attach();
	opened.unshift(provider);
	return {
		provider,
		heard,
		closes: socket.closes,
		refusals,
		get synced() {
			return synced;
		},
		others: () =>
			[...(provider.awareness?.getStates() ?? [])]
				.filter(([clientId]) => clientId !== provider.document.clientID)
				.map(([, state]) => state)
	};
}

/**
 * Waits until every one of `some` has the document. With Redis, the first instance to open it
 * waits up to a second for another instance's copy (the extension's awaitInitialSyncTimeout).
 */
async function connected(...some: Client[]) {
	await expect.poll(() => some.every((client) => client.synced), { timeout: 3000 }).toBe(true);
}

function disconnectAll() {
	for (const each of opened.splice(0)) {
		each.destroy();
	}
}

/** The HTTP status answering a WebSocket handshake on /collab with `headers` (101: accepted). */
function handshake(instance: Instance, headers: Record<string, string>): Promise<number> {
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(`ws://127.0.0.1:${instance.port}/collab`, { headers });
		socket.on('unexpected-response', (request, response) => {
			resolve(response.statusCode ?? 0);
			request.destroy();
		});
		socket.on('open', () => {
			resolve(101);
			socket.close();
		});
		socket.on('error', reject);
	});
}

/**
 * Replaces another client's presence from `client`'s socket: an awareness entry under
 * `clientId`, newer than anything that client has said.
 */
function sendPresenceAs(client: Client, clientId: number, state: Record<string, unknown>) {
	const forged = new Y.Doc();
	forged.clientID = clientId;
	const awareness = new Awareness(forged);
	for (let i = 0; i < 50; i++) {
		awareness.setLocalState(state);
	}
	const own = client.provider.awareness;
	if (own) {
		applyAwarenessUpdate(own, encodeAwarenessUpdate(awareness, [clientId]), 'forger');
	}
	awareness.destroy();
	forged.destroy();
}

/** Every announcement this process hears from the database, for waiting until one is in. */
function hearAnnouncements() {
	const heard: (Announcement | null)[] = [];
	const stop = subscribe((announcement) => heard.push(announcement));
	return {
		stop,
		/** Resolves once a change to `id` has been announced (and so relayed, if at all). */
		of: (id: string) => expect.poll(() => heard.some((a) => a?.id === id)).toBe(true)
	};
}

/** What a client of the document hears when `claim` is created. */
const claimCreated = (claim: { id: string }) => ({
	entity: 'claim',
	id: claim.id,
	action: 'create',
	seq: expect.any(Number)
});

describe.each(backends)('the live workspace (/collab) on %s', (kind) => {
	const ctx = useDatabase(kind);
	let instance: Instance;
	let announcements: ReturnType<typeof hearAnnouncements>;
	let editor: TestUser;
	let reviewer: TestUser;
	let documentId: string;
	let documentName: string;

	beforeAll(async () => {
		await ctx.connection.listen(CHANNEL, deliver);
		instance = await startInstance(ctx.db);
		announcements = hearAnnouncements();
	});
	afterAll(async () => {
		announcements?.stop();
		await instance?.close();
	});
	beforeEach(async () => {
		await resetData(ctx.db);
		editor = await createUser(ctx.db, { roles: ['editor'], name: 'Edith Editor' });
		reviewer = await createUser(ctx.db, { roles: ['reviewer'], name: 'Rey Reviewer' });
		documentId = (await createDocument(ctx.db, editor.id)).id;
		documentName = collabName(documentId);
		// The document's own creation is announced too: let it pass before anyone connects.
		await announcements.of(documentId);
	});
	afterEach(disconnectAll);

	const tokenOf = async (person: TestUser) =>
		(await signIn(ctx.db, person.id, undefined, 'token')).token;
	const cookieOf = async (person: TestUser) => (await signIn(ctx.db, person.id)).token;

	describe('announcements', () => {
		it('tells a client of the document of a claim created, within a second', async () => {
			const client = connect(instance, documentName, program(await tokenOf(editor)));
			await connected(client);

			const claim = await claims.createAt(ctx.db, documentId, { start: 0, end: 5 }, editor.id);

			await expect.poll(() => client.heard, { timeout: 1000 }).toEqual([claimCreated(claim)]);
			expect(client.heard[0].seq).toBeGreaterThan(0);
		});

		it('tells only the clients of that document', async () => {
			const otherDocument = await createDocument(ctx.db, editor.id);
			await announcements.of(otherDocument.id);
			const here = connect(instance, documentName, program(await tokenOf(editor)));
			const elsewhere = connect(
				instance,
				collabName(otherDocument.id),
				program(await tokenOf(editor))
			);
			await connected(here, elsewhere);

			const claim = await claims.createAt(ctx.db, documentId, { start: 0, end: 5 }, editor.id);

			await expect.poll(() => here.heard).toEqual([claimCreated(claim)]);
			await sleep(QUIET_MS);
			expect(elsewhere.heard).toEqual([]);
		});

		it('says nothing before the transaction commits', async () => {
			const client = connect(instance, documentName, program(await tokenOf(editor)));
			await connected(client);

			const claim = await ctx.db.transaction(async (tx) => {
				const created = await claims.createAt(tx, documentId, { start: 0, end: 5 }, editor.id);
				await sleep(QUIET_MS);
				expect(client.heard).toEqual([]);
				return created;
			});

			await expect.poll(() => client.heard).toEqual([claimCreated(claim)]);
		});

		it('says nothing of a change rolled back', async () => {
			const client = connect(instance, documentName, program(await tokenOf(editor)));
			await connected(client);

			const failed = ctx.db.transaction(async (tx) => {
				await claims.createAt(tx, documentId, { start: 0, end: 5 }, editor.id);
				throw new Error('roll back');
			});
			await expect(failed).rejects.toThrow('roll back');
			// Announcements arrive in commit order: once this one is in, the other would be too.
			const kept = await claims.createAt(ctx.db, documentId, { start: 6, end: 9 }, editor.id);

			await expect.poll(() => client.heard).toEqual([claimCreated(kept)]);
			await sleep(QUIET_MS);
			expect(client.heard).toEqual([claimCreated(kept)]);
		});
	});

	describe('handshake', () => {
		it('admits a program with a token and a browser with its session cookie, read-only', async () => {
			const viaToken = connect(instance, documentName, program(await tokenOf(reviewer)));
			const viaCookie = connect(instance, documentName, browser(instance, await cookieOf(editor)));
			await connected(viaToken, viaCookie);
			expect(viaToken.provider.authorizedScope).toBe('readonly');
			expect(viaCookie.provider.authorizedScope).toBe('readonly');
		});

		it.each([
			['no token', null],
			['a token that is no session', 'not-a-session-token']
		])('refuses a program with %s (unauthorized, 4401)', async (_case, token) => {
			const client = connect(instance, documentName, program(token));
			await expect.poll(() => client.refusals).toEqual(['unauthorized']);
			await expect.poll(() => client.closes).toContain(4401);
			expect(client.synced).toBe(false);
		});

		it('refuses the token of a disabled user, and of a session ended', async () => {
			const disabled = await createUser(ctx.db, { roles: ['editor'], disabled: true });
			const signedOut = await signIn(ctx.db, editor.id, undefined, 'token');
			await invalidateSession(ctx.db, signedOut.session.id);

			const clientOfDisabled = connect(instance, documentName, program(await tokenOf(disabled)));
			const clientSignedOut = connect(instance, documentName, program(signedOut.token));

			for (const client of [clientOfDisabled, clientSignedOut]) {
				await expect.poll(() => client.refusals).toEqual(['unauthorized']);
				await expect.poll(() => client.closes).toContain(4401);
			}
		});

		it('refuses a socket from another site at the upgrade (HTTP 403)', async () => {
			const cookie = sessionCookie(instance, await cookieOf(editor));
			expect(await handshake(instance, { origin: 'https://evil.example', cookie })).toBe(403);
			expect(await handshake(instance, { origin: 'null', cookie })).toBe(403);
			// The same cookie from the site itself is let through.
			expect(await handshake(instance, { origin: instance.origin, cookie })).toBe(101);
		});

		it('refuses a browser that is not signed in at the upgrade (HTTP 401)', async () => {
			expect(await handshake(instance, { origin: instance.origin })).toBe(401);
			const forged = sessionCookie(instance, 'not-a-session-token');
			expect(await handshake(instance, { origin: instance.origin, cookie: forged })).toBe(401);
			const disabled = await createUser(ctx.db, { roles: ['editor'], disabled: true });
			const ofDisabled = sessionCookie(instance, await cookieOf(disabled));
			expect(await handshake(instance, { origin: instance.origin, cookie: ofDisabled })).toBe(401);
		});

		it('refuses a document that does not exist (not-found, 4404)', async () => {
			const token = await tokenOf(editor);
			const unknown = connect(instance, collabName(crypto.randomUUID()), program(token));
			const malformed = connect(instance, 'document:not-a-uuid', program(token));
			const otherKind = connect(instance, `notes:${documentId}`, program(token));

			for (const client of [unknown, malformed, otherKind]) {
				await expect.poll(() => client.refusals).toEqual(['not-found']);
				await expect.poll(() => client.closes).toContain(4404);
			}
		});

		it('refuses someone whose roles do not include document.read (forbidden, 4403)', async () => {
			const nobody = await createUser(ctx.db, { roles: [] });
			const viaToken = connect(instance, documentName, program(await tokenOf(nobody)));
			const viaCookie = connect(instance, documentName, browser(instance, await cookieOf(nobody)));

			for (const client of [viaToken, viaCookie]) {
				await expect.poll(() => client.refusals).toEqual(['forbidden']);
				await expect.poll(() => client.closes).toContain(4403);
			}
		});
	});

	describe('presence and the socket', () => {
		it('lists who has the document open in the documents list, until they leave', async () => {
			const hereNow = async () =>
				(await documents.list(ctx.db, {})).find((row) => row.id === documentId)?.here;
			const client = connect(instance, documentName, program(await tokenOf(editor)));
			await connected(client);
			await expect.poll(hereNow).toEqual(['Edith Editor']);

			client.provider.destroy();
			await expect.poll(hereNow).toEqual([]);
		});

		it('stamps presence with the signed-in user and drops what it may not say', async () => {
			const forger = connect(instance, documentName, browser(instance, await cookieOf(editor)));
			const watcher = connect(instance, documentName, program(await tokenOf(reviewer)));
			await connected(forger, watcher);
			const claimId = crypto.randomUUID();

			forger.provider.setAwarenessField('user', {
				id: reviewer.id,
				name: 'Forged',
				color: '#000000'
			});
			forger.provider.setAwarenessField('selection', { start: 3, end: 9 });
			forger.provider.setAwarenessField('claim', claimId);
			forger.provider.setAwarenessField('role', 'admin');

			await expect
				.poll(() => watcher.others())
				.toEqual([
					{
						user: { id: editor.id, name: 'Edith Editor', color: colorOf(editor.id) },
						selection: { start: 3, end: 9 },
						claim: claimId
					}
				]);
		});

		it("does not let one client overwrite another's presence", async () => {
			const victim = connect(instance, documentName, program(await tokenOf(reviewer)));
			const forger = connect(instance, documentName, program(await tokenOf(editor)));
			const watcher = connect(instance, documentName, program(await tokenOf(reviewer)));
			await connected(victim, forger, watcher);
			victim.provider.setAwarenessField('selection', { start: 1, end: 2 });
			const victimSeen = () =>
				watcher.provider.awareness?.getStates().get(victim.provider.document.clientID);
			await expect.poll(() => victimSeen()?.selection).toEqual({ start: 1, end: 2 });

			sendPresenceAs(forger, victim.provider.document.clientID, {
				user: { id: reviewer.id, name: 'Rey Reviewer', color: colorOf(reviewer.id) },
				selection: { start: 7, end: 8 }
			});
			await sleep(QUIET_MS);

			expect(victimSeen()).toEqual({
				user: { id: reviewer.id, name: 'Rey Reviewer', color: colorOf(reviewer.id) },
				selection: { start: 1, end: 2 },
				claim: null
			});
		});

		it('passes on no change a client makes to the shared document', async () => {
			const writer = connect(instance, documentName, program(await tokenOf(editor)));
			const reader = connect(instance, documentName, program(await tokenOf(reviewer)));
			await connected(writer, reader);

			writer.provider.document.getMap('claims').set('forged', { rating: 'true' });
			await sleep(QUIET_MS);

			expect(reader.provider.document.getMap('claims').size).toBe(0);
		});

		it('closes a socket that sends a message over 64 KiB (1009)', async () => {
			const client = connect(instance, documentName, program(await tokenOf(editor)));
			await connected(client);

			client.provider.setAwarenessField('claim', 'x'.repeat(100 * 1024));

			await expect.poll(() => client.closes).toContain(1009);
		});

		it("closes a user's connections at once when they are disabled (4401)", async () => {
			const viaToken = connect(instance, documentName, program(await tokenOf(editor)));
			const viaCookie = connect(instance, documentName, browser(instance, await cookieOf(editor)));
			const colleague = connect(instance, documentName, program(await tokenOf(reviewer)));
			await connected(viaToken, viaCookie, colleague);

			await users.setDisabled(ctx.db, editor.id, true);

			await expect.poll(() => viaToken.closes, { timeout: 1000 }).toContain(4401);
			await expect.poll(() => viaCookie.closes, { timeout: 1000 }).toContain(4401);
			expect(colleague.closes).toEqual([]);
		});

		it('closes the connections of a session signed out, and only those', async () => {
			const signedOut = await signIn(ctx.db, editor.id);
			const ended = connect(instance, documentName, browser(instance, signedOut.token));
			const stillIn = connect(instance, documentName, browser(instance, await cookieOf(editor)));
			await connected(ended, stillIn);

			await invalidateSession(ctx.db, signedOut.session.id);

			await expect.poll(() => ended.closes, { timeout: 1000 }).toContain(4401);
			await sleep(QUIET_MS);
			expect(stillIn.closes).toEqual([]);
		});

		it('admits no document on a socket whose session has ended since it opened', async () => {
			const { token, session } = await signIn(ctx.db, editor.id);
			const socket = openSocket(instance, browser(instance, token).headers);
			await expect.poll(() => socket.provider.status).toBe('connected');

			await invalidateSession(ctx.db, session.id);
			await sleep(QUIET_MS);
			const client = connect(instance, documentName, browser(instance, token), socket);

			await expect.poll(() => client.refusals).toEqual(['unauthorized']);
			expect(client.synced).toBe(false);
		});
	});
});

// Two instances in one process share its subscription to the database's announcements; each
// still relays only to its own connections, which is what is tested. Instance 2 has a database
// connection of its own, and is the one listening: the change made through instance 1's
// connection reaches it only through PostgreSQL.
describe.skipIf(!backends.includes('postgres'))(
	'two instances joined by Redis, on PostgreSQL (skipped unless TEST_DATABASE_URL is set)',
	() => {
		const ctx = useDatabase('postgres');
		let second: Connection;
		let one: Instance;
		let two: Instance;
		let announcements: ReturnType<typeof hearAnnouncements>;
		let editor: TestUser;
		let reviewer: TestUser;
		let documentId: string;
		let documentName: string;

		beforeAll(async () => {
			second = await connectDatabase({ url: ctx.connection.url });
			await second.listen(CHANNEL, deliver);
			one = await startInstance(ctx.db, { REDIS_URL });
			two = await startInstance(second.db, { REDIS_URL });
			announcements = hearAnnouncements();
		});
		afterAll(async () => {
			announcements?.stop();
			await one?.close();
			await two?.close();
			await second?.close();
		});
		beforeEach(async () => {
			await resetData(ctx.db);
			editor = await createUser(ctx.db, { roles: ['editor'], name: 'Edith Editor' });
			reviewer = await createUser(ctx.db, { roles: ['reviewer'], name: 'Rey Reviewer' });
			documentId = (await createDocument(ctx.db, editor.id)).id;
			documentName = collabName(documentId);
			await announcements.of(documentId);
		});
		afterEach(disconnectAll);

		const tokenOf = async (person: TestUser) =>
			(await signIn(ctx.db, person.id, undefined, 'token')).token;

		it("announces a change made through instance 1 to instance 2's clients, once", async () => {
			const onOne = connect(one, documentName, program(await tokenOf(editor)));
			const onTwo = connect(two, documentName, program(await tokenOf(reviewer)));
			await connected(onOne, onTwo);

			const claim = await claims.createAt(ctx.db, documentId, { start: 0, end: 5 }, editor.id);

			await expect.poll(() => onTwo.heard, { timeout: 1000 }).toEqual([claimCreated(claim)]);
			await sleep(QUIET_MS);
			expect(onTwo.heard).toEqual([claimCreated(claim)]);
			expect(onOne.heard).toEqual([claimCreated(claim)]);
		});

		it('shows presence across instances, stamped where it was said', async () => {
			const onOne = connect(
				one,
				documentName,
				browser(one, (await signIn(ctx.db, editor.id)).token)
			);
			const onTwo = connect(two, documentName, program(await tokenOf(reviewer)));
			await connected(onOne, onTwo);
			const claimId = crypto.randomUUID();

			onOne.provider.setAwarenessField('user', { id: reviewer.id, name: 'Forged' });
			onOne.provider.setAwarenessField('selection', { start: 2, end: 4 });
			onTwo.provider.setAwarenessField('claim', claimId);

			await expect
				.poll(() => onTwo.others())
				.toEqual([
					{
						user: { id: editor.id, name: 'Edith Editor', color: colorOf(editor.id) },
						selection: { start: 2, end: 4 },
						claim: null
					}
				]);
			await expect
				.poll(() => onOne.others())
				.toEqual([
					{
						user: { id: reviewer.id, name: 'Rey Reviewer', color: colorOf(reviewer.id) },
						selection: null,
						claim: claimId
					}
				]);
		});

		it('closes a disabled user’s connection on the other instance at once', async () => {
			const onTwo = connect(two, documentName, program(await tokenOf(editor)));
			await connected(onTwo);

			await users.setDisabled(ctx.db, editor.id, true);

			await expect.poll(() => onTwo.closes, { timeout: 1000 }).toContain(4401);
		});
	}
);
