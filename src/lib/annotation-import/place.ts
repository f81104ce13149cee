import { anchor, indexText, splitsGrapheme, type IndexedText } from '$lib/anchoring';
import { exactOccurrences } from '$lib/anchoring/candidates';
import type { Readable, Reason } from './read';

/** Where an imported annotation goes in the text, in code points, and how it was found. */
export interface Placed {
	start: number;
	end: number;
	confidence: number;
	how: 'position' | 'quote' | 'fuzzy';
	/** True when the position counted UTF-16 units (as Hypothesis writes them) and was converted. */
	utf16: boolean;
}

/**
 * The position in code points, when it counted UTF-16 code units instead: some tools (the
 * Hypothesis client among them) measure positions in JavaScript string offsets, which differ
 * from code points after every character outside the BMP (an emoji). Taken only when the
 * position does not hold the quote in code points and does in UTF-16 units.
 */
function codePointPosition(
	indexed: IndexedText,
	exact: string,
	position: { start: number; end: number }
): { start: number; end: number; utf16: boolean } {
	const points = indexed.codePoints;
	const text = indexed.text;
	const holdsQuote = (from: number, to: number) =>
		to - from === exact.length && text.startsWith(exact, from);
	if (
		position.end <= points.length &&
		holdsQuote(points.toUtf16(position.start), points.toUtf16(position.end))
	) {
		return { ...position, utf16: false };
	}
	if (
		holdsQuote(position.start, position.end) &&
		points.isBoundary(position.start) &&
		points.isBoundary(position.end)
	) {
		return {
			start: points.toCodePoint(position.start),
			end: points.toCodePoint(position.end),
			utf16: true
		};
	}
	return { ...position, utf16: false };
}

/**
 * Places one read annotation on `text` (canonical text, or an IndexedText of it when placing
 * many), trying its position first (converted from UTF-16 units where that is what it
 * counted), then its quote told apart by context, then a confident fuzzy match (`how: 'fuzzy'`,
 * for the caller to accept and report as such). An annotation with a position alone is taken
 * at that position, counted in code points as the W3C model defines. Returns the reason
 * instead when it cannot be placed: its words are not there (`not_found`), are there several
 * times with nothing to tell them apart (`ambiguous`), or its position is outside the text or
 * splits a character. Never throws.
 */
export function placeAnnotation(
	text: string | IndexedText,
	annotation: Readable
): Placed | { reason: Reason; detail: string } {
	const indexed = indexText(text);
	const { quote, position } = annotation;
	if (!quote) {
		if (!position || position.end > indexed.codePoints.length) {
			return {
				reason: 'out_of_range',
				detail: `The position is outside the text (0..${indexed.codePoints.length}).`
			};
		}
		if (splitsGrapheme(indexed, position.start, position.end)) {
			return { reason: 'splits_character', detail: 'The position splits a character.' };
		}
		return { ...position, confidence: 1, how: 'position', utf16: false };
	}
	const converted = position && codePointPosition(indexed, quote.exact, position);
	const found = anchor(indexed, {
		quote,
		...(converted
			? { position: { type: 'TextPositionSelector', start: converted.start, end: converted.end } }
			: {})
	});
	if (found) {
		return { ...found, utf16: found.how === 'position' && converted?.utf16 === true };
	}
	return exactOccurrences(indexed, quote.exact).length > 1
		? {
				reason: 'ambiguous',
				detail: 'The words occur several times and their context does not tell which is meant.'
			}
		: {
				reason: 'not_found',
				detail: 'The words are not in this text, nor anything close enough to them.'
			};
}
