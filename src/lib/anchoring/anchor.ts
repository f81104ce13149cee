import {
	clearBest,
	CONFIDENCE_FLOOR,
	exactCandidates,
	exactOccurrences,
	fuzzyCandidates
} from './candidates';
import { prepareQuote } from './context';
import { isGraphemeBoundary } from './graphemes';
import { indexText, type IndexedText } from './indexed-text';
import type { Anchor, Selectors } from './types';

/** Least agreement of the near context for the position selector to be taken as it is. */
const POSITION_CONTEXT = 0.5;

/**
 * Finds the claim described by `selectors` in `text` (canonical text, or an IndexedText of it
 * when anchoring many claims), trying the cheapest way first:
 * 1. the position selector, when the text there is exactly the quote and its near context
 *    agrees (`how: 'position'`, confidence 1);
 * 2. the exact quote, told apart from its look-alikes by context (`how: 'quote'`); when
 *    several occurrences are not told apart by at least MARGIN, the answer is null — closeness
 *    to `hint` or the position (code points) weighs too little to decide alone;
 * 3. a similar passage (`how: 'fuzzy'`), when its confidence reaches CONFIDENCE_FLOOR and it is
 *    told apart from the others.
 * Returns code point offsets, on grapheme boundaries. Never throws for selectors that do not
 * fit the text (out-of-range positions are ignored); returns null when nothing fits well enough.
 */
export function anchor(
	text: string | IndexedText,
	selectors: Selectors,
	hint?: number
): Anchor | null {
	const indexed = indexText(text);
	const points = indexed.codePoints;
	const quote = prepareQuote(selectors.quote);
	if (quote.exact.length === 0) {
		return null;
	}
	const toCodePoints = (start: number, end: number) => ({
		start: points.toCodePoint(start),
		end: points.toCodePoint(end)
	});
	const position = selectors.position;
	if (position && validRange(position.start, position.end, points.length)) {
		const start = points.toUtf16(position.start);
		const end = points.toUtf16(position.end);
		if (
			end - start === quote.exact.length &&
			indexed.text.startsWith(quote.exact, start) &&
			isGraphemeBoundary(indexed, start) &&
			isGraphemeBoundary(indexed, end)
		) {
			const here = exactCandidates(indexed, quote, [start])[0];
			if (here.context.near === null || here.context.near >= POSITION_CONTEXT) {
				return { ...toCodePoints(start, end), confidence: 1, how: 'position' };
			}
		}
	}
	const expectedAt = hint ?? position?.start;
	const expected =
		expectedAt !== undefined && validRange(expectedAt, expectedAt, points.length)
			? points.toUtf16(expectedAt)
			: undefined;
	const starts = exactOccurrences(indexed, quote.exact);
	if (starts.length > 0) {
		const best = clearBest(exactCandidates(indexed, quote, starts, expected));
		return best
			? { ...toCodePoints(best.start, best.end), confidence: best.confidence, how: 'quote' }
			: null;
	}
	const best = clearBest(fuzzyCandidates(indexed, quote, expected));
	return best && best.confidence >= CONFIDENCE_FLOOR
		? { ...toCodePoints(best.start, best.end), confidence: best.confidence, how: 'fuzzy' }
		: null;
}

/** True for integers with 0 <= start <= end <= length. */
function validRange(start: number, end: number, length: number): boolean {
	return (
		Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= length
	);
}
