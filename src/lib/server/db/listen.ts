import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { logger } from '$lib/server/log';

/** How often the listening connection proves that it still hears. */
const CHECK_MS = 3_000;
/** What the checks notify: no announcement starts so (they are JSON). */
const PING = 'listening? ';

/**
 * Seconds between attempts to reconnect, for postgres.js: at most one. Its default grows to
 * 20 s while the server is down, and queries sent once it is back wait that long.
 */
export const backoff = (retries: number) => Math.min(0.05 * 2 ** retries, 1);

/**
 * LISTENs on `channel` of the PostgreSQL server at `url`, and keeps listening; returns the way
 * to stop. postgres.js listens again by itself when its connection drops, but only once: if the
 * server is still down then — a restart takes seconds — it stays deaf for good, without a
 * word. So every few seconds the listener notifies itself on the channel; when that does not
 * come back, it listens again on a new connection (retrying until the server answers), and
 * `onListening`, called at every start of listening, tells the app that notifications may have
 * been missed. Checks from other instances are ignored; everything else goes to `onNotify`.
 */
export async function keepListening(
	url: string,
	channel: string,
	onNotify: (payload: string) => void,
	onListening?: () => void
): Promise<() => Promise<void>> {
	const ping = `${PING}${randomUUID()}`;
	let heard = true;
	let stopped = false;
	let client: postgres.Sql | null = null;
	const open = async () => {
		const next = (client = postgres(url, { max: 1, onnotice: () => {}, backoff }));
		await next.listen(
			channel,
			(payload) => {
				if (payload === ping) {
					heard = true;
				} else if (!payload.startsWith(PING)) {
					onNotify(payload);
				}
			},
			onListening
		);
	};
	await open();

	const check = async () => {
		if (!heard) {
			logger.warn({ channel }, 'not hearing PostgreSQL notifications; listening again');
			await client?.end({ timeout: 1 }).catch(() => {});
			await open();
		}
		heard = false;
		// Not awaited: on a connection that broke, the query may wait out the driver's backoff
		// (up to 20 s); the next check must come on time, and replace that connection.
		client?.unsafe('select pg_notify($1, $2)', [channel, ping]).catch(() => {});
	};
	let timer: NodeJS.Timeout;
	const schedule = () => {
		timer = setTimeout(() => {
			// After the I/O waiting meanwhile, so that a busy moment is not taken for deafness.
			setImmediate(() => {
				check()
					.catch(() => {}) // the server is out of reach: the next check tries again
					.finally(() => stopped || schedule());
			});
		}, CHECK_MS);
		timer.unref();
	};
	schedule();

	return async () => {
		stopped = true;
		clearTimeout(timer);
		await client?.end({ timeout: 5 });
	};
}
