import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import {
	anchor,
	CONFIDENCE_FLOOR,
	codePointLength,
	describe,
	sliceCodePoints,
	snapToGraphemes,
	type Described,
	type Selectors
} from '$lib/anchoring';
import { similarity, text } from './arbitraries';

const article =
	'去年11月,中國科技巨頭騰訊推出了大語言模型Hunyuan-Large。\n\n' +
	'同樣是在11月,AI公司DeepSeek發佈了其推理模型DeepSeek-R1的預覽版。';

/** Code point offset of `words` in `source` (its `nth` occurrence). */
function at(source: string, words: string, nth = 0): number {
	let index = -1;
	for (let i = 0; i <= nth; i++) {
		index = source.indexOf(words, index + 1);
	}
	return codePointLength(source.slice(0, index));
}

/** Selectors of `words` in `source`. */
function select(source: string, words: string, nth = 0): Described {
	const start = at(source, words, nth);
	return describe(source, start, start + codePointLength(words));
}

group('describe', () => {
	it('gives the exact words, 32 code points of context and the position', () => {
		const start = at(article, 'DeepSeek發佈');
		const described = describe(article, start, start + 8);
		expect(described.quote).toEqual({
			type: 'TextQuoteSelector',
			exact: 'DeepSeek',
			prefix: sliceCodePoints(article, start - 32, start),
			suffix: sliceCodePoints(article, start + 8, Math.min(codePointLength(article), start + 40))
		});
		expect(codePointLength(described.quote.prefix)).toBe(32);
		expect(described.position).toEqual({ type: 'TextPositionSelector', start, end: start + 8 });
	});

	it('gives shorter context at the edges of the text', () => {
		const described = describe(article, 0, 2);
		expect(described.quote.prefix).toBe('');
		expect(
			describe(article, codePointLength(article) - 1, codePointLength(article)).quote.suffix
		).toBe('');
	});

	it('counts an emoji, even a ZWJ sequence, in code points', () => {
		const source = 'a😀b👩‍👩‍👧c';
		expect(describe(source, 1, 2).quote.exact).toBe('😀');
		expect(describe(source, 3, 8).quote.exact).toBe('👩‍👩‍👧');
		expect(describe(source, 3, 8).quote.suffix).toBe('c');
	});

	it.each([
		['an empty range', 2, 2],
		['an inverted range', 3, 2],
		['a negative start', -1, 2],
		['an end past the text', 0, 1000],
		['a fractional offset', 0.5, 2],
		['NaN', Number.NaN, 2]
	])('refuses %s with a RangeError', (_what, start, end) => {
		expect(() => describe(article, start, end)).toThrow(RangeError);
	});

	it.each([
		['inside a ZWJ family', 'a👩‍👩‍👧c', 1, 3],
		['between a letter and its combining mark', 'aq\u0307c', 1, 2],
		['between a flag\u2019s two halves', 'a🇹🇼c', 1, 2]
	])('refuses a range that splits a character: %s', (_what, source, start, end) => {
		expect(() => describe(source, start, end)).toThrow(RangeError);
	});
});

group('anchor', () => {
	const twice = '他說:美國領先。\n\n她說:美國領先。';
	const moved = `前言。\n\n${article}`;

	it.each([
		[
			'takes the position when it holds',
			article,
			select(article, 'DeepSeek-R1'),
			'DeepSeek-R1',
			'position',
			0
		],
		[
			'finds the quote when text was inserted before',
			moved,
			select(article, 'DeepSeek-R1'),
			'DeepSeek-R1',
			'quote',
			0
		],
		[
			'tells look-alikes apart by context',
			twice,
			{ quote: select(twice, '美國領先', 1).quote },
			'美國領先',
			'quote',
			1
		],
		[
			'takes the position among look-alikes',
			twice,
			select(twice, '美國領先', 1),
			'美國領先',
			'position',
			1
		],
		[
			'finds similar words when the exact ones are gone',
			article.replace('推理模型', '推論模型'),
			select(article, '發佈了其推理模型DeepSeek-R1的預覽版'),
			'發佈了其推論模型DeepSeek-R1的預覽版',
			'fuzzy',
			0
		]
	] as const)('%s', (_what, source, selectors, words, how, nth) => {
		const found = anchor(source, selectors);
		expect(found).toMatchObject({ start: at(source, words, nth), how });
		expect(found && sliceCodePoints(source, found.start, found.end)).toBe(words);
		expect(found?.confidence).toBeGreaterThanOrEqual(CONFIDENCE_FLOOR);
		expect(found?.confidence).toBeLessThanOrEqual(1);
	});

	it('does not pick one of two look-alikes that context does not tell apart', () => {
		const same = '美國領先。\n\n美國領先。';
		expect(anchor(same, { quote: { type: 'TextQuoteSelector', exact: '美國領先' } })).toBeNull();
		const filler = '甲乙丙丁'.repeat(10);
		const repeated = `${filler}美國領先${filler}美國領先${filler}`;
		const second = select(repeated, '美國領先', 1);
		expect(anchor(repeated, { quote: second.quote }, second.position.start)).toBeNull();
	});

	it.each([
		[
			'the words are gone',
			article.replace(/DeepSeek-R1/g, '某模型'),
			select(article, 'DeepSeek-R1')
		],
		['the quote is empty', article, { quote: { type: 'TextQuoteSelector', exact: '' } }],
		[
			'the quote is only part of an emoji',
			'x👩‍👩‍👧x',
			{ quote: { type: 'TextQuoteSelector', exact: '👩' } }
		],
		[
			'most of a long quote changed',
			article.replace('大語言模型Hunyuan-Large', '另一個產品'),
			select(article, '大語言模型Hunyuan-Large')
		]
	] as const)('answers null when %s', (_what, source, selectors) => {
		expect(anchor(source, selectors as Selectors)).toBeNull();
	});

	it('ignores a position out of range and still finds the quote', () => {
		const selectors: Selectors = {
			quote: { type: 'TextQuoteSelector', exact: 'Hunyuan-Large' },
			position: { type: 'TextPositionSelector', start: 9000, end: 9013 }
		};
		expect(anchor(article, selectors)).toMatchObject({
			start: at(article, 'Hunyuan-Large'),
			how: 'quote'
		});
	});
});

/** A random text and a random non-empty range of whole graphemes in it. */
const textWithRange = text(1, 60)
	.chain((source) =>
		fc.tuple(fc.constant(source), fc.nat(codePointLength(source)), fc.nat(codePointLength(source)))
	)
	.map(([source, a, b]) => {
		const snapped = snapToGraphemes(source, Math.min(a, b), Math.max(a, b));
		return { source, ...snapped };
	})
	.filter(({ start, end }) => start < end);

group('describe then anchor', () => {
	it('round-trips on random texts of CJK, emoji, combining marks, RTL scripts and ASCII', () => {
		fc.assert(
			fc.property(textWithRange, ({ source, start, end }) => {
				const selectors = describe(source, start, end);
				expect(anchor(source, selectors)).toEqual({ start, end, confidence: 1, how: 'position' });
			}),
			{ numRuns: 200 }
		);
	});

	it('without the position, finds the same range or declines between look-alikes', () => {
		fc.assert(
			fc.property(textWithRange, ({ source, start, end }) => {
				const found = anchor(source, { quote: describe(source, start, end).quote });
				if (found) {
					expect(found).toMatchObject({ start, end, how: 'quote' });
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('after random edits, never finds words that differ from the quote beyond the floor', () => {
		const edit = fc.record({ at: fc.nat(), remove: fc.nat(8), insert: text(0, 4) });
		fc.assert(
			fc.property(textWithRange, fc.array(edit, { minLength: 1, maxLength: 4 }), (claim, edits) => {
				const { source, start, end } = claim;
				const selectors = describe(source, start, end);
				let revised = source;
				for (const { at: where, remove, insert } of edits) {
					const from = where % (revised.length + 1);
					revised = (revised.slice(0, from) + insert + revised.slice(from + remove)).normalize(
						'NFC'
					);
				}
				const found = anchor(revised, selectors);
				if (!found) {
					return;
				}
				const words = sliceCodePoints(revised, found.start, found.end);
				if (found.how === 'fuzzy') {
					expect(found.confidence).toBeGreaterThanOrEqual(CONFIDENCE_FLOOR);
					expect(similarity(selectors.quote.exact, words)).toBeGreaterThanOrEqual(
						found.confidence - 1e-9
					);
				} else {
					expect(words).toBe(selectors.quote.exact);
				}
			}),
			{ numRuns: 300 }
		);
	});
});
