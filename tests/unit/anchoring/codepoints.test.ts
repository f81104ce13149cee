import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	CodePointIndex,
	codePointLength,
	isGraphemeBoundary,
	sliceCodePoints,
	snapToGraphemes,
	splitsGrapheme,
	toCodePointOffset,
	toUtf16Offset
} from '$lib/anchoring';
import { text } from './arbitraries';

const family = '👩‍👩‍👧';

describe('code points and UTF-16 offsets', () => {
	it.each([
		['ASCII', 'abc', 3, [0, 1, 2, 3]],
		['CJK (one unit each)', '中國美', 3, [0, 1, 2, 3]],
		['an emoji (a surrogate pair)', 'a😀b', 3, [0, 1, 3, 4]],
		['a ZWJ family: five code points, eight units', family, 5, [0, 2, 3, 5, 6, 8]],
		['a combining mark (its own code point)', 'q\u0307x', 3, [0, 1, 2, 3]],
		['a flag (two regional indicators)', '🇹🇼!', 3, [0, 2, 4, 5]],
		['a lone surrogate (one code point)', 'a\ud800b', 3, [0, 1, 2, 3]],
		['the empty text', '', 0, [0]]
	])('%s', (_what, source, length, utf16) => {
		const index = new CodePointIndex(source);
		expect(index.length).toBe(length);
		expect(codePointLength(source)).toBe(length);
		utf16.forEach((unit, codePoint) => {
			expect(index.toUtf16(codePoint)).toBe(unit);
			expect(index.toCodePoint(unit)).toBe(codePoint);
			expect(toUtf16Offset(source, codePoint)).toBe(unit);
			expect(toCodePointOffset(source, unit)).toBe(codePoint);
		});
	});

	it.each([
		['a code point offset past the end', () => new CodePointIndex('ab').toUtf16(3)],
		['a negative code point offset', () => new CodePointIndex('ab').toUtf16(-1)],
		['a fractional offset', () => new CodePointIndex('ab').toUtf16(0.5)],
		['a UTF-16 offset past the end', () => new CodePointIndex('ab').toCodePoint(3)],
		['a UTF-16 offset inside a surrogate pair', () => new CodePointIndex('😀').toCodePoint(1)],
		['an inverted slice', () => sliceCodePoints('abc', 2, 1)]
	])('refuses %s with a RangeError', (_what, call) => {
		expect(call).toThrow(RangeError);
	});

	it('slices by code points', () => {
		expect(sliceCodePoints(`x${family}y`, 1, 6)).toBe(family);
		expect(sliceCodePoints('中😀國', 1, 2)).toBe('😀');
	});

	it('agrees with string iteration on random texts', () => {
		fc.assert(
			fc.property(text(0, 40), (source) => {
				const index = new CodePointIndex(source);
				const points = [...source];
				expect(index.length).toBe(points.length);
				let unit = 0;
				points.forEach((point, i) => {
					expect(index.toUtf16(i)).toBe(unit);
					expect(index.toCodePoint(unit)).toBe(i);
					unit += point.length;
				});
				expect(index.toUtf16(points.length)).toBe(source.length);
			}),
			{ numRuns: 100 }
		);
	});

	it('is quick on a long text with many emoji', () => {
		const long = '中😀'.repeat(50_000);
		const started = performance.now();
		const index = new CodePointIndex(long);
		for (let i = 0; i < 100_000; i += 7) {
			expect(index.toCodePoint(index.toUtf16(i))).toBe(i);
		}
		expect(performance.now() - started).toBeLessThan(1000);
	});
});

describe('grapheme boundaries', () => {
	it.each([
		['between CJK characters', '中國', 1, true],
		['inside a surrogate pair', '😀', 1, false],
		['inside a ZWJ family', family, 2, false],
		['inside a ZWJ family, after a joiner', family, 3, false],
		['before a combining mark', 'q\u0307', 1, false],
		['between a skin tone and its emoji', '👍🏽', 2, false],
		['between the two halves of a flag', '🇹🇼', 2, false],
		['between two flags', '🇹🇼🇯🇵', 4, true],
		['inside Arabic letters (they join, but are separate graphemes)', 'مرحبا', 2, true],
		['before a Hebrew point', 'שָ', 1, false],
		['inside CR LF', 'a\r\nb', 2, false],
		['out of range', 'ab', 3, false]
	])('%s', (_what, source, at, expected) => {
		expect(isGraphemeBoundary(source, at)).toBe(expected);
	});

	it.each([
		['grows a range that cuts a family in two', `a${family}b`, 2, 3, 1, 6],
		['grows a range that cuts off a combining mark', 'xq\u0307y', 1, 2, 1, 3],
		['grows a range that starts on a skin tone', 'a👍🏽b', 2, 3, 1, 3],
		['keeps a range on boundaries', '中國美', 1, 2, 1, 2]
	])('snapping %s', (_what, source, start, end, snappedStart, snappedEnd) => {
		expect(snapToGraphemes(source, start, end)).toEqual({ start: snappedStart, end: snappedEnd });
	});

	it('tells whether a range splits a grapheme', () => {
		expect(splitsGrapheme(`a${family}`, 1, 3)).toBe(true);
		expect(splitsGrapheme(`a${family}`, 1, 6)).toBe(false);
	});

	it('snaps random ranges to the same boundaries as Intl.Segmenter', () => {
		const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
		fc.assert(
			fc.property(text(1, 40), fc.nat(), fc.nat(), (source, a, b) => {
				const length = codePointLength(source);
				const [start, end] = [a % (length + 1), b % (length + 1)].sort((x, y) => x - y);
				const snapped = snapToGraphemes(source, start, end);
				const boundaries = new Set([...segmenter.segment(source)].map((s) => s.index));
				boundaries.add(source.length);
				const index = new CodePointIndex(source);
				expect(boundaries.has(index.toUtf16(snapped.start))).toBe(true);
				expect(boundaries.has(index.toUtf16(snapped.end))).toBe(true);
				expect(snapped.start).toBeLessThanOrEqual(start);
				expect(snapped.end).toBeGreaterThanOrEqual(end);
				for (let unit = 0; unit <= source.length; unit++) {
					expect(isGraphemeBoundary(source, unit)).toBe(boundaries.has(unit));
				}
			}),
			{ numRuns: 100 }
		);
	});
});
