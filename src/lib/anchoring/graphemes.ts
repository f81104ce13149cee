import { indexText, type IndexedText } from './indexed-text';

/**
 * Code points between which a grapheme boundary always falls (Unicode UAX #29): no extending
 * marks, joiners, Hangul jamo, regional indicators or CR. Checking these first spares the
 * segmenter for nearly every boundary of CJK and Latin text.
 */
function isPlain(codePoint: number): boolean {
	return (
		codePoint === 0x0a ||
		(codePoint >= 0x20 && codePoint < 0x300) ||
		(codePoint >= 0x2010 && codePoint <= 0x2027) ||
		(codePoint >= 0x2030 && codePoint <= 0x205e) ||
		(codePoint >= 0x3001 && codePoint <= 0x3029) ||
		(codePoint >= 0x3030 && codePoint <= 0x3096) ||
		(codePoint >= 0x30a0 && codePoint <= 0x30ff) ||
		(codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
		(codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
		(codePoint >= 0xff01 && codePoint <= 0xff9d)
	);
}

const mark = /^\p{M}$/u;

/** True for what attaches to the code point before it, where no segmenter is available. */
function attaches(codePoint: number): boolean {
	return (
		codePoint === 0x200d ||
		(codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
		(codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) ||
		(codePoint >= 0xe0020 && codePoint <= 0xe007f) ||
		mark.test(String.fromCodePoint(codePoint))
	);
}

/** The code point that ends just before UTF-16 offset `at` (which is not inside a pair). */
function codePointBefore(text: string, at: number): number {
	const low = text.charCodeAt(at - 1);
	if (at >= 2 && low >= 0xdc00 && low <= 0xdfff) {
		const high = text.charCodeAt(at - 2);
		if (high >= 0xd800 && high <= 0xdbff) {
			return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
		}
	}
	return low;
}

/**
 * True when UTF-16 offset `utf16` of the text falls between two grapheme clusters (user-perceived
 * characters: an emoji with its modifiers and joiners, a letter with its combining marks).
 * Offsets 0 and `text.length` are boundaries; an offset out of range or inside a surrogate pair
 * is not. Uses `Intl.Segmenter` where needed, or an approximation where it is missing.
 */
export function isGraphemeBoundary(text: string | IndexedText, utf16: number): boolean {
	const indexed = indexText(text);
	const source = indexed.text;
	if (utf16 === 0 || utf16 === source.length) {
		return true;
	}
	if (!indexed.codePoints.isBoundary(utf16)) {
		return false;
	}
	const next = source.codePointAt(utf16) ?? 0;
	const previous = codePointBefore(source, utf16);
	if (isPlain(previous) && isPlain(next)) {
		return true;
	}
	const graphemes = indexed.graphemes();
	if (graphemes) {
		return graphemes.containing(utf16)?.index === utf16;
	}
	return previous !== 0x200d && !attaches(next);
}

/**
 * The smallest range of whole grapheme clusters that contains code points `start`..`end`, so
 * that a claim never splits an emoji or a letter from its marks.
 * @throws RangeError when the offsets are not integers with 0 <= start <= end <= length.
 */
export function snapToGraphemes(
	text: string | IndexedText,
	start: number,
	end: number
): { start: number; end: number } {
	const indexed = indexText(text);
	if (!(start <= end)) {
		throw new RangeError(`the range ${start}..${end} is inverted`);
	}
	const points = indexed.codePoints;
	let from = points.toUtf16(start);
	let to = points.toUtf16(end);
	while (!isGraphemeBoundary(indexed, from)) {
		from = graphemeStart(indexed, from);
	}
	while (!isGraphemeBoundary(indexed, to)) {
		to = graphemeEnd(indexed, to);
	}
	return { start: points.toCodePoint(from), end: points.toCodePoint(to) };
}

/**
 * True when code points `start`..`end` begin or end inside a grapheme cluster.
 * @throws RangeError when the offsets are out of range.
 */
export function splitsGrapheme(text: string | IndexedText, start: number, end: number): boolean {
	const indexed = indexText(text);
	const points = indexed.codePoints;
	return (
		!isGraphemeBoundary(indexed, points.toUtf16(start)) ||
		!isGraphemeBoundary(indexed, points.toUtf16(end))
	);
}

/** The start of the grapheme cluster around UTF-16 offset `at`, or one code point earlier. */
function graphemeStart(indexed: IndexedText, at: number): number {
	const segment = indexed.graphemes()?.containing(at);
	if (segment && segment.index < at) {
		return segment.index;
	}
	return indexed.codePoints.isBoundary(at - 1) ? at - 1 : at - 2;
}

/** The end of the grapheme cluster around UTF-16 offset `at`, or one code point later. */
function graphemeEnd(indexed: IndexedText, at: number): number {
	const segment = indexed.graphemes()?.containing(at);
	if (segment && segment.index + segment.segment.length > at) {
		return segment.index + segment.segment.length;
	}
	return indexed.codePoints.isBoundary(at + 1) ? at + 1 : at + 2;
}
