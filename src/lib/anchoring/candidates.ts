import { scoreContext, type ContextScore, type Quote } from './context';
import { approximateMatches } from './fuzzy';
import { isGraphemeBoundary } from './graphemes';
import type { IndexedText } from './indexed-text';

/**
 * Least confidence of a fuzzy result: below it `anchor` answers null and revisions offer no
 * suggestion. A result's confidence never exceeds its quote similarity
 * (1 - edit distance / quote length, in UTF-16 units), so a result at the floor differs from
 * the quote in at most a quarter of its length.
 */
export const CONFIDENCE_FLOOR = 0.75;

/** How much better than the runner-up a candidate must rank to be told apart from it. */
export const MARGIN = 0.025;

/** Weight of closeness to the expected place: below MARGIN, so it never decides alone. */
const CLOSENESS = 0.01;

/** Most exact occurrences whose contexts are compared in full. */
const COMPARED = 16;

/** A possible place for a quote, in UTF-16 units, scored. */
export interface Candidate {
	start: number;
	end: number;
	/** Of the words: 1 - edit distance / quote length. */
	similarity: number;
	context: ContextScore;
	/** similarity × (0.75 + 0.25 × context score), in [0, 1]. */
	confidence: number;
	/** confidence plus a little for closeness to the expected place. */
	rank: number;
}

/** Scores UTF-16 range [start, end) as a place for `quote`. */
export function scoreCandidate(
	indexed: IndexedText,
	quote: Quote,
	start: number,
	end: number,
	similarity: number,
	expected?: number
): Candidate {
	const context = scoreContext(indexed, start, end, quote);
	const confidence = similarity * (0.75 + 0.25 * context.score);
	const closeness =
		expected === undefined
			? 0
			: 1 - Math.min(1, Math.abs(start - expected) / Math.max(1, indexed.text.length));
	return { start, end, similarity, context, confidence, rank: confidence + CLOSENESS * closeness };
}

/** Candidates by rank, best first. */
function byRank(candidates: Candidate[]): Candidate[] {
	return candidates.sort((a, b) => b.rank - a.rank || a.start - b.start);
}

/**
 * The best of `candidates` when it ranks at least MARGIN above every other; null when there is
 * none or when look-alikes cannot be told apart.
 */
export function clearBest(candidates: readonly Candidate[]): Candidate | null {
	let best: Candidate | null = null;
	let second = -Infinity;
	for (const candidate of candidates) {
		if (!best || candidate.rank > best.rank) {
			second = best ? best.rank : second;
			best = candidate;
		} else {
			second = Math.max(second, candidate.rank);
		}
	}
	return best && best.rank - second >= MARGIN ? best : null;
}

/** UTF-16 starts of every occurrence of `exact` that begins and ends between graphemes. */
export function exactOccurrences(indexed: IndexedText, exact: string): number[] {
	const text = indexed.text;
	const starts: number[] = [];
	for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
		if (isGraphemeBoundary(indexed, at) && isGraphemeBoundary(indexed, at + exact.length)) {
			starts.push(at);
		}
	}
	return starts;
}

/**
 * The exact occurrences of the quote at `starts`, scored, best first. Many occurrences are
 * first ranked by how many units of context agree verbatim; only the best few (and the one
 * nearest `expected`) are compared in full.
 */
export function exactCandidates(
	indexed: IndexedText,
	quote: Quote,
	starts: readonly number[],
	expected?: number
): Candidate[] {
	let compared = starts;
	if (starts.length > COMPARED) {
		const verbatim = starts.map((start) => ({ start, agree: agreement(indexed, quote, start) }));
		verbatim.sort((a, b) => b.agree - a.agree || a.start - b.start);
		compared = verbatim.slice(0, COMPARED).map((entry) => entry.start);
		if (expected !== undefined) {
			const nearest = starts.reduce((a, b) =>
				Math.abs(b - expected) < Math.abs(a - expected) ? b : a
			);
			if (!compared.includes(nearest)) {
				compared = [...compared, nearest];
			}
		}
	}
	return byRank(
		compared.map((start) =>
			scoreCandidate(indexed, quote, start, start + quote.exact.length, 1, expected)
		)
	);
}

/** Units of context agreeing verbatim next to an occurrence at `start`. */
function agreement(indexed: IndexedText, quote: Quote, start: number): number {
	const text = indexed.text;
	let agree = 0;
	const prefix = quote.prefix ?? '';
	while (
		agree < prefix.length &&
		text.charCodeAt(start - 1 - agree) === prefix.charCodeAt(prefix.length - 1 - agree)
	) {
		agree++;
	}
	const suffix = quote.suffix ?? '';
	const end = start + quote.exact.length;
	let after = 0;
	while (after < suffix.length && text.charCodeAt(end + after) === suffix.charCodeAt(after)) {
		after++;
	}
	return agree + after;
}

/** Errors allowed in a fuzzy match of `exact` that could still reach the confidence floor. */
export function maxErrors(exact: string): number {
	return Math.floor(exact.length * (1 - CONFIDENCE_FLOOR));
}

/**
 * Passages similar to the quote, scored, best first: in UTF-16 range [from, to) when given,
 * else in the whole text. Exact occurrences are among them. Of overlapping passages only the
 * best ranked is kept, so that variants of one passage never compete as look-alikes.
 */
export function fuzzyCandidates(
	indexed: IndexedText,
	quote: Quote,
	expected?: number,
	from?: number,
	to?: number
): Candidate[] {
	const limit = maxErrors(quote.exact);
	const ranked = byRank(
		approximateMatches(indexed, quote.exact, limit, from, to).map((match) =>
			scoreCandidate(indexed, quote, match.start, match.end, match.similarity, expected)
		)
	);
	const kept: Candidate[] = [];
	for (const candidate of ranked) {
		if (kept.every((other) => candidate.end <= other.start || candidate.start >= other.end)) {
			kept.push(candidate);
		}
	}
	return kept;
}
