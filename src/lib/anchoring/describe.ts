import { CONTEXT_LENGTH } from './context';
import { isGraphemeBoundary } from './graphemes';
import { indexText, type IndexedText } from './indexed-text';
import type { Described } from './types';

/**
 * The W3C selectors of code points `start`..`end` (exclusive) of `text`: the exact words with
 * up to CONTEXT_LENGTH code points of context each side, and the position.
 * @throws RangeError when the offsets are not integers with 0 <= start < end <= length (empty,
 *   inverted or out of range), or when the range splits a grapheme cluster (an emoji, a letter
 *   and its marks): a claim never splits a character.
 */
export function describe(text: string | IndexedText, start: number, end: number): Described {
	const indexed = indexText(text);
	const points = indexed.codePoints;
	if (!Number.isInteger(start) || !Number.isInteger(end)) {
		throw new RangeError(`the range ${start}..${end} is not made of integers`);
	}
	if (start < 0 || end > points.length) {
		throw new RangeError(`the range ${start}..${end} is outside 0..${points.length}`);
	}
	if (start >= end) {
		throw new RangeError(`the range ${start}..${end} is empty or inverted`);
	}
	const from = points.toUtf16(start);
	const to = points.toUtf16(end);
	if (!isGraphemeBoundary(indexed, from) || !isGraphemeBoundary(indexed, to)) {
		throw new RangeError(`the range ${start}..${end} splits a character`);
	}
	const source = indexed.text;
	return {
		quote: {
			type: 'TextQuoteSelector',
			exact: source.slice(from, to),
			prefix: source.slice(points.toUtf16(Math.max(0, start - CONTEXT_LENGTH)), from),
			suffix: source.slice(to, points.toUtf16(Math.min(points.length, end + CONTEXT_LENGTH)))
		},
		position: { type: 'TextPositionSelector', start, end }
	};
}
