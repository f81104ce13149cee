/**
 * Where two versions of a text are the same: a paragraph diff, then a character diff inside each
 * edited paragraph, both by Myers' O((N + M) D) algorithm with a bound on D (beyond it only the
 * common start and end count as unchanged). Used to tell whether a claim's words are still at
 * the same place after a revision.
 */

/**
 * Runs of equal items of `a` and `b` on a shortest edit script, as flat triples
 * (aStart, bStart, length), ascending. When more than `maxEdits` insertions and deletions are
 * needed apart from the common start and end, only those two runs.
 */
export function diffSequences(
	a: ArrayLike<number>,
	b: ArrayLike<number>,
	maxEdits: number
): number[] {
	let head = 0;
	while (head < a.length && head < b.length && a[head] === b[head]) {
		head++;
	}
	let tail = 0;
	while (
		tail < a.length - head &&
		tail < b.length - head &&
		a[a.length - 1 - tail] === b[b.length - 1 - tail]
	) {
		tail++;
	}
	const n = a.length - head - tail;
	const m = b.length - head - tail;
	const middle = (n > 0 && m > 0 && shortestEdit(a, b, head, n, m, maxEdits)) || [];
	const runs: number[] = [];
	if (head > 0) {
		runs.push(0, 0, head);
	}
	runs.push(...middle);
	if (tail > 0) {
		runs.push(a.length - tail, b.length - tail, tail);
	}
	return runs;
}

/** Myers' greedy algorithm on a[offset, offset + n) and b[offset, offset + m). */
function shortestEdit(
	a: ArrayLike<number>,
	b: ArrayLike<number>,
	offset: number,
	n: number,
	m: number,
	maxEdits: number
): number[] | null {
	const limit = Math.min(n + m, maxEdits);
	const origin = limit + 1;
	const furthest = new Int32Array(2 * limit + 3);
	const trace: Int32Array[] = [];
	let done = -1;
	for (let d = 0; d <= limit && done < 0; d++) {
		for (let k = -d; k <= d; k += 2) {
			let x =
				k === -d || (k !== d && furthest[origin + k - 1] < furthest[origin + k + 1])
					? furthest[origin + k + 1]
					: furthest[origin + k - 1] + 1;
			let y = x - k;
			while (x < n && y < m && a[offset + x] === b[offset + y]) {
				x++;
				y++;
			}
			furthest[origin + k] = x;
			if (x >= n && y >= m) {
				done = d;
				break;
			}
		}
		trace.push(furthest.slice(origin - d, origin + d + 1));
	}
	if (done < 0) {
		return null;
	}
	// Walk back from (n, m), collecting the diagonal runs (snakes) in reverse.
	const reversed: number[] = [];
	let x = n;
	let y = m;
	for (let d = done; d > 0; d--) {
		const previous = trace[d - 1];
		const at = (k: number) => previous[k + d - 1];
		const k = x - y;
		const fromK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
		const fromX = at(fromK);
		const fromY = fromX - fromK;
		const startX = fromK === k + 1 ? fromX : fromX + 1;
		const length = x - startX;
		if (length > 0) {
			reversed.push(offset + startX, offset + startX - k, length);
		}
		x = fromX;
		y = fromY;
	}
	if (x > 0) {
		reversed.push(offset, offset, x);
	}
	const runs: number[] = [];
	for (let i = reversed.length - 3; i >= 0; i -= 3) {
		runs.push(reversed[i], reversed[i + 1], reversed[i + 2]);
	}
	return runs;
}

const BREAK = '\n\n';

/**
 * The paragraphs of `text` (split at blank lines) as ids shared between texts through `ids`,
 * and where each starts; starts has one more entry, as if a break followed the last paragraph.
 */
function paragraphs(
	text: string,
	ids: Map<string, number>
): { ids: Int32Array; starts: Int32Array } {
	const parts = text.split(BREAK);
	const result = { ids: new Int32Array(parts.length), starts: new Int32Array(parts.length + 1) };
	let at = 0;
	parts.forEach((part, i) => {
		let id = ids.get(part);
		if (id === undefined) {
			id = ids.size;
			ids.set(part, id);
		}
		result.ids[i] = id;
		result.starts[i] = at;
		at += part.length + BREAK.length;
	});
	result.starts[parts.length] = at;
	return result;
}

/** Edits allowed in a character diff of a stretch of `size` units: bounded work per stretch. */
function editBudget(size: number): number {
	return Math.max(16, Math.min(2000, Math.floor(4_000_000 / Math.max(1, size))));
}

/**
 * The unchanged runs between an old and a new text, ascending and merged, as UTF-16 offsets.
 * Positions inside a run map exactly; others map to the edges of the change around them.
 */
export class TextAlignment {
	private readonly oldStarts: Int32Array;
	private readonly newStarts: Int32Array;
	private readonly lengths: Int32Array;
	private readonly newLength: number;
	/** Edited paragraphs: flat (oldStart, oldEnd, newStart, newEnd), ascending. */
	private readonly edited: readonly number[];

	constructor(runs: readonly number[], newLength: number, edited: readonly number[] = []) {
		const count = runs.length / 3;
		this.oldStarts = new Int32Array(count);
		this.newStarts = new Int32Array(count);
		this.lengths = new Int32Array(count);
		for (let i = 0; i < count; i++) {
			this.oldStarts[i] = runs[3 * i];
			this.newStarts[i] = runs[3 * i + 1];
			this.lengths[i] = runs[3 * i + 2];
		}
		this.newLength = newLength;
		this.edited = edited;
	}

	/**
	 * The new range of the paragraph that is an edit of the old paragraph holding all of old
	 * range [start, end), or null when that paragraph is unchanged, gone, moved or rewritten.
	 */
	editedParagraph(start: number, end: number): { start: number; end: number } | null {
		let low = 0;
		let high = this.edited.length / 4;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (this.edited[4 * middle] <= start) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}
		const pair = 4 * (low - 1);
		return pair >= 0 && end <= this.edited[pair + 1]
			? { start: this.edited[pair + 2], end: this.edited[pair + 3] }
			: null;
	}

	/** The new start of old range [start, end) when all of it is unchanged, else -1. */
	mapUnchanged(start: number, end: number): number {
		const run = this.runAtOrBefore(start);
		if (run < 0 || end > this.oldStarts[run] + this.lengths[run]) {
			return -1;
		}
		return this.newStarts[run] + start - this.oldStarts[run];
	}

	/** Length of the unchanged run holding old offset `at`, or 0 when it changed. */
	runLength(at: number): number {
		const run = this.runAtOrBefore(at);
		return run >= 0 && at < this.oldStarts[run] + this.lengths[run] ? this.lengths[run] : 0;
	}

	/** Where old offset `start` is in the new text, or where the change around it begins. */
	mapStart(start: number): number {
		const run = this.runAtOrBefore(start);
		if (run < 0) {
			return 0;
		}
		return this.newStarts[run] + Math.min(start - this.oldStarts[run], this.lengths[run]);
	}

	/** Where old offset `end` is in the new text, or where the change around it ends. */
	mapEnd(end: number): number {
		const run = this.runAtOrBefore(end - 1);
		if (run >= 0 && end <= this.oldStarts[run] + this.lengths[run]) {
			return this.newStarts[run] + end - this.oldStarts[run];
		}
		return run + 1 < this.lengths.length ? this.newStarts[run + 1] : this.newLength;
	}

	/** The last run starting at or before old offset `at`, or -1. */
	private runAtOrBefore(at: number): number {
		let low = 0;
		let high = this.oldStarts.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (this.oldStarts[middle] <= at) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}
		return low - 1;
	}
}

/** Least bigram similarity for a changed paragraph to count as an edit of an old one. */
const SAME_PARAGRAPH = 0.5;

/** Most pairs of paragraphs compared within one changed stretch. */
const MAX_COMPARISONS = 10_000;

/**
 * Aligns `oldText` with `newText`: paragraphs first; then, within each stretch of changed
 * paragraphs, each old paragraph with the new one that is an edit of it (by bigram similarity,
 * in order); then characters within each such pair. Diffing whole stretches by characters
 * instead would match scattered characters of unrelated paragraphs and misplace the words.
 */
export function alignTexts(oldText: string, newText: string): TextAlignment {
	// The texts' common start and end are unchanged whatever the paragraphs look like.
	const [head, tail] = commonEnds(oldText, 0, oldText.length, newText, 0, newText.length);
	const middle = alignParagraphs(
		oldText.slice(head, oldText.length - tail),
		newText.slice(head, newText.length - tail)
	);
	const runs: number[] = [];
	pushRun(runs, 0, 0, head);
	for (let i = 0; i < middle.runs.length; i += 3) {
		pushRun(runs, head + middle.runs[i], head + middle.runs[i + 1], middle.runs[i + 2]);
	}
	pushRun(runs, oldText.length - tail, newText.length - tail, tail);
	return new TextAlignment(
		runs,
		newText.length,
		middle.edited.map((offset) => head + offset)
	);
}

/** The runs and edited paragraphs of aligning two texts with no common start or end. */
function alignParagraphs(oldText: string, newText: string): { runs: number[]; edited: number[] } {
	const ids = new Map<string, number>();
	const before = paragraphs(oldText, ids);
	const after = paragraphs(newText, ids);
	const paragraphRuns = diffSequences(before.ids, after.ids, 4000);
	const runs: number[] = [];
	const edited: number[] = [];
	let oldParagraph = 0;
	let newParagraph = 0;
	const addStretch = (oldEnd: number, newEnd: number) => {
		if (oldEnd === oldParagraph || newEnd === newParagraph) {
			return;
		}
		// The stretch's common start and end are unchanged whatever happened between them
		// (paragraphs joined or split included); the edited paragraphs fill in the middle.
		const oldStart = before.starts[oldParagraph];
		const oldStop = before.starts[oldEnd] - BREAK.length;
		const newStart = after.starts[newParagraph];
		const newStop = after.starts[newEnd] - BREAK.length;
		const [head, tail] = commonEnds(oldText, oldStart, oldStop, newText, newStart, newStop);
		pushRun(runs, oldStart, newStart, head);
		const pairs = pairParagraphs(
			oldText,
			before.starts,
			oldParagraph,
			oldEnd,
			newText,
			after.starts,
			newParagraph,
			newEnd
		);
		if (pairs.length === 0 && oldEnd - oldParagraph === 1 && newEnd - newParagraph === 1) {
			// One paragraph replaced by one other, at the same place: a rewrite of it.
			edited.push(oldStart, oldStop, newStart, newStop);
		}
		const middle: number[] = [];
		for (let i = 0; i < pairs.length; i += 2) {
			const [a, b] = [pairs[i], pairs[i + 1]];
			const range = [
				before.starts[a],
				before.starts[a + 1] - BREAK.length,
				after.starts[b],
				after.starts[b + 1] - BREAK.length
			];
			edited.push(...range);
			addCharacterRuns(middle, oldText, range[0], range[1], newText, range[2], range[3]);
		}
		for (let i = 0; i < middle.length; i += 3) {
			const [o, n, length] = [middle[i], middle[i + 1], middle[i + 2]];
			const skip = Math.max(0, oldStart + head - o, newStart + head - n);
			const stop = Math.min(o + length, oldStop - tail, o + (newStop - tail - n));
			pushRun(runs, o + skip, n + skip, stop - (o + skip));
		}
		pushRun(runs, oldStop - tail, newStop - tail, tail);
	};
	for (let i = 0; i < paragraphRuns.length; i += 3) {
		const [a, b, count] = [paragraphRuns[i], paragraphRuns[i + 1], paragraphRuns[i + 2]];
		addStretch(a, b);
		// The run's paragraphs with the breaks between them (and after them, unless last).
		const oldStart = before.starts[a];
		const newStart = after.starts[b];
		const length = Math.min(
			before.starts[a + count] - oldStart,
			oldText.length - oldStart,
			newText.length - newStart
		);
		pushRun(runs, oldStart, newStart, length);
		oldParagraph = a + count;
		newParagraph = b + count;
	}
	addStretch(before.ids.length, after.ids.length);
	return { runs, edited };
}

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

/** Lengths of the common start and (not overlapping it) common end of two ranges. */
function commonEnds(
	oldText: string,
	oldStart: number,
	oldEnd: number,
	newText: string,
	newStart: number,
	newEnd: number
): [number, number] {
	const shorter = Math.min(oldEnd - oldStart, newEnd - newStart);
	let head = 0;
	while (
		head < shorter &&
		oldText.charCodeAt(oldStart + head) === newText.charCodeAt(newStart + head)
	) {
		head++;
	}
	let tail = 0;
	while (
		tail < shorter - head &&
		oldText.charCodeAt(oldEnd - 1 - tail) === newText.charCodeAt(newEnd - 1 - tail)
	) {
		tail++;
	}
	return [head, tail];
}

/**
 * Old paragraphs [oldFrom, oldTo) paired in order with new ones [newFrom, newTo) that are edits
 * of them, maximising the total similarity: flat (old, new) index pairs.
 */
function pairParagraphs(
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

/** Adds the runs of a character diff of old [oldStart, oldEnd) and new [newStart, newEnd). */
function addCharacterRuns(
	runs: number[],
	oldText: string,
	oldStart: number,
	oldEnd: number,
	newText: string,
	newStart: number,
	newEnd: number
): void {
	if (oldEnd <= oldStart || newEnd <= newStart) {
		return;
	}
	const a = codeUnits(oldText, oldStart, oldEnd);
	const b = codeUnits(newText, newStart, newEnd);
	const found = diffSequences(a, b, editBudget(a.length + b.length));
	for (let i = 0; i < found.length; i += 3) {
		pushRun(runs, oldStart + found[i], newStart + found[i + 1], found[i + 2]);
	}
}

function codeUnits(text: string, start: number, end: number): Uint16Array {
	const units = new Uint16Array(end - start);
	for (let i = 0; i < units.length; i++) {
		units[i] = text.charCodeAt(start + i);
	}
	return units;
}

/** Appends a run, merging it with the last one when they touch in both texts. */
function pushRun(runs: number[], oldStart: number, newStart: number, length: number): void {
	if (length <= 0) {
		return;
	}
	const last = runs.length - 3;
	if (
		last >= 0 &&
		runs[last] + runs[last + 2] === oldStart &&
		runs[last + 1] + runs[last + 2] === newStart
	) {
		runs[last + 2] += length;
	} else {
		runs.push(oldStart, newStart, length);
	}
}
