import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Redis } from '@hocuspocus/extension-redis';
import { Hocuspocus, type Connection } from '@hocuspocus/server';
import crossws from 'crossws/adapters/node';
import IORedis from 'ioredis';
import { cleanPresence, collabName, colorOf, type Announcement } from '$lib/collab';
import { can } from '$lib/permissions';
import {
	cookieValue,
	liveSessions,
	sessionCookieName,
	validateToken,
	type SessionUser
} from '$lib/server/auth';
import type { Database } from '$lib/server/db';
import * as documents from '$lib/server/documents';
import { subscribe } from '$lib/server/events';
import { logger } from '$lib/server/log';
import * as presence from './presence';

/** Who is on a connection, as the server established it. */
interface Context {
	user: SessionUser & { color: string };
	sessionId: string;
}

type Signed = Awaited<ReturnType<typeof validateToken>>;

export interface Collab {
	/** Takes a WebSocket upgrade on /collab. */
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
	/** Closes every socket and unloads the documents; the same promise however often called. */
	close(): Promise<void>;
}

/** Awareness messages are small; anything bigger closes the socket (1009). */
const MAX_MESSAGE_BYTES = 64 * 1024;

/** Refusals go to the provider as `onAuthenticationFailed({ reason })`, then the socket closes. */
function refuse(
	context: { closeSocket(code: number, reason: string): void },
	code: number,
	reason: string
): never {
	setTimeout(() => context.closeSocket(code, reason), 50);
	throw Object.assign(new Error(), { reason });
}

/**
 * The live workspace at /collab: Hocuspocus, on the app's own HTTP server. It carries presence
 * (awareness, identities stamped here) and announces every committed change to the document's
 * open workspaces. Announcements come from PostgreSQL (NOTIFY, sent inside each change's
 * transaction), which every instance hears, so each instance tells only its own connections;
 * with `REDIS_URL`, Hocuspocus' Redis extension joins the instances' presence.
 */
export function startCollab(db: Database, env: Record<string, string | undefined>): Collab {
	const hocuspocus = new Hocuspocus<Context>({
		name: 'factmark',
		quiet: true,
		// An unauthenticated socket goes after 30 s; so does one silent that long (awareness
		// renews every 15 s).
		timeout: 30_000,
		maxUnauthenticatedQueueSize: MAX_MESSAGE_BYTES,
		maxUnauthenticatedQueueMessages: 20,
		extensions: env.REDIS_URL
			? [new Redis({ createClient: () => new IORedis(env.REDIS_URL ?? ''), prefix: 'factmark' })]
			: [],

		async onAuthenticate({ token, documentName, context, connectionConfig }) {
			// Checked again for every document: the session may have ended since the socket
			// opened, and a socket carries any number of documents over its life.
			// A token sent in the protocol is an API token, personal ones included; a cookie is not.
			const { cookie } = context as unknown as { cookie?: string };
			const found: Signed = cookie
				? await validateToken(db, cookie)
				: token
					? await validateToken(db, token, new Date(), { bearer: true })
					: null;
			if (!found) {
				refuse(context as never, 4401, 'unauthorized');
			}
			if (!can(found.user.roles, 'document.read')) {
				refuse(context as never, 4403, 'forbidden');
			}
			if (!(await documents.get(db, idOf(documentName)).catch(() => null))) {
				refuse(context as never, 4404, 'not-found');
			}
			// Records change only through the API: whatever Yjs updates a client sends are dropped.
			connectionConfig.readOnly = true;
			return {
				user: { ...found.user, color: colorOf(found.user.id) },
				sessionId: found.session.id
			} satisfies Context;
		},

		// Who is where, for the documents list: kept in PostgreSQL so that every instance's
		// people show.
		async connected({ socketId, documentName, context }) {
			await presence.enter(db, socketId, idOf(documentName), context.user.id);
		},
		async onDisconnect({ socketId, documentName }) {
			await presence.leave(db, socketId, idOf(documentName));
		},

		// Presence says only what it may, and who someone is comes from their session.
		async beforeHandleAwareness({ states, connection, context, document }) {
			if (!connection || !context) {
				return; // relayed from another instance, which stamped it
			}
			const own = document.getClients(connection);
			for (const [clientId, state] of states) {
				const someoneElses = document
					.getConnections()
					.some((other) => other !== connection && document.getClients(other).has(clientId));
				if (someoneElses || (own.size > 0 && !own.has(clientId))) {
					states.delete(clientId);
					continue;
				}
				const { id, name, color } = context.user;
				states.set(clientId, { user: { id, name, color }, ...cleanPresence(state) });
			}
		}
	});

	const origin = env.ORIGIN;
	const ws = crossws({
		serverOptions: { maxPayload: MAX_MESSAGE_BYTES },
		hooks: {
			// Before any document: a browser's socket must come from this site, signed in.
			upgrade: async (request) => {
				const from = request.headers.get('origin');
				const url = new URL(request.url);
				if (from && from !== (origin ?? url.origin)) {
					return new Response('Cross-site WebSocket refused.', { status: 403 });
				}
				const cookie = cookieValue(
					request.headers.get('cookie'),
					sessionCookieName(new URL(origin ?? url.origin))
				);
				const signed = cookie ? await validateToken(db, cookie) : null;
				if (from && !signed) {
					return new Response('Sign in first.', { status: 401 });
				}
				return { context: { cookie: signed ? cookie : undefined } };
			},
			open: (peer) => {
				const connection = hocuspocus.handleConnection(peer.websocket as never, peer.request, {
					cookie: peer.context.cookie,
					closeSocket: (code: number, reason: string) => peer.close(code, reason)
				} as never);
				Object.assign(peer.context, { connection });
			},
			message: (peer, message) => {
				(peer.context.connection as Live | undefined)?.handleMessage(message.uint8Array());
			},
			close: (peer, event) => {
				(peer.context.connection as Live | undefined)?.handleClose({
					code: event.code ?? 1000,
					reason: event.reason ?? ''
				});
			}
		}
	});

	const connections = function* () {
		for (const document of hocuspocus.documents.values()) {
			yield* document.getConnections() as Connection<Context>[];
		}
	};

	// Every 30 s: renew this instance's presence, and close what may no longer be open — a
	// session that expired, or a person who lost the roles that let them read (ended sessions
	// and disabled people are closed at once, when announced).
	const renewing = setInterval(() => {
		const open = [...connections()];
		const check = async () => {
			await presence.renew(db, [...new Set(open.map((connection) => connection.socketId))]);
			const allowed = await liveSessions(
				db,
				open.map((c) => c.context.sessionId),
				'document.read'
			);
			for (const connection of open) {
				if (!allowed.has(connection.context.sessionId)) {
					connection.webSocket.close(4401, 'session-ended');
				}
			}
		};
		check().catch((err: unknown) => logger.warn({ err }, 'collab check failed'));
	}, presence.RENEW_MS);
	renewing.unref();

	const unsubscribe = subscribe((announcement) => {
		if (announcement?.entity === 'session') {
			for (const connection of connections()) {
				if (connection.context.sessionId === announcement.id) {
					connection.webSocket.close(4401, 'session-ended');
				}
			}
			return;
		}
		if (!announcement) {
			// Listening restarted: some changes may have gone unheard. Every workspace reloads.
			for (const [name, document] of hocuspocus.documents) {
				const id = idOf(name);
				document.relayStateless(tell({ entity: 'document', id, action: 'resync' }));
			}
			return;
		}
		const { document: id, entity, ...rest } = announcement;
		if (id && entity !== 'rating' && entity !== 'setting') {
			// Only this instance's connections: every instance heard the same notification.
			hocuspocus.documents.get(collabName(id))?.relayStateless(tell({ entity, ...rest }));
		}
	});

	// Closing: every socket (1001: the workspaces reconnect), then the documents unload. The
	// Redis extension quits on onDestroy: let the documents unload first (it unsubscribes from
	// each), for at most three seconds.
	let closing: Promise<void> | null = null;
	const closeAll = async () => {
		clearInterval(renewing);
		unsubscribe();
		ws.closeAll(1001, 'server shutting down');
		hocuspocus.closeConnections();
		for (let i = 0; i < 30 && hocuspocus.documents.size + hocuspocus.unloadingDocuments.size; i++) {
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
	};

	return {
		handleUpgrade: (request, socket, head) => {
			ws.handleUpgrade(request, socket, head).catch((err: unknown) => {
				logger.warn({ err }, 'collab upgrade failed');
				socket.destroy();
			});
		},
		close: () => (closing ??= closeAll())
	};
}

type Live = ReturnType<Hocuspocus['handleConnection']>;

/** The Factmark document a collaboration document belongs to (`document:<id>`). */
const idOf = (documentName: string) => documentName.match(/^document:(.+)$/)?.[1] ?? '';

const tell = (announcement: Announcement) => JSON.stringify(announcement);
