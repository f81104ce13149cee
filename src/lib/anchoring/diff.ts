/**
 * Myers' O((N + M) D) diff of two sequences, with a bound on D (beyond it only the common start
 * and end count as unchanged).
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

/** Lengths of the common start and (not overlapping it) common end of two ranges. */
export function commonEnds(
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
