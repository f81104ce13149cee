import { codePointLength } from './codepoints';
import { contextSimilarity } from './edit-distance';
import type { IndexedText } from './indexed-text';
import type { TextQuoteSelector } from './types';

/** Code points of context kept before and after a quote. */
export const CONTEXT_LENGTH = 32;

const BREAK = '\n\n';

/**
 * A quote selector ready for comparing contexts. A context shorter than CONTEXT_LENGTH reached
 * the start or end of the text, which counts as a paragraph break. The near part of a context
 * stops at the first paragraph break away from the quote: it travels with the paragraph when
 * the paragraph moves, while the far part does not.
 */
export interface Quote {
	exact: string;
	prefix: string | null;
	nearPrefix: string;
	suffix: string | null;
	nearSuffix: string;
}

/** Prepares a quote selector for comparisons. */
export function prepareQuote(selector: TextQuoteSelector): Quote {
	const prefix =
		selector.prefix === undefined
			? null
			: codePointLength(selector.prefix) < CONTEXT_LENGTH
				? BREAK + selector.prefix
				: selector.prefix;
	const suffix =
		selector.suffix === undefined
			? null
			: codePointLength(selector.suffix) < CONTEXT_LENGTH
				? selector.suffix + BREAK
				: selector.suffix;
	const lastBreak = prefix?.lastIndexOf(BREAK) ?? -1;
	const firstBreak = suffix?.indexOf(BREAK) ?? -1;
	return {
		exact: selector.exact,
		prefix,
		nearPrefix: prefix !== null && lastBreak >= 0 ? prefix.slice(lastBreak) : (prefix ?? ''),
		suffix,
		nearSuffix:
			suffix !== null && firstBreak >= 0
				? suffix.slice(0, firstBreak + BREAK.length)
				: (suffix ?? '')
	};
}

/** How well the text around a candidate agrees with a quote's context. */
export interface ContextScore {
	/** Agreement of the near parts (within the paragraph), in [0, 1]; null without context. */
	near: number | null;
	/** Overall agreement in [0, 1], near parts weighing most; 0.5 without context. */
	score: number;
}

/** Slack around a context, so that a few inserted characters still align. */
const SLACK = 8;

/** Scores the context around UTF-16 range [start, end) of the text against `quote`'s. */
export function scoreContext(
	indexed: IndexedText,
	start: number,
	end: number,
	quote: Quote
): ContextScore {
	const text = indexed.text;
	const sides: { near: number; full: number }[] = [];
	if (quote.prefix !== null) {
		const from = start - quote.prefix.length - SLACK;
		const before = from <= 0 ? BREAK + text.slice(0, start) : text.slice(from, start);
		sides.push({
			near: contextSimilarity(quote.nearPrefix, before, 'before'),
			full: contextSimilarity(quote.prefix, before, 'before')
		});
	}
	if (quote.suffix !== null) {
		const to = end + quote.suffix.length + SLACK;
		const after = to >= text.length ? text.slice(end) + BREAK : text.slice(end, to);
		sides.push({
			near: contextSimilarity(quote.nearSuffix, after, 'after'),
			full: contextSimilarity(quote.suffix, after, 'after')
		});
	}
	if (sides.length === 0) {
		return { near: null, score: 0.5 };
	}
	let near = 0;
	let score = 0;
	for (const side of sides) {
		near += side.near / sides.length;
		score += (0.6 * side.near + 0.4 * side.full) / sides.length;
	}
	return { near, score };
}
