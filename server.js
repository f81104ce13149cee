// Factmark's HTTP server: SvelteKit's adapter-node handler, plus what belongs in front of it —
// request ids and JSON access logs, /healthz, published pages kept in memory, the /collab
// WebSocket of the live workspace, and a graceful shutdown.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import pino from 'pino';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const port = Number(process.env.PORT ?? 3000);
// The public address; adapter-node would otherwise assume https, and form posts over plain
// http would fail its CSRF check. Set ORIGIN in production.
process.env.ORIGIN ??= `http://localhost:${port}`;
// Large enough for evidence files; each endpoint enforces its own, smaller limit.
process.env.BODY_SIZE_LIMIT ??= '12M';

// Importing the handler runs the app's init hook: database, migrations, demo seed.
const { handler } = await import(`./${process.env.BUILD_DIR ?? 'build'}/handler.js`);
// Published pages kept in memory, answered before the app runs (src/lib/server/publishing/cache.ts).
const fromMemory = globalThis[Symbol.for('factmark.fromMemory')];
// The headers every answer carries (src/lib/server/http/security.ts).
const secure = globalThis[Symbol.for('factmark.secure')];

const server = http.createServer((req, res) => {
	const started = performance.now();
	const incoming = req.headers['x-request-id'];
	const requestId =
		typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
	req.headers['x-request-id'] = requestId;
	// Static files and /healthz never reach the app's hooks: set its headers here for them too
	// (the app sets the same on its own answers).
	if (secure && URL.canParse(req.url ?? '/', process.env.ORIGIN)) {
		const headers = new Headers();
		secure(headers, new URL(req.url ?? '/', process.env.ORIGIN), requestId);
		for (const [name, value] of headers) {
			res.setHeader(name, value);
		}
	}
	res.on('finish', () => {
		logger.info(
			{
				requestId,
				method: req.method,
				path: (req.url ?? '').split('?')[0],
				status: res.statusCode,
				ms: Math.round(performance.now() - started)
			},
			'request'
		);
	});
	if (req.url === '/healthz') {
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end('{"status":"ok"}');
		return;
	}
	const kept =
		URL.canParse(req.url ?? '/', process.env.ORIGIN) &&
		fromMemory?.({
			method: req.method,
			url: new URL(req.url ?? '/', process.env.ORIGIN),
			headers: req.headers,
			requestId
		});
	if (kept) {
		res.writeHead(kept.status, Object.fromEntries(kept.headers));
		res.end(kept.body);
		return;
	}
	handler(req, res);
});

// Idle keep-alive connections stay open longer than a client or proxy keeps them (Node's 5 s
// would close a socket just as a client reuses it: the request fails with ECONNRESET).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

// The live workspace (src/lib/server/collab): WebSocket upgrades on /collab, nothing else.
const collab = globalThis[Symbol.for('factmark.collab')];
server.on('upgrade', (req, socket, head) => {
	if ((req.url ?? '').split('?')[0] === '/collab' && collab) {
		collab.handleUpgrade(req, socket, head);
	} else {
		socket.destroy();
	}
});

const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => {
	logger.info({ port }, `Factmark is serving on http://localhost:${port}`);
});

let stopping = false;
function shutdown(signal) {
	if (stopping) {
		return;
	}
	stopping = true;
	logger.info({ signal }, 'shutting down: finishing requests in flight');
	// The live workspaces' sockets stay open until told to close, and the server waits for every
	// connection: they go now (1001, so their workspaces reconnect to another instance or to
	// this one restarted), not only at the end.
	collab?.close().catch((err) => logger.warn({ err }, 'closing the live workspaces failed'));
	server.close(() => {
		// adapter-node's event: the app closes its database when it hears it.
		process.emit('sveltekit:shutdown', signal);
	});
	server.closeIdleConnections();
	setTimeout(() => {
		logger.warn('requests still open after 10 s; stopping anyway');
		process.exit(1);
	}, 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
