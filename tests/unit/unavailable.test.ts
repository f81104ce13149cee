import { describe, expect, it } from 'vitest';
import { isUnavailable } from '$lib/server/db/unavailable';

/** An error as a driver makes it: a message and a `code`, maybe wrapped as Drizzle wraps. */
const failure = (code: string) => Object.assign(new Error(code), { code });
const wrapped = (cause: unknown) => new Error('Failed query: select 1', { cause });

describe('isUnavailable', () => {
	it.each([
		['the server refusing connections', failure('ECONNREFUSED')],
		['a connection reset', failure('ECONNRESET')],
		['postgres.js: the connection closed', failure('CONNECTION_CLOSED')],
		['postgres.js: the connection ended', failure('CONNECTION_ENDED')],
		['postgres.js: no connection in time', failure('CONNECT_TIMEOUT')],
		['the server shutting down (57P01)', failure('57P01')],
		['the server crashed (57P02)', failure('57P02')],
		['the server starting up (57P03)', failure('57P03')],
		['too many connections (53300)', failure('53300')],
		['a connection exception (08006)', failure('08006')],
		['any of them wrapped by Drizzle', wrapped(failure('ECONNREFUSED'))]
	])('is true for %s', (_, error) => {
		expect(isUnavailable(error)).toBe(true);
	});

	it.each([
		['a unique violation (23505)', wrapped(failure('23505'))],
		['a syntax error (42601)', failure('42601')],
		['a serialization failure (40001)', failure('40001')],
		['an error without a code', new Error('boom')],
		['something not an error', 'ECONNREFUSED'],
		['nothing', undefined]
	])('is false for %s', (_, error) => {
		expect(isUnavailable(error)).toBe(false);
	});
});
