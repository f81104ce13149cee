/**
 * Where two versions of a text are the same: a paragraph diff, then a character diff inside each
 * edited paragraph. Used to tell whether a claim's words are still at the same place after a
 * revision.
 */
import { commonEnds, diffSequences } from './diff';
import { BREAK, pairParagraphs } from './paragraph-pairs';

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
	private readonly oldLength: number;
	/** Edited paragraphs: flat (oldStart, oldEnd, newStart, newEnd), ascending. */
	private readonly edited: readonly number[];

	constructor(
		runs: readonly number[],
		oldLength: number,
		newLength: number,
		edited: readonly number[] = []
	) {
		const count = runs.length / 3;
		this.oldStarts = new Int32Array(count);
		this.newStarts = new Int32Array(count);
		this.lengths = new Int32Array(count);
		for (let i = 0; i < count; i++) {
			this.oldStarts[i] = runs[3 * i];
			this.newStarts[i] = runs[3 * i + 1];
			this.lengths[i] = runs[3 * i + 2];
		}
		this.oldLength = oldLength;
		this.newLength = newLength;
		this.edited = edited;
	}

	/**
	 * The new range of the paragraph that is an edit of the old paragraph holding all of old
	 * range [start, end), or null when that paragraph is unchanged, gone or moved.
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

	/**
	 * Where old range [start, end), which is not all in one run, may be in the new text when it
	 * touches a single change: kept at its distance from the change's start or from its end.
	 * Where the edit could be placed differently (a deletion of "ab" from "abab" may take either
	 * pair), one of these is where the words are. Callers check the text there.
	 */
	shiftedStarts(start: number, end: number): number[] {
		const run = this.runAtOrBefore(start);
		const count = this.lengths.length;
		const leftOld = run >= 0 ? this.oldStarts[run] : 0;
		const leftNew = run >= 0 ? this.newStarts[run] : 0;
		const gapOld = run >= 0 ? leftOld + this.lengths[run] : 0;
		const gapNew = run >= 0 ? leftNew + this.lengths[run] : 0;
		const rightOld = run + 1 < count ? this.oldStarts[run + 1] : this.oldLength;
		const rightNew = run + 1 < count ? this.newStarts[run + 1] : this.newLength;
		const rightOldEnd = run + 1 < count ? rightOld + this.lengths[run + 1] : this.oldLength;
		const rightNewEnd = run + 1 < count ? rightNew + this.lengths[run + 1] : this.newLength;
		if (end > rightOldEnd) {
			return [];
		}
		return [start - gapOld + gapNew, start - rightOld + rightNew].filter(
			(at) => at >= leftNew && at + (end - start) <= rightNewEnd
		);
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
		oldText.length,
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
