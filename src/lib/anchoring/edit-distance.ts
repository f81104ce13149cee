/**
 * Edit distances (Levenshtein, over UTF-16 code units) by Myers' bit-parallel algorithm, with
 * Hyyrö's blocks for patterns longer than 32 units: O(n * ceil(m / 32)) for a pattern of m
 * units read against n units of text.
 */

/** How the pattern lines up with the text read. */
type Alignment =
	/** The match may begin anywhere: scores are for the best match ending at each unit. */
	| 'search'
	/** The match begins where reading begins: scores are for the whole text read so far. */
	| 'anchored';

/**
 * Edit distances between `pattern` and the text read from UTF-16 offset `from` up to `to`
 * (forwards), or from `from` down to `to` (backwards, reading pattern and text from their
 * ends). Entry t is the distance after reading t + 1 units. Empty for an empty pattern.
 */
export function distances(
	pattern: string,
	text: string,
	from: number,
	to: number,
	alignment: Alignment
): Int32Array {
	const length = pattern.length;
	const backwards = to < from;
	const scores = new Int32Array(Math.abs(to - from));
	if (length === 0) {
		return scores;
	}
	const blocks = (length + 31) >>> 5;
	const equal = new Map<number, Int32Array>();
	for (let i = 0; i < length; i++) {
		const code = pattern.charCodeAt(backwards ? length - 1 - i : i);
		let bits = equal.get(code);
		if (!bits) {
			bits = new Int32Array(blocks);
			equal.set(code, bits);
		}
		bits[i >>> 5] |= 1 << (i & 31);
	}
	const none = new Int32Array(blocks);
	const positive = new Int32Array(blocks).fill(-1);
	const negative = new Int32Array(blocks);
	const lastBit = 1 << ((length - 1) & 31);
	const start = alignment === 'anchored' ? 1 : 0;
	let score = length;
	for (let t = 0; t < scores.length; t++) {
		const code = text.charCodeAt(backwards ? from - 1 - t : from + t);
		const eqs = equal.get(code) ?? none;
		let carry = start;
		for (let b = 0; b < blocks; b++) {
			const top = b === blocks - 1 ? lastBit : 1 << 31;
			const pv = positive[b];
			const mv = negative[b];
			let eq = eqs[b];
			const xv = eq | mv;
			if (carry < 0) {
				eq |= 1;
			}
			const xh = (((eq & pv) + pv) ^ pv) | eq;
			let ph = mv | ~(xh | pv);
			let mh = pv & xh;
			const out = ph & top ? 1 : mh & top ? -1 : 0;
			ph <<= 1;
			mh <<= 1;
			if (carry < 0) {
				mh |= 1;
			} else if (carry > 0) {
				ph |= 1;
			}
			positive[b] = mh | ~(xv | ph);
			negative[b] = ph & xv;
			carry = out;
		}
		score += carry;
		scores[t] = score;
	}
	return scores;
}

/** The Levenshtein distance between `a` and `b`, in UTF-16 code units. */
export function editDistance(a: string, b: string): number {
	if (a.length === 0 || b.length === 0) {
		return a.length + b.length;
	}
	const scores = distances(a, b, 0, b.length, 'anchored');
	return scores[scores.length - 1];
}

/**
 * How well `actual` continues `expected` away from a quote: 1 - d / expected.length, where d is
 * the least edit distance between `expected` and a part of `actual` touching the quote
 * (`actual`'s end when `side` is 'before', its start when 'after'). 1 when `expected` is empty.
 */
export function contextSimilarity(
	expected: string,
	actual: string,
	side: 'before' | 'after'
): number {
	if (expected.length === 0) {
		return 1;
	}
	if (side === 'before' ? actual.endsWith(expected) : actual.startsWith(expected)) {
		return 1;
	}
	const scores =
		side === 'before'
			? distances(expected, actual, actual.length, 0, 'anchored')
			: distances(expected, actual, 0, actual.length, 'anchored');
	let least = expected.length;
	for (const score of scores) {
		least = Math.min(least, score);
	}
	return 1 - least / expected.length;
}
