import * as v from 'valibot';
import { invalid } from '$lib/server/errors';

/** True for a day that exists, written YYYY-MM-DD (2025-02-30 does not). */
function isCalendarDay(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
		return false;
	}
	const day = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/**
 * A calendar day as `YYYY-MM-DD`, or null for none (an empty string is none, as a cleared date
 * field sends). `message` says what is wanted, for the field it is used in.
 */
export const day = (message: string) =>
	v.nullable(
		v.pipe(
			v.string(message),
			v.trim(),
			v.transform((value) => value || null),
			v.nullable(v.pipe(v.string(), v.check(isCalendarDay, message)))
		)
	);

/** Deeper than this, input is refused before anything walks it: none we take nests half as deep. */
export const MAX_DEPTH = 64;

const unstorableText: { code: string; test: (text: string) => boolean; message: string }[] = [
	{
		code: 'nul',
		test: (text) => text.includes('\u0000'),
		message: 'Text cannot contain the NUL character (U+0000).'
	},
	{
		code: 'surrogate',
		// In a `u` pattern a lone surrogate is a code point of its own; a pair is one astral one.
		test: (text) => /\p{Cs}/u.test(text),
		message: 'Text cannot contain an unpaired surrogate: it is not valid Unicode.'
	}
];

/**
 * Throws AppError 422 naming the first place in `value` (parsed JSON, a form field) that must
 * go no further: a string or key holding U+0000 or an unpaired surrogate, which PostgreSQL
 * refuses in text and jsonb, or nesting deeper than MAX_DEPTH, which would exhaust the stack
 * of the recursive walks behind validation and storage. `at` prefixes the path (a form field's
 * name). The walk itself is iterative, so any depth is safe to check.
 */
export function assertStorable(value: unknown, at = ''): void {
	const pending: { value: unknown; path: string[] }[] = [{ value, path: at ? [at] : [] }];
	for (let next = pending.pop(); next; next = pending.pop()) {
		const { value, path } = next;
		if (typeof value === 'string') {
			assertText(value, path);
		} else if (typeof value === 'object' && value !== null) {
			if (path.length - (at ? 1 : 0) >= MAX_DEPTH) {
				throw invalid(path.join('.'), 'too_deep', `Nested more than ${MAX_DEPTH} levels deep.`);
			}
			// Reversed onto the stack, so that the first problem in document order is named.
			for (const [key, child] of Object.entries(value).reverse()) {
				assertText(key, [...path, key]);
				pending.push({ value: child, path: [...path, key] });
			}
		}
	}
}

function assertText(text: string, path: string[]): void {
	const found = unstorableText.find(({ test }) => test(text));
	if (found) {
		throw invalid(path.join('.'), found.code, found.message);
	}
}
