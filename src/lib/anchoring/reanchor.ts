import { anchor } from './anchor';
import {
	clearBest,
	CONFIDENCE_FLOOR,
	exactCandidates,
	exactOccurrences,
	fuzzyCandidates,
	maxErrors,
	type Candidate
} from './candidates';
import { prepareQuote, type Quote } from './context';
import { describe } from './describe';
import { alignTexts, type TextAlignment } from './alignment';
import { isGraphemeBoundary } from './graphemes';
import { indexText, type IndexedText } from './indexed-text';
import type { Described, Selectors } from './types';

/** A passage offered in place of an orphaned claim's words: code points, never applied. */
export interface Suggestion {
	start: number;
	end: number;
	/** In [CONFIDENCE_FLOOR, 1]. */
	confidence: number;
}

/** What became of a claim in a new revision of its text. */
export type Reanchored =
	| {
			/** 'anchored': its exact words at the same place; 'moved': its exact words elsewhere. */
			status: 'anchored' | 'moved';
			/** Code points in the new text. */
			start: number;
			end: number;
			/** Selectors describing it in the new text. */
			selectors: Described;
	  }
	| {
			/** Its words changed, or are gone, or cannot be told apart from look-alikes. */
			status: 'orphaned';
			/** A confident, unambiguous similar passage for an editor to confirm, or null. */
			suggestion: Suggestion | null;
	  };

/** Least agreement of the near context for exact words found elsewhere to count as moved. */
const MOVED_CONTEXT = 0.8;

/**
 * Re-anchors claims made on `oldText` in its revision `newText` (both canonical texts). A claim
 * is 'anchored' when its exact words are at the same place, after accounting for the edits
 * before them (a paragraph-then-character diff maps the old place); 'moved' when its exact words are
 * elsewhere and their near context (within the paragraph) agrees and tells them apart from
 * look-alikes; otherwise 'orphaned' — its words were edited in place (a corrected number is a
 * different claim) or are gone or ambiguous — with a fuzzy suggestion when one reaches
 * CONFIDENCE_FLOOR and is told apart from the others. Only exact words are ever attached; a
 * claim whose words were edited in place is never moved to an unedited look-alike elsewhere.
 * Returns one result per claim, in order. Never throws for selectors that do not fit.
 */
export function reanchor(
	oldText: string | IndexedText,
	newText: string | IndexedText,
	claims: readonly Selectors[]
): Reanchored[] {
	const before = indexText(oldText);
	const after = indexText(newText);
	const alignment = alignTexts(before.text, after.text);
	return claims.map((selectors) => reanchorClaim(before, after, alignment, selectors));
}

function reanchorClaim(
	before: IndexedText,
	after: IndexedText,
	alignment: TextAlignment,
	selectors: Selectors
): Reanchored {
	const quote = prepareQuote(selectors.quote);
	if (quote.exact.length === 0) {
		return { status: 'orphaned', suggestion: null };
	}
	const old = locate(before, selectors);
	let expected: number | undefined;
	if (old) {
		const unchanged = alignment.mapUnchanged(old.start, old.end);
		if (unchanged >= 0 && fits(after, unchanged, quote)) {
			return attached(after, 'anchored', unchanged, quote);
		}
		const shifted = alignment
			.shiftedStarts(old.start, old.end)
			.find((start) => fits(after, start, quote));
		if (shifted !== undefined) {
			return attached(after, 'anchored', shifted, quote);
		}
	}
	const starts = exactOccurrences(after, quote.exact);
	let elsewhere = starts;
	const paragraph = old && alignment.editedParagraph(old.start, old.end);
	if (old && paragraph) {
		// The claim's paragraph was edited: its place is where the diff maps it, within the
		// edited paragraph.
		const from = alignment.mapStart(old.start);
		const to = Math.max(from, alignment.mapEnd(old.end));
		expected = from;
		const here = starts.filter((start) => start < to && start + quote.exact.length > from);
		if (here.length > 0) {
			const best = clearBest(exactCandidates(after, quote, here, expected));
			return best
				? attached(after, 'anchored', best.start, quote)
				: { status: 'orphaned', suggestion: null };
		}
		const slack = quote.exact.length + maxErrors(quote.exact);
		const edited = fuzzyCandidates(
			after,
			quote,
			expected,
			Math.max(paragraph.start, from - slack),
			Math.min(paragraph.end, to + slack)
		).filter((candidate) => candidate.similarity < 1);
		const edit = clearBest(edited);
		if (edit && edit.confidence >= CONFIDENCE_FLOOR) {
			return orphaned(after, edit);
		}
		if (keptAround(before, alignment, old.start, old.end)) {
			// The words around are still there but the claim's own words are not: they were
			// edited in place. Exact look-alikes elsewhere are other passages, not this claim.
			return { status: 'orphaned', suggestion: null };
		}
		elsewhere = starts.filter((start) => !here.includes(start));
	} else if (old) {
		expected = alignment.mapStart(old.start);
	}
	const moved = clearBest(exactCandidates(after, quote, elsewhere, expected));
	if (moved && moved.context.near !== null && moved.context.near >= MOVED_CONTEXT) {
		return attached(after, 'moved', moved.start, quote);
	}
	const suggested = clearBest(fuzzyCandidates(after, quote, expected));
	return orphaned(after, suggested && suggested.confidence >= CONFIDENCE_FLOOR ? suggested : null);
}

/** The claim's UTF-16 range in the old text: its position when that holds, else its quote. */
function locate(before: IndexedText, selectors: Selectors): { start: number; end: number } | null {
	const points = before.codePoints;
	const position = selectors.position;
	if (
		position &&
		Number.isInteger(position.start) &&
		Number.isInteger(position.end) &&
		0 <= position.start &&
		position.start < position.end &&
		position.end <= points.length
	) {
		const start = points.toUtf16(position.start);
		const end = points.toUtf16(position.end);
		if (
			end - start === selectors.quote.exact.length &&
			before.text.startsWith(selectors.quote.exact, start)
		) {
			return { start, end };
		}
	}
	const found = anchor(before, selectors);
	if (!found || found.how === 'fuzzy') {
		return null;
	}
	return { start: points.toUtf16(found.start), end: points.toUtf16(found.end) };
}

/** Units of an unchanged run next to a claim that show its place is still there. */
const KEPT_RUN = 4;

/**
 * True when the text just before or just after old UTF-16 range [start, end) is unchanged (in a
 * run of at least KEPT_RUN units, so that a few characters matched by chance do not count, and
 * not a line break, which a move leaves behind).
 */
function keptAround(
	before: IndexedText,
	alignment: TextAlignment,
	start: number,
	end: number
): boolean {
	const kept = (at: number) =>
		at >= 0 &&
		at < before.text.length &&
		before.text.charCodeAt(at) !== 0x0a &&
		alignment.runLength(at) >= KEPT_RUN;
	return kept(start - 1) || kept(end);
}

/** True when the quote's exact words are at UTF-16 offset `start`, between graphemes. */
function fits(after: IndexedText, start: number, quote: Quote): boolean {
	return (
		after.text.startsWith(quote.exact, start) &&
		isGraphemeBoundary(after, start) &&
		isGraphemeBoundary(after, start + quote.exact.length)
	);
}

function attached(
	after: IndexedText,
	status: 'anchored' | 'moved',
	start: number,
	quote: Quote
): Reanchored {
	const points = after.codePoints;
	const from = points.toCodePoint(start);
	const to = points.toCodePoint(start + quote.exact.length);
	return { status, start: from, end: to, selectors: describe(after, from, to) };
}

function orphaned(after: IndexedText, suggestion: Candidate | null): Reanchored {
	const points = after.codePoints;
	return {
		status: 'orphaned',
		suggestion: suggestion && {
			start: points.toCodePoint(suggestion.start),
			end: points.toCodePoint(suggestion.end),
			confidence: suggestion.confidence
		}
	};
}
