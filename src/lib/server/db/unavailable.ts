/** How the driver and the system say that the server is out of reach or the connection broke. */
const connectionCodes = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN',
	// postgres.js
	'CONNECTION_CLOSED',
	'CONNECTION_DESTROYED',
	'CONNECTION_ENDED',
	'CONNECT_TIMEOUT'
]);

/**
 * SQLSTATEs of a server that cannot serve now but will: class 08 (connection exception),
 * 57P01–57P03 (shutting down, crashed, starting up) and 53300 (too many connections).
 */
const unavailableState = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/**
 * True when `error` (or what caused it: Drizzle wraps the driver's errors) says the database
 * cannot be reached or dropped the connection — a PostgreSQL server restarting, say — rather
 * than that the query was wrong. Such a request may succeed when tried again.
 */
export function isUnavailable(error: unknown): boolean {
	let current = error;
	for (let depth = 0; depth < 5 && current instanceof Object; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && (connectionCodes.has(code) || unavailableState.test(code))) {
			return true;
		}
		current = (current as { cause?: unknown }).cause;
	}
	return false;
}
