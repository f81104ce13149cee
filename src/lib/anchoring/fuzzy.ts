import { distances, editDistance } from './edit-distance';
import { isGraphemeBoundary } from './graphemes';
import type { IndexedText } from './indexed-text';

/** A passage similar to a pattern: UTF-16 range and similarity 1 - distance / pattern length. */
export interface Approximate {
	start: number;
	end: number;
	similarity: number;
}

/** Most separate matches kept from one stretch of text verified. */
const MATCHES_PER_STRETCH = 4;

/** Most ends at the same distance kept for one match. */
const ENDS_PER_MATCH = 4;

/**
 * Passages of the text within `maxErrors` edits of `pattern` (Levenshtein over UTF-16 units),
 * best first, on grapheme boundaries; where one passage could end at several places at the
 * same distance, each of them (they overlap: context decides between them). Searches UTF-16
 * range [from, to) when given; otherwise the whole text, verifying only the stretches where
 * enough of the pattern's n-grams occur close together (a q-gram filter: a match with k errors
 * keeps all but k of the pattern's disjoint n-grams), so the cost follows the hits, not the
 * text's length.
 */
export function approximateMatches(
	indexed: IndexedText,
	pattern: string,
	maxErrors: number,
	from = 0,
	to = indexed.text.length
): Approximate[] {
	if (pattern.length === 0) {
		return [];
	}
	const whole = from === 0 && to === indexed.text.length;
	const stretches = whole
		? candidateStretches(indexed, pattern, maxErrors)
		: [Math.max(0, from), Math.min(indexed.text.length, to)];
	const found: Approximate[] = [];
	for (let i = 0; i < stretches.length; i += 2) {
		verify(indexed, pattern, maxErrors, stretches[i], stretches[i + 1], found);
	}
	found.sort((a, b) => b.similarity - a.similarity || a.start - b.start || a.end - b.end);
	return found.filter(
		(match, i) => i === 0 || match.start !== found[i - 1].start || match.end !== found[i - 1].end
	);
}

/** Stretches of the text ([from, to) pairs, ascending, disjoint) where a match may be. */
function candidateStretches(indexed: IndexedText, pattern: string, maxErrors: number): number[] {
	const length = pattern.length;
	const needed = (size: number) => Math.floor(length / size) - maxErrors;
	const size = needed(3) >= 2 ? 3 : needed(2) >= 1 ? 2 : 0;
	if (size === 0) {
		return [0, indexed.text.length];
	}
	const grams = indexed.gramIndex(size);
	const pieces = Math.floor(length / size);
	const diagonals: number[] = [];
	for (let piece = 0; piece < pieces; piece++) {
		const offset = piece * size;
		grams.forEach(pattern, offset, (position) => diagonals.push(position - offset));
	}
	const sorted = Int32Array.from(diagonals).sort();
	const stretches: number[] = [];
	const need = needed(size);
	let last = 0;
	for (let first = 0; first < sorted.length; first++) {
		last = Math.max(last, first);
		while (last + 1 < sorted.length && sorted[last + 1] - sorted[first] <= 2 * maxErrors) {
			last++;
		}
		if (last - first + 1 >= need) {
			const start = Math.max(0, sorted[first] - maxErrors);
			const end = Math.min(indexed.text.length, sorted[last] + length + maxErrors);
			const previous = stretches.length - 1;
			if (previous > 0 && start <= stretches[previous]) {
				stretches[previous] = Math.max(stretches[previous], end);
			} else {
				stretches.push(start, end);
			}
		}
	}
	return stretches;
}

/** Adds the best matches ending in UTF-16 range [from, to) to `found`. */
function verify(
	indexed: IndexedText,
	pattern: string,
	maxErrors: number,
	from: number,
	to: number,
	found: Approximate[]
): void {
	const text = indexed.text;
	const scores = distances(pattern, text, from, to, 'search');
	const ends: number[] = [];
	for (let t = 0; t < scores.length; t++) {
		if (scores[t] <= maxErrors) {
			ends.push(t);
		}
	}
	ends.sort((a, b) => scores[a] - scores[b] || a - b);
	const chosen: number[] = [];
	const centres: number[] = [];
	for (const t of ends) {
		if (centres.length >= MATCHES_PER_STRETCH) {
			break;
		}
		if (centres.every((other) => Math.abs(other - t) > pattern.length / 2)) {
			centres.push(t);
			let kept = 0;
			for (const u of ends) {
				if (
					scores[u] === scores[t] &&
					Math.abs(u - t) <= pattern.length / 2 &&
					kept < ENDS_PER_MATCH
				) {
					chosen.push(u);
					kept++;
				}
			}
		}
	}
	for (const t of chosen) {
		const end = from + t + 1;
		// The start: the anchored alignment ending here, read backwards, of least distance.
		const back = distances(
			pattern,
			text,
			end,
			Math.max(0, end - pattern.length - maxErrors),
			'anchored'
		);
		let best = 0;
		for (let u = 1; u < back.length; u++) {
			const closer = Math.abs(u + 1 - pattern.length) < Math.abs(best + 1 - pattern.length);
			if (back[u] < back[best] || (back[u] === back[best] && closer)) {
				best = u;
			}
		}
		const start = end - best - 1;
		let snappedStart = start;
		let snappedEnd = end;
		while (!isGraphemeBoundary(indexed, snappedStart)) {
			snappedStart--;
		}
		while (!isGraphemeBoundary(indexed, snappedEnd)) {
			snappedEnd++;
		}
		const errors =
			snappedStart === start && snappedEnd === end
				? back[best]
				: editDistance(pattern, text.slice(snappedStart, snappedEnd));
		if (errors <= maxErrors) {
			found.push({ start: snappedStart, end: snappedEnd, similarity: 1 - errors / pattern.length });
		}
	}
}
