import type { RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { AppError } from '$lib/server/errors';
import { paginate, parse, problem, readJson } from '$lib/server/http/problem';
import { newUser } from '$lib/server/users/input';

/** The AppError that `run` fails with. */
async function failure(run: () => unknown): Promise<AppError> {
	try {
		await run();
	} catch (err) {
		expect(err).toBeInstanceOf(AppError);
		return err as AppError;
	}
	throw new Error('expected an AppError');
}

describe('parse', () => {
	it('returns the parsed value: email trimmed and lowercased, roles sorted without repeats', () => {
		const input = {
			email: '  Ada@Example.COM ',
			name: ' Ada ',
			password: 'pw',
			roles: ['reviewer', 'admin', 'reviewer']
		};
		expect(parse(newUser, input)).toEqual({
			email: 'ada@example.com',
			name: 'Ada',
			password: 'pw',
			roles: ['admin', 'reviewer']
		});
	});

	it('fails with 422 naming each field by its dot path', async () => {
		const err = await failure(() =>
			parse(newUser, { email: 'nope', name: 'Ada', password: 'x', roles: ['editor', 'boss'] })
		);
		expect(err.status).toBe(422);
		expect(err.message).toBe('The input is not valid.');
		expect(err.errors.map(({ path, code }) => ({ path, code }))).toEqual([
			{ path: 'email', code: 'email' },
			{ path: 'roles.1', code: 'picklist' }
		]);
		expect(err.errors[1].message).toBe('Roles are admin, editor and reviewer.');
	});

	it('gives a missing field its own message', async () => {
		const err = await failure(() => parse(newUser, { password: 'x' }));
		const first = (path: string) => err.errors.find((e) => e.path === path)?.message;
		expect(new Set(err.errors.map((e) => e.path))).toEqual(new Set(['email', 'name']));
		expect(first('email')).toBe('Enter an email address.');
		expect(first('name')).toBe('Enter a name.');
	});

	it('names nested paths and unknown keys', async () => {
		const schema = v.object({ a: v.object({ b: v.array(v.number()) }) });
		const nested = await failure(() => parse(schema, { a: { b: [1, 'two'] } }));
		expect(nested.errors.map((e) => e.path)).toEqual(['a.b.1']);
		const strict = await failure(() => parse(newUser, { email: 'a@b.test', name: 'A', admin: 1 }));
		expect(strict.errors.map((e) => e.path)).toEqual(['admin']);
	});

	it('gives an empty path when the whole input is wrong', async () => {
		const err = await failure(() => parse(newUser, 'not an object'));
		expect(err.errors.map((e) => e.path)).toEqual(['']);
	});
});

describe('parse of text PostgreSQL cannot store', () => {
	it.each([
		['U+0000', { name: 'Ada', email: 'a\u0000@b.test' }, 'email', 'nul'],
		['an unpaired surrogate', { name: 'A\ud800da' }, 'name', 'surrogate'],
		['U+0000 in a key', { ['ro\u0000les']: [] }, 'ro\u0000les', 'nul']
	])('fails with 422 on %s, naming where, before the schema runs', async (_, input, path, code) => {
		const err = await failure(() => parse(newUser, input));
		expect(err.status).toBe(422);
		expect(err.errors).toEqual([{ path, code, message: expect.any(String) }]);
	});

	it('takes characters outside the BMP, whose surrogates are paired', () => {
		expect(parse(v.object({ name: v.string() }), { name: 'Ada 📈𠮷' })).toEqual({
			name: 'Ada 📈𠮷'
		});
	});
});

describe('problem', () => {
	it('is RFC 9457 problem+json with the field paths and extra headers', async () => {
		const response = problem(422, 'The input is not valid.', {
			errors: [{ path: 'email', code: 'email', message: 'Enter a valid email address.' }],
			headers: { 'retry-after': '60' }
		});
		expect(response.status).toBe(422);
		expect(response.headers.get('content-type')).toBe('application/problem+json');
		expect(response.headers.get('retry-after')).toBe('60');
		expect(await response.json()).toEqual({
			type: 'about:blank',
			title: 'Unprocessable Content',
			status: 422,
			detail: 'The input is not valid.',
			errors: [{ path: 'email', message: 'Enter a valid email address.' }]
		});
	});

	it('leaves out empty errors and names unknown statuses plainly', async () => {
		const body = await problem(418, 'Short and stout.').json();
		expect(body).toEqual({
			type: 'about:blank',
			title: 'Error',
			status: 418,
			detail: 'Short and stout.'
		});
	});
});

function postEvent(body: BodyInit | null, headers: Record<string, string>): RequestEvent {
	// A stream body needs duplex, which the DOM's RequestInit does not know yet.
	const init = { method: 'POST', body, headers, duplex: 'half' } as RequestInit;
	const request = new Request('http://localhost/api/v1/things', init);
	return { request } as RequestEvent;
}

const json = { 'content-type': 'application/json' };

describe('readJson', () => {
	it('reads a JSON body, including application/*+json', async () => {
		expect(await readJson(postEvent('{"a":[1,"二"]}', json))).toEqual({ a: [1, '二'] });
		const problemJson = { 'content-type': 'application/merge-patch+json; charset=utf-8' };
		expect(await readJson(postEvent('{"b":null}', problemJson))).toEqual({ b: null });
	});

	it.each([
		[415, '{}', { 'content-type': 'text/plain' }],
		[400, '{"a":', json],
		[400, new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]), json],
		[400, '', json]
	])('fails with %i', async (status, body, headers) => {
		expect((await failure(() => readJson(postEvent(body, headers)))).status).toBe(status);
	});

	it('fails with 413 for a body over the limit, declared or not', async () => {
		const big = JSON.stringify({ text: 'x'.repeat(100) });
		const declared = postEvent(big, { ...json, 'content-length': String(big.length) });
		expect((await failure(() => readJson(declared, 50))).status).toBe(413);
		expect((await failure(() => readJson(postEvent(big, json), 50))).status).toBe(413);
		expect(await readJson(postEvent(big, json), big.length)).toEqual({ text: 'x'.repeat(100) });
	});

	it('fails with 413 when the server stops the body at BODY_SIZE_LIMIT, 400 when it is cut short', async () => {
		// What adapter-node's body stream does past BODY_SIZE_LIMIT: it errors with a 413 of its own.
		const stopped = (error: Error) =>
			postEvent(
				new ReadableStream({
					start(controller) {
						controller.enqueue(new TextEncoder().encode('{"text":"'));
						controller.error(error);
					}
				}),
				json
			);
		const tooLarge = Object.assign(new Error('request body size exceeded BODY_SIZE_LIMIT of 10'), {
			status: 413
		});
		const limited = await failure(() => readJson(stopped(tooLarge)));
		expect(limited.status).toBe(413);
		expect(limited.message).toMatch(/BODY_SIZE_LIMIT/);
		expect((await failure(() => readJson(stopped(new Error('aborted'))))).status).toBe(400);
	});
});

describe('paginate', () => {
	const all = Array.from({ length: 120 }, (_, i) => i);

	it('gives 50 by default and a cursor to the next page', () => {
		const first = paginate(new URL('http://x/items'), all);
		expect(first.items).toEqual(all.slice(0, 50));
		expect(first.nextCursor).toBe('50');
		const last = paginate(new URL('http://x/items?limit=100&cursor=50'), all);
		expect(last.items).toEqual(all.slice(50));
		expect(last.nextCursor).toBeNull();
	});

	it.each(['limit=0', 'limit=201', 'limit=abc', 'cursor=-1'])('refuses ?%s with 422', async (q) => {
		const err = await failure(() => paginate(new URL(`http://x/items?${q}`), all));
		expect(err.status).toBe(422);
		expect(err.errors[0].path).toBe(q.split('=')[0]);
	});
});
