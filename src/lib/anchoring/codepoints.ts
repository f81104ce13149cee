/**
 * Positions in selectors count Unicode code points (W3C Web Annotation); JavaScript strings,
 * editors and `indexOf` count UTF-16 code units. Every conversion between the two happens here.
 */

/** True when `code` is the first half of a surrogate pair. */
function isHighSurrogate(code: number): boolean {
	return code >= 0xd800 && code <= 0xdbff;
}

/** True when `code` is the second half of a surrogate pair. */
function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Converts offsets of one text between code points and UTF-16 code units in O(log n), after
 * one O(n) scan. A lone surrogate counts as one code point, as string iteration counts it.
 */
export class CodePointIndex {
	/** The indexed text. */
	readonly text: string;
	/** The text's length in code points. */
	readonly length: number;
	/** UTF-16 offsets of the first halves of surrogate pairs, ascending. */
	private readonly pairs: Int32Array;

	constructor(text: string) {
		this.text = text;
		const found: number[] = [];
		for (let i = 0; i < text.length - 1; i++) {
			if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
				found.push(i);
				i++;
			}
		}
		this.pairs = Int32Array.from(found);
		this.length = text.length - found.length;
	}

	/**
	 * The UTF-16 offset of code point offset `codePoint`.
	 * @throws RangeError when `codePoint` is not an integer in [0, length].
	 */
	toUtf16(codePoint: number): number {
		if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > this.length) {
			throw new RangeError(`code point offset ${codePoint} is outside 0..${this.length}`);
		}
		// Pairs before the offset: those whose code point offset (pairs[i] - i) is below it.
		let low = 0;
		let high = this.pairs.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (this.pairs[middle] - middle < codePoint) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}
		return codePoint + low;
	}

	/**
	 * The code point offset of UTF-16 offset `utf16`.
	 * @throws RangeError when `utf16` is not an integer in [0, text.length] or falls between
	 *   the two halves of a surrogate pair.
	 */
	toCodePoint(utf16: number): number {
		if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > this.text.length) {
			throw new RangeError(`UTF-16 offset ${utf16} is outside 0..${this.text.length}`);
		}
		const before = this.pairsBefore(utf16);
		if (before > 0 && this.pairs[before - 1] + 1 === utf16) {
			throw new RangeError(`UTF-16 offset ${utf16} splits a surrogate pair`);
		}
		return utf16 - before;
	}

	/** True when UTF-16 offset `utf16` is in range and not inside a surrogate pair. */
	isBoundary(utf16: number): boolean {
		if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > this.text.length) {
			return false;
		}
		const before = this.pairsBefore(utf16);
		return before === 0 || this.pairs[before - 1] + 1 !== utf16;
	}

	/** Number of pairs starting before UTF-16 offset `utf16`. */
	private pairsBefore(utf16: number): number {
		let low = 0;
		let high = this.pairs.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (this.pairs[middle] < utf16) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}
		return low;
	}
}

/** The length of `text` in code points. */
export function codePointLength(text: string): number {
	let length = text.length;
	for (let i = 0; i < text.length - 1; i++) {
		if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
			length--;
			i++;
		}
	}
	return length;
}

/**
 * The part of `text` from code point `start` to code point `end` (exclusive).
 * @throws RangeError when the offsets are not integers with 0 <= start <= end <= length.
 */
export function sliceCodePoints(text: string, start: number, end: number): string {
	const index = new CodePointIndex(text);
	if (!(start <= end)) {
		throw new RangeError(`the range ${start}..${end} is inverted`);
	}
	return text.slice(index.toUtf16(start), index.toUtf16(end));
}

/**
 * The UTF-16 offset of code point offset `codePoint` in `text`. For many conversions over one
 * text, build a {@link CodePointIndex} once instead.
 * @throws RangeError when `codePoint` is out of range.
 */
export function toUtf16Offset(text: string, codePoint: number): number {
	return new CodePointIndex(text).toUtf16(codePoint);
}

/**
 * The code point offset of UTF-16 offset `utf16` in `text`.
 * @throws RangeError when `utf16` is out of range or splits a surrogate pair.
 */
export function toCodePointOffset(text: string, utf16: number): number {
	return new CodePointIndex(text).toCodePoint(utf16);
}
