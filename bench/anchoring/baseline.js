// The baseline: Hypothesis's anchoring strategy (hypothesis/client, src/annotator/anchoring:
// html.ts and match-quote.ts) with the library it uses, approx-string-match. The position
// selector is tried first and kept when the quote is there; otherwise the quote is searched,
// exactly first (indexOf) and else approximately with up to min(256, length / 2) errors, and the
// candidates are ranked by Hypothesis's weights of quote, prefix, suffix and position. It works
// in UTF-16 units, as Hypothesis does, and it always takes the best candidate it finds.
import approxSearch from 'approx-string-match';

/** Exact matches when there are any, else the approximate ones. */
function search(text, str, maxErrors) {
	const exact = [];
	for (let at = text.indexOf(str); at !== -1; at = text.indexOf(str, at + 1)) {
		exact.push({ start: at, end: at + str.length, errors: 0 });
	}
	return exact.length > 0 ? exact : approxSearch(text, str, maxErrors);
}

function textMatchScore(text, str) {
	if (str.length === 0 || text.length === 0) {
		return 0;
	}
	return 1 - search(text, str, str.length)[0].errors / str.length;
}

/** Hypothesis's matchQuote: the best match for `quote` in `text`, or null. */
export function matchQuote(text, quote, context = {}) {
	if (quote.length === 0) {
		return null;
	}
	const matches = search(text, quote, Math.min(256, quote.length / 2));
	if (matches.length === 0) {
		return null;
	}
	const score = (match) => {
		const quoteScore = 1 - match.errors / quote.length;
		const prefixScore = context.prefix
			? textMatchScore(
					text.slice(Math.max(0, match.start - context.prefix.length), match.start),
					context.prefix
				)
			: 1;
		const suffixScore = context.suffix
			? textMatchScore(text.slice(match.end, match.end + context.suffix.length), context.suffix)
			: 1;
		const posScore =
			typeof context.hint === 'number' ? 1 - Math.abs(match.start - context.hint) / text.length : 1;
		return (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
	};
	return matches
		.map((m) => ({ start: m.start, end: m.end, score: score(m) }))
		.sort((a, b) => b.score - a.score)[0];
}

/**
 * Anchors one claim the way Hypothesis does. `selectors.position` is in UTF-16 units.
 * @returns {{ start: number, end: number } | null} UTF-16 offsets
 */
export function hypothesisAnchor(text, selectors) {
	const { exact, prefix, suffix } = selectors.quote;
	const position = selectors.position;
	if (position && text.slice(position.start, position.end) === exact) {
		return { start: position.start, end: position.end };
	}
	return matchQuote(text, exact, { prefix, suffix, hint: position?.start });
}
