/**
 * Which changed paragraphs of a revision are edits of which old ones: compared by bigrams and
 * by their common start and end, paired in order.
 */
import { commonEnds } from './diff';

/** What separates paragraphs in canonical text. */
export const BREAK = '\n\n';

/** Least bigram similarity for a changed paragraph to count as an edit of an old one. */
const SAME_PARAGRAPH = 0.5;

/** Most pairs of paragraphs compared within one changed stretch. */
const MAX_COMPARISONS = 10_000;

/** The bigrams of text[start, end), as numbers. */
function bigrams(text: string, start: number, end: number): Set<number> {
	const set = new Set<number>();
	for (let i = start; i + 1 < end; i++) {
		set.add(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1));
	}
	return set;
}

/** Bigrams a paragraph needs for its containment in another to count. */
const CONTAINED_BIGRAMS = 8;

/**
 * How much two paragraphs' bigram sets agree: their Dice similarity, or, when most of the
 * smaller one is in the larger (sentences added to or cut from a paragraph), a little less than
 * that share.
 */
function similarity(a: Set<number>, b: Set<number>): number {
	if (a.size === 0 || b.size === 0) {
		return 0;
	}
	const [small, large] = a.size < b.size ? [a, b] : [b, a];
	let shared = 0;
	for (const item of small) {
		if (large.has(item)) {
			shared++;
		}
	}
	const dice = (2 * shared) / (a.size + b.size);
	const contained = small.size >= CONTAINED_BIGRAMS ? (0.75 * shared) / small.size : 0;
	return Math.max(dice, contained >= 0.6 ? contained : 0);
}

/**
 * How much of two paragraphs their common start and end make up, when that is most of the
 * shorter one (an edit in one place: a word replaced, a sentence added or cut): between
 * SAME_PARAGRAPH and 0.75; else 0.
 */
function sharedEnds(
	oldText: string,
	oldStart: number,
	oldEnd: number,
	newText: string,
	newStart: number,
	newEnd: number
): number {
	const shorter = Math.min(oldEnd - oldStart, newEnd - newStart);
	const [head, tail] = commonEnds(oldText, oldStart, oldEnd, newText, newStart, newEnd);
	const share = shorter > 0 ? (head + tail) / shorter : 0;
	return share >= 0.5 ? 0.5 + 0.25 * share : 0;
}

/**
 * Old paragraphs [oldFrom, oldTo) paired in order with new ones [newFrom, newTo) that are edits
 * of them, maximising the total similarity: flat (old, new) index pairs.
 */
export function pairParagraphs(
	oldText: string,
	oldStarts: Int32Array,
	oldFrom: number,
	oldTo: number,
	newText: string,
	newStarts: Int32Array,
	newFrom: number,
	newTo: number
): number[] {
	const n = oldTo - oldFrom;
	const m = newTo - newFrom;
	if (n === 0 || m === 0 || n * m > MAX_COMPARISONS) {
		return [];
	}
	const oldRange = (i: number) =>
		[oldStarts[oldFrom + i], oldStarts[oldFrom + i + 1] - BREAK.length] as const;
	const newRange = (j: number) =>
		[newStarts[newFrom + j], newStarts[newFrom + j + 1] - BREAK.length] as const;
	const oldGrams = Array.from({ length: n }, (_, i) => bigrams(oldText, ...oldRange(i)));
	const newGrams = Array.from({ length: m }, (_, j) => bigrams(newText, ...newRange(j)));
	// best[i][j]: the best total for the first i old and j new paragraphs.
	const width = m + 1;
	const best = new Float64Array((n + 1) * width);
	const similar = new Float64Array(n * m);
	for (let i = 1; i <= n; i++) {
		for (let j = 1; j <= m; j++) {
			const value = Math.max(
				similarity(oldGrams[i - 1], newGrams[j - 1]),
				sharedEnds(oldText, ...oldRange(i - 1), newText, ...newRange(j - 1))
			);
			similar[(i - 1) * m + j - 1] = value;
			const paired = value >= SAME_PARAGRAPH ? best[(i - 1) * width + j - 1] + value : -1;
			best[i * width + j] = Math.max(best[(i - 1) * width + j], best[i * width + j - 1], paired);
		}
	}
	const pairs: number[] = [];
	let i = n;
	let j = m;
	while (i > 0 && j > 0) {
		const value = similar[(i - 1) * m + j - 1];
		if (value >= SAME_PARAGRAPH && best[i * width + j] === best[(i - 1) * width + j - 1] + value) {
			pairs.push(oldFrom + i - 1, newFrom + j - 1);
			i--;
			j--;
		} else if (best[i * width + j] === best[(i - 1) * width + j]) {
			i--;
		} else {
			j--;
		}
	}
	const ordered: number[] = [];
	for (let k = pairs.length - 2; k >= 0; k -= 2) {
		ordered.push(pairs[k], pairs[k + 1]);
	}
	return ordered;
}
