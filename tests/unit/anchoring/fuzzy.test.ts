import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approximateMatches } from '$lib/anchoring/fuzzy';
import { IndexedText } from '$lib/anchoring/indexed-text';
import { levenshtein, seeded } from './arbitraries';

const alphabet = '的中國美晶片模型AIabc ';

function randomText(random: () => number, length: number): string {
	let text = '';
	for (let i = 0; i < length; i++) {
		text += alphabet[Math.floor(random() * alphabet.length)];
	}
	return text;
}

/** `source` with `count` random substitutions, insertions or deletions. */
function mutate(random: () => number, source: string, count: number): string {
	let result = source;
	for (let i = 0; i < count; i++) {
		const at = Math.floor(random() * result.length);
		const letter = alphabet[Math.floor(random() * alphabet.length)];
		const kind = Math.floor(random() * 3);
		result =
			kind === 0
				? result.slice(0, at) + letter + result.slice(at + 1)
				: kind === 1
					? result.slice(0, at) + letter + result.slice(at)
					: result.slice(0, at) + result.slice(at + 1);
	}
	return result;
}

describe('approximateMatches', () => {
	it('finds a planted passage within the allowed errors, wherever it is', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 2 ** 31 }),
				fc.integer({ min: 4, max: 120 }),
				(seed, length) => {
					const random = seeded(seed);
					const pattern = randomText(random, length);
					const errors = Math.floor(length / 4);
					const planted = mutate(random, pattern, Math.floor(random() * (errors + 1)));
					const before = randomText(random, 2000);
					const text = before + planted + randomText(random, 2000);
					const matches = approximateMatches(new IndexedText(text), pattern, errors);
					const best = matches[0];
					expect(best).toBeDefined();
					expect(best.similarity).toBeGreaterThanOrEqual(
						1 - levenshtein(pattern, planted) / length
					);
					for (const match of matches) {
						const distance = levenshtein(pattern, text.slice(match.start, match.end));
						expect(match.similarity).toBeCloseTo(1 - distance / length);
						expect(distance).toBeLessThanOrEqual(errors);
					}
				}
			),
			{ numRuns: 60 }
		);
	});

	it('finds nothing in an unrelated text', () => {
		const text = new IndexedText('abc '.repeat(2000));
		expect(approximateMatches(text, '中國美晶片模型的中國美晶片模型', 3)).toEqual([]);
	});

	it('searches only the given range', () => {
		const text = new IndexedText('中國的晶片。美國的晶片。');
		expect(approximateMatches(text, '美國的晶片', 1, 6, 12)).toEqual([
			{ start: 6, end: 11, similarity: 1 }
		]);
	});

	it('never ends a match inside an emoji', () => {
		const text = new IndexedText('前文👩‍👩‍👧後文');
		for (const match of approximateMatches(text, '前文👩', 1)) {
			expect([0, 2, 10, 12]).toContain(match.end);
		}
	});
});
