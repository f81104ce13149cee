import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextSimilarity, distances, editDistance } from '$lib/anchoring/edit-distance';
import { levenshtein } from './arbitraries';

/** Strings over a small alphabet (so that they share a lot), with a surrogate pair in it. */
const word = (max: number) =>
	fc
		.array(fc.constantFrom('a', 'b', 'c', '中', '😀'), { maxLength: max })
		.map((parts) => parts.join(''));

/** Least distance of `pattern` to a substring of `text` ending at each offset: the reference. */
function searchReference(pattern: string, text: string): number[] {
	let row = Array.from({ length: pattern.length + 1 }, (_, i) => i);
	const ends: number[] = [];
	for (let j = 1; j <= text.length; j++) {
		const next = [0];
		for (let i = 1; i <= pattern.length; i++) {
			next[i] = Math.min(
				row[i] + 1,
				next[i - 1] + 1,
				row[i - 1] + (pattern.charCodeAt(i - 1) === text.charCodeAt(j - 1) ? 0 : 1)
			);
		}
		row = next;
		ends.push(row[pattern.length]);
	}
	return ends;
}

describe('edit distance', () => {
	it.each([
		['', '', 0],
		['abc', '', 3],
		['', 'abc', 3],
		['kitten', 'sitting', 3],
		['1萬個英偉達A100晶片', '2萬個英偉達A100晶片', 1],
		['中國的進步', '中國進步了', 2]
	])('between %j and %j is %i', (a, b, expected) => {
		expect(editDistance(a, b)).toBe(expected);
	});

	it('agrees with the plain algorithm, for patterns shorter and longer than one 32-bit block', () => {
		fc.assert(
			fc.property(word(80), word(80), (a, b) => {
				expect(editDistance(a, b)).toBe(levenshtein(a, b));
			}),
			{ numRuns: 300 }
		);
	});

	it('searches like the plain algorithm: best match ending at every offset', () => {
		fc.assert(
			fc.property(word(70).filter(Boolean), word(90), (pattern, text) => {
				expect([...distances(pattern, text, 0, text.length, 'search')]).toEqual(
					searchReference(pattern, text)
				);
			}),
			{ numRuns: 300 }
		);
	});

	it('reads backwards as the reversed strings read forwards', () => {
		fc.assert(
			fc.property(word(50).filter(Boolean), word(60), (pattern, text) => {
				const reverse = (s: string) => s.split('').reverse().join('');
				expect([...distances(pattern, text, text.length, 0, 'anchored')]).toEqual([
					...distances(reverse(pattern), reverse(text), 0, text.length, 'anchored')
				]);
			}),
			{ numRuns: 200 }
		);
	});
});

describe('context similarity', () => {
	it.each([
		['identical context before', 'abcd', 'xxabcd', 'before', 1],
		['identical context after', 'abcd', 'abcdxx', 'after', 1],
		['one edit in four, before', 'abcd', 'xxabzd', 'before', 0.75],
		['a unit inserted next to the quote', 'abcd', 'abcdX', 'before', 0.75],
		['nothing in common', 'abcd', 'wxyz', 'after', 0],
		['an empty expectation', '', 'wxyz', 'after', 1]
	] as const)('%s', (_what, expected, actual, side, similarity) => {
		expect(contextSimilarity(expected, actual, side)).toBeCloseTo(similarity);
	});

	it('stays in [0, 1]', () => {
		fc.assert(
			fc.property(word(40), word(40), fc.boolean(), (expected, actual, before) => {
				const value = contextSimilarity(expected, actual, before ? 'before' : 'after');
				expect(value).toBeGreaterThanOrEqual(0);
				expect(value).toBeLessThanOrEqual(1);
			}),
			{ numRuns: 100 }
		);
	});
});
