import { describe, expect, it } from 'vitest';
import { AppError } from '$lib/server/errors';
import { assertStorable, MAX_DEPTH } from '$lib/server/input';

/** The field error `assertStorable(value, at)` fails with. */
function refusal(value: unknown, at?: string) {
	try {
		assertStorable(value, at);
	} catch (err) {
		expect(err).toBeInstanceOf(AppError);
		expect((err as AppError).status).toBe(422);
		const [{ path, code }] = (err as AppError).errors;
		return { path, code };
	}
	throw new Error('expected an AppError');
}

/** An array nested `depth` deep, built without recursion. */
function nested(depth: number): unknown {
	let value: unknown = [];
	for (let i = 1; i < depth; i++) {
		value = [value];
	}
	return value;
}

describe('assertStorable', () => {
	it.each([
		['plain text', { title: 'Exports grew 12%', tags: ['a', 'b'], count: 3, none: null }],
		['every other control character', { text: 'tab\tnewline\nbell\u0007del\u007f' }],
		['characters outside the BMP, their surrogates paired', { text: '📈 𠮷 👩‍👩‍👧' }],
		['nesting at the limit', nested(MAX_DEPTH)],
		['numbers, booleans and nothing', [1, true, null, undefined]]
	])('takes %s', (_, value) => {
		expect(() => assertStorable(value)).not.toThrow();
	});

	it.each([
		['U+0000 in a string', { a: { b: ['ok', 'x\u0000y'] } }, 'a.b.1', 'nul'],
		['U+0000 in a key', { a: { 'k\u0000': 1 } }, 'a.k\u0000', 'nul'],
		['a lone high surrogate', { text: 'x\ud83dy' }, 'text', 'surrogate'],
		['a lone low surrogate at the end', ['fine', 'end\udc00'], '1', 'surrogate'],
		['surrogates in the wrong order', { text: '\udc00\ud800' }, 'text', 'surrogate'],
		['a bare string', 'a\u0000', '', 'nul']
	])('refuses %s, naming where', (_, value, path, code) => {
		expect(refusal(value)).toEqual({ path, code });
	});

	it('names the first problem in document order', () => {
		expect(refusal({ a: 'fine', b: ['x\u0000'], c: 'y\u0000' })).toEqual({
			path: 'b.0',
			code: 'nul'
		});
	});

	it('refuses nesting past the limit, at the level it starts', () => {
		const { path, code } = refusal({ deep: nested(MAX_DEPTH + 5) });
		expect(code).toBe('too_deep');
		expect(path.split('.')).toHaveLength(MAX_DEPTH);
	});

	it('walks 100,000 levels without exhausting the stack', () => {
		const value = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
		expect(refusal(value).code).toBe('too_deep');
	});

	it('prefixes the path with a form field’s name', () => {
		expect(refusal('a\u0000b', 'email')).toEqual({ path: 'email', code: 'nul' });
		expect(() => assertStorable(nested(MAX_DEPTH), 'field')).not.toThrow();
	});
});
