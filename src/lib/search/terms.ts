import { bigrams, runText, runs } from './tokens';

/**
 * PostgreSQL refuses a tsvector over 1 MB. A document may hold 2 MB of text, so the terms of
 * one indexed value stop at this estimate of its tsvector's size (lexeme bytes, entry header,
 * and two bytes per position up to the 256 kept per lexeme): a very long text is searchable
 * through its first few hundred thousand characters.
 */
export const MAX_VECTOR_BYTES = 600_000;

/** Characters read from one value at most, whatever the budget says (time bound). */
const MAX_CHARS = 400_000;

const encoder = new TextEncoder();

/** Keeps a running estimate of the size of the tsvector of the terms added so far. */
export class TermBudget {
	private bytes = 0;
	private readonly seen = new Map<string, number>();

	constructor(private readonly limit = MAX_VECTOR_BYTES) {}

	/** Counts `term`; false when it no longer fits (and it is not counted). */
	add(term: string): boolean {
		const times = this.seen.get(term);
		const cost = times === undefined ? encoder.encode(term).length + 8 : times < 256 ? 2 : 0;
		if (this.bytes + cost > this.limit) {
			return false;
		}
		this.bytes += cost;
		this.seen.set(term, (times ?? 0) + 1);
		return true;
	}
}

/**
 * The text PostgreSQL indexes for `text`: its terms separated by spaces, for
 * `to_tsvector(config, …)`. Words are folded and kept whole (the database stems them for
 * English); every CJK run becomes its bigrams followed by its last character alone, so that a
 * one-character query (`化:*`) finds each occurrence, at the end of a run too. Pure; a shared
 * `budget` spreads one size limit over several values of one row.
 */
export function searchTerms(text: string, budget = new TermBudget()): string {
	const out: string[] = [];
	// Stored texts are NFC already; anything else is composed first, as stored texts were.
	for (const run of runs(text.normalize('NFC'), MAX_CHARS)) {
		const chars = run.units.map((unit) => unit.ch);
		const terms =
			run.kind === 'word'
				? [chars.join('')]
				: chars.length === 1
					? chars
					: [...bigrams(chars), chars[chars.length - 1]];
		for (const term of terms) {
			if (!budget.add(term)) {
				return out.join(' ');
			}
			out.push(term);
		}
	}
	return out.join(' ');
}

/** A parsed search query: what to ask PostgreSQL, and what to highlight. */
export interface SearchQuery {
	/**
	 * The query in `to_tsquery` syntax: every word and every CJK run must occur, a run as its
	 * bigrams in a row (`'気候' <-> '候変'`), a single CJK character as a prefix of a term.
	 */
	tsquery: string;
	/** The folded words and CJK runs of the query, for highlighting. */
	words: string[];
	cjk: string[];
}

/** The longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 200;

/**
 * Parses what someone typed into a search box. Null when it holds nothing searchable (only
 * punctuation, emoji or spaces). Operands hold only letters, digits and marks, so the result is
 * always valid `to_tsquery` input whatever was typed. With `prefixes`, a word also matches the
 * longer words it begins (`budg` finds `budget`), as a filter typed into a list should.
 */
export function parseQuery(q: string, { prefixes = false } = {}): SearchQuery | null {
	const words: string[] = [];
	const cjk: string[] = [];
	const parts: string[] = [];
	for (const run of runs(q.normalize('NFC'), MAX_QUERY_LENGTH)) {
		const text = runText(run);
		if (run.kind === 'word') {
			if (!words.includes(text)) {
				words.push(text);
				parts.push(prefixes ? `${quote(text)}:*` : quote(text));
			}
			continue;
		}
		if (cjk.includes(text)) {
			continue;
		}
		cjk.push(text);
		const chars = run.units.map((unit) => unit.ch);
		parts.push(
			chars.length === 1 ? `${quote(chars[0])}:*` : `(${bigrams(chars).map(quote).join(' <-> ')})`
		);
	}
	return parts.length ? { tsquery: parts.join(' & '), words, cjk } : null;
}

function quote(term: string): string {
	// Terms hold letters, digits and marks only; quoting keeps to_tsquery from reading any of
	// them as an operator.
	return `'${term}'`;
}

/**
 * Words too common to say that two claims are alike: PostgreSQL's English stop words, which it
 * drops from English texts and queries itself. Dropping them here too keeps a pair of terms
 * from collapsing to one term in the database, and keeps them out of the similarity score.
 */
const STOP_WORDS = new Set(
	(
		'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself ' +
		'she her hers herself it its itself they them their theirs themselves what which who whom ' +
		'this that these those am is are was were be been being have has had having do does did ' +
		'doing a an the and but if or because as until while of at by for with about against ' +
		'between into through during before after above below to from up down in out on off over ' +
		'under again further then once here there when where why how all any both each few more ' +
		'most other some such no nor not only own same so than too very s t can will just don ' +
		'should now'
	).split(' ')
);

/**
 * The distinct terms of a claim that say what it is about: CJK bigrams (a one-character run
 * itself) and words other than common English ones, in order of first appearance. `stem`
 * maps each word (identity by default).
 */
export function claimTerms(text: string, stem: (word: string) => string = (w) => w): string[] {
	const terms = new Set<string>();
	for (const run of runs(text.normalize('NFC'), 5_000)) {
		if (run.kind === 'word') {
			const word = runText(run);
			if (!STOP_WORDS.has(word)) {
				terms.add(stem(word));
			}
			continue;
		}
		for (const term of bigrams(run.units.map((unit) => unit.ch))) {
			terms.add(term);
		}
	}
	return [...terms];
}

/**
 * Pairs of terms used to find candidate matches: at most this many terms take part. Each pair is
 * one more branch the index checks for every claim holding one of the terms: on a million
 * claims 8 terms (28 pairs) took half as long again as 7 (21), which found as many paraphrases
 * (bench/search).
 */
export const MATCH_TERMS = 7;

/**
 * Terms held by more than this share of published claims say little about which claim a text
 * is: they do not take part in finding candidates (they still count in the similarity score).
 */
export const COMMON_SHARE = 0.02;

/**
 * The terms of a claim that find its candidates: the rarest (by `share`, the part of published
 * claims holding each, undefined when unknown, i.e. rarer than any known), at most MATCH_TERMS,
 * leaving out common ones (COMMON_SHARE) unless that leaves fewer than two: then the two
 * rarest. Among equally rare terms, those spread
 * evenly over the text come first, so that without statistics the whole claim takes part.
 */
export function findingTerms(
	terms: readonly string[],
	share: (term: string) => number | undefined = () => undefined
): string[] {
	const step = Math.max(1, terms.length / MATCH_TERMS);
	const spread = new Set(
		Array.from({ length: MATCH_TERMS }, (_, i) => terms[Math.floor(i * step)])
	);
	const ordered = [...spread, ...terms.filter((term) => !spread.has(term))].filter(Boolean);
	const rarest = ordered
		.map((term) => ({ term, share: share(term) ?? 0 }))
		.sort((a, b) => a.share - b.share);
	const telling = rarest.filter((term) => term.share <= COMMON_SHARE);
	return (telling.length >= 2 ? telling.slice(0, MATCH_TERMS) : rarest.slice(0, 2)).map(
		({ term }) => term
	);
}

/**
 * A `to_tsquery` that finds texts sharing at least two of `terms` (see findingTerms), or the
 * only term when there is one. Requiring two shared terms, not one, keeps a claim's common
 * words from pulling in a large part of the collection: the index answers it without reading
 * the rows. Null without terms.
 */
export function pairQuery(terms: readonly string[]): string | null {
	if (terms.length === 0) {
		return null;
	}
	if (terms.length === 1) {
		return quote(terms[0]);
	}
	const pairs: string[] = [];
	for (let i = 0; i < terms.length; i++) {
		for (let j = i + 1; j < terms.length; j++) {
			pairs.push(`(${quote(terms[i])} & ${quote(terms[j])})`);
		}
	}
	return pairs.join(' | ');
}

/** A `to_tsquery` matching any of `terms` (for ranking candidates); null without terms. */
export function anyQuery(terms: readonly string[]): string | null {
	return terms.length ? terms.map(quote).join(' | ') : null;
}
