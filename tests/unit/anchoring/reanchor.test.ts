import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import {
	CONFIDENCE_FLOOR,
	codePointLength,
	describe,
	reanchor,
	sliceCodePoints,
	snapToGraphemes,
	type Described,
	type Selectors
} from '$lib/anchoring';
import { similarity, text } from './arbitraries';

/** A random text with a few claims on whole graphemes. */
const textWithClaims = text(4, 80).chain((source) => {
	const length = codePointLength(source);
	return fc.tuple(
		fc.constant(source),
		fc.array(fc.tuple(fc.nat(length), fc.nat(length)), { minLength: 1, maxLength: 6 })
	);
});

function claimsOf(source: string, ranges: [number, number][]): Described[] {
	return ranges
		.map(([a, b]) => snapToGraphemes(source, Math.min(a, b), Math.max(a, b)))
		.filter(({ start, end }) => start < end)
		.map(({ start, end }) => describe(source, start, end));
}

/** Selectors of the `nth` occurrence of `words` in `source`. */
function select(source: string, words: string, nth = 0): Described {
	let index = -1;
	for (let i = 0; i <= nth; i++) {
		index = source.indexOf(words, index + 1);
	}
	const start = codePointLength(source.slice(0, index));
	return describe(source, start, start + codePointLength(words));
}

group('reanchor', () => {
	const paragraph = '他說美國領先。她說美國落後。';

	it.each([
		[
			'a deletion that could be placed on either side of the claim',
			'中claim2025claim結束',
			'中claim結束',
			select('中claim2025claim結束', 'laim', 1),
			{ status: 'anchored', start: 2 }
		],
		[
			'the same words twice in an edited paragraph, told apart by context',
			`前言。\n\n${paragraph}`,
			`前言。\n\n${paragraph.replace('他說', '他曾說')}`,
			select(`前言。\n\n${paragraph}`, '美國', 1),
			{ status: 'anchored', start: 15 }
		],
		[
			'a claim whose position does not fit its own text, found there by its quote',
			'甲乙丙。美國領先。丁戊己。',
			'丁戊己。甲乙丙。美國領先。',
			{
				...select('甲乙丙。美國領先。丁戊己。', '美國領先'),
				position: { type: 'TextPositionSelector', start: 90, end: 94 }
			},
			{ status: 'anchored', start: 8 }
		],
		[
			'an empty quote',
			'甲乙丙。',
			'甲乙丙。',
			{ quote: { type: 'TextQuoteSelector', exact: '' } },
			{ status: 'orphaned', suggestion: null }
		]
	] as const)('%s', (_what, source, revised, selectors, expected) => {
		expect(reanchor(source, revised, [selectors as Selectors])[0]).toMatchObject(expected);
	});
});

group('reanchor on random revisions', () => {
	it('keeps claims untouched by one edit anchored to their words at their mapped place', () => {
		const edit = fc.record({ at: fc.nat(), remove: fc.nat(10), insert: text(0, 5) });
		fc.assert(
			fc.property(textWithClaims, edit, ([source, ranges], { at, remove, insert }) => {
				const claims = claimsOf(source, ranges);
				const from = Math.min(at % (codePointLength(source) + 1), codePointLength(source));
				const snapped = snapToGraphemes(
					source,
					from,
					Math.min(codePointLength(source), from + remove)
				);
				const revised =
					sliceCodePoints(source, 0, snapped.start) +
					insert +
					sliceCodePoints(source, snapped.end, codePointLength(source));
				fc.pre(revised === revised.normalize('NFC'));
				const shift = codePointLength(insert) - (snapped.end - snapped.start);
				const results = reanchor(source, revised, claims);
				results.forEach((result, i) => {
					const { start, end } = claims[i].position;
					const exact = claims[i].quote.exact;
					if (result.status !== 'orphaned') {
						expect(sliceCodePoints(revised, result.start, result.end)).toBe(exact);
					}
					// Strictly before or after the edit: the same words, at the same place.
					const untouched = end < snapped.start || start > snapped.end;
					if (untouched) {
						expect(result.status).toBe('anchored');
						const expected = end < snapped.start ? start : start + shift;
						if (result.status === 'anchored' && result.start !== expected) {
							// Only a look-alike made by the edit itself can take the place.
							expect(sliceCodePoints(revised, expected, expected + end - start)).toBe(exact);
						}
					}
					if (result.status === 'orphaned' && result.suggestion) {
						const words = sliceCodePoints(revised, result.suggestion.start, result.suggestion.end);
						expect(similarity(exact, words)).toBeGreaterThanOrEqual(CONFIDENCE_FLOOR);
					}
				});
			}),
			{ numRuns: 200 }
		);
	});

	it('never reports words that differ from the quote as anchored or moved', () => {
		const edit = fc.record({
			at: fc.nat(),
			remove: fc.nat(12),
			insert: text(0, 6),
			move: fc.boolean()
		});
		fc.assert(
			fc.property(
				textWithClaims,
				fc.array(edit, { minLength: 1, maxLength: 5 }),
				([source, ranges], edits) => {
					const claims = claimsOf(source, ranges);
					let revised = source;
					for (const { at, remove, insert, move } of edits) {
						const paragraphs = revised.split('\n\n');
						if (move && paragraphs.length > 2) {
							const [taken] = paragraphs.splice(at % paragraphs.length, 1);
							paragraphs.splice((at * 7) % paragraphs.length, 0, taken);
							revised = paragraphs.join('\n\n');
						} else {
							const from = at % (revised.length + 1);
							revised = (revised.slice(0, from) + insert + revised.slice(from + remove)).normalize(
								'NFC'
							);
						}
					}
					const results = reanchor(source, revised, claims);
					results.forEach((result, i) => {
						const exact = claims[i].quote.exact;
						if (result.status === 'orphaned') {
							if (result.suggestion) {
								const words = sliceCodePoints(
									revised,
									result.suggestion.start,
									result.suggestion.end
								);
								expect(result.suggestion.confidence).toBeGreaterThanOrEqual(CONFIDENCE_FLOOR);
								expect(similarity(exact, words)).toBeGreaterThanOrEqual(
									result.suggestion.confidence - 1e-9
								);
							}
						} else {
							expect(sliceCodePoints(revised, result.start, result.end)).toBe(exact);
							expect(result.selectors.quote.exact).toBe(exact);
							expect(result.selectors.position).toEqual({
								type: 'TextPositionSelector',
								start: result.start,
								end: result.end
							});
						}
					});
				}
			),
			{ numRuns: 200 }
		);
	});
});
