import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignTexts } from '$lib/anchoring/alignment';
import { diffSequences } from '$lib/anchoring/diff';

/** Length of a longest common subsequence, the plain way: the reference. */
function lcs(a: readonly number[], b: readonly number[]): number {
	let row = new Array<number>(b.length + 1).fill(0);
	for (let i = 1; i <= a.length; i++) {
		const next = [0];
		for (let j = 1; j <= b.length; j++) {
			next[j] = a[i - 1] === b[j - 1] ? row[j - 1] + 1 : Math.max(row[j], next[j - 1]);
		}
		row = next;
	}
	return row[b.length];
}

const sequence = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 60 });

describe('diffSequences', () => {
	it('finds runs of equal items forming a longest common subsequence', () => {
		fc.assert(
			fc.property(sequence, sequence, (a, b) => {
				const runs = diffSequences(a, b, 1000);
				let equal = 0;
				let lastA = 0;
				let lastB = 0;
				for (let i = 0; i < runs.length; i += 3) {
					const [at, bt, length] = runs.slice(i, i + 3);
					expect(at).toBeGreaterThanOrEqual(lastA);
					expect(bt).toBeGreaterThanOrEqual(lastB);
					expect(a.slice(at, at + length)).toEqual(b.slice(bt, bt + length));
					lastA = at + length;
					lastB = bt + length;
					equal += length;
				}
				expect(equal).toBe(lcs(a, b));
			}),
			{ numRuns: 200 }
		);
	});

	it('keeps only the common start and end beyond its edit budget', () => {
		expect(diffSequences([1, 2, 3, 4, 9], [1, 5, 3, 6, 9], 1)).toEqual([0, 0, 1, 4, 4, 1]);
	});
});

describe('alignTexts', () => {
	const old = 'One.\n\nTwo words here.\n\nThree.';

	it.each([
		['the same text', old, 6, 6],
		['a paragraph inserted before', `Zero.\n\n${old}`, 6, 13],
		['a word changed before, in the same paragraph', old.replace('Two', 'Twenty-two'), 10, 17],
		['the paragraph removed', 'One.\n\nThree.', 6, -1]
	])('maps a range after %s', (_what, revised, start, expected) => {
		expect(alignTexts(old, revised).mapUnchanged(start, start + 3)).toBe(expected);
	});

	it('maps a changed range to the edges of the change', () => {
		const alignment = alignTexts(old, old.replace('words', 'claims'));
		expect(alignment.mapUnchanged(10, 15)).toBe(-1);
		expect(alignment.mapStart(10)).toBe(10);
		expect(alignment.mapEnd(15)).toBe(16);
	});
});
