import type { SearchQuery } from './terms';
import { runs, runText, type Run } from './tokens';

/**
 * A rough English stem, for highlighting and similarity only (PostgreSQL's Snowball stemmer
 * decides what matches): `prices`, `priced` and `price` all become `pric`, `running` `run`.
 * Words with anything but a–z are returned as they are.
 */
export function roughStem(word: string): string {
	if (!/^[a-z]{4,}$/.test(word)) {
		return word;
	}
	let stem = word;
	for (const [suffix, replacement] of [
		['ies', 'y'],
		['ing', ''],
		['ed', ''],
		['es', ''],
		['ly', ''],
		['s', '']
	] as const) {
		if (stem.endsWith(suffix) && stem.length - suffix.length >= 3) {
			stem = stem.slice(0, -suffix.length) + replacement;
			break;
		}
	}
	// runn(ing) → run, pric(e) → pric: the forms of one word meet.
	if (/([b-df-hj-np-tv-z])\1$/.test(stem)) {
		stem = stem.slice(0, -1);
	}
	return stem.length > 3 && stem.endsWith('e') ? stem.slice(0, -1) : stem;
}

/** A half-open UTF-16 range of the original text. */
interface Range {
	start: number;
	end: number;
}

/** Where the query's words and CJK runs occur in `text` (UTF-16 ranges, in order). */
export function matches(text: string, query: Pick<SearchQuery, 'words' | 'cjk'>): Range[] {
	const stems = new Set(query.words.map(roughStem));
	const found: Range[] = [];
	for (const run of runs(text)) {
		if (run.kind === 'word') {
			if (stems.has(roughStem(runText(run)))) {
				found.push({ start: run.units[0].start, end: run.units[run.units.length - 1].end });
			}
			continue;
		}
		found.push(...cjkMatches(run, query.cjk));
	}
	return merge(found);
}

function cjkMatches(run: Run, needles: readonly string[]): Range[] {
	const found: Range[] = [];
	const chars = run.units.map((unit) => unit.ch);
	for (const needle of needles) {
		const wanted = [...needle];
		for (let i = 0; i + wanted.length <= chars.length; i++) {
			if (wanted.every((ch, k) => chars[i + k] === ch)) {
				found.push({ start: run.units[i].start, end: run.units[i + wanted.length - 1].end });
			}
		}
	}
	return found;
}

function merge(ranges: Range[]): Range[] {
	const sorted = [...ranges].sort((a, b) => a.start - b.start);
	const out: Range[] = [];
	for (const range of sorted) {
		const last = out[out.length - 1];
		if (last && range.start <= last.end) {
			last.end = Math.max(last.end, range.end);
		} else {
			out.push({ ...range });
		}
	}
	return out;
}

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** `text` with every character that means something in HTML escaped. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** Moves a UTF-16 offset off the second half of a surrogate pair, so no character is cut. */
function onCharacter(text: string, at: number): number {
	const code = text.charCodeAt(at);
	return code >= 0xdc00 && code <= 0xdfff ? at + 1 : at;
}

/**
 * A passage of `text` of about `length` characters around the densest cluster of the query's
 * matches, as HTML: the text escaped, each match in `<mark>`, white space collapsed, `…` where
 * it was cut. Safe to render with `{@html}`: nothing of `text` survives unescaped. Without a
 * match it is the start of the text. Never cuts a surrogate pair.
 */
export function snippet(
	text: string,
	query: Pick<SearchQuery, 'words' | 'cjk'> | null,
	length = 180
): string {
	// Long texts: the matches are looked for in a bounded prefix, as the index holds one too.
	const source = text.length > 400_000 ? text.slice(0, onCharacter(text, 400_000)) : text;
	const found = query ? matches(source, query) : [];
	let start = 0;
	if (found.length > 0 && source.length > length) {
		let best = 0;
		let bestCount = 0;
		for (let i = 0; i < found.length; i++) {
			let count = 0;
			for (let k = i; k < found.length && found[k].end <= found[i].start + length; k++) {
				count++;
			}
			if (count > bestCount) {
				best = i;
				bestCount = count;
			}
		}
		// A little context before the first match, from a word's start where there are spaces.
		start = Math.max(0, found[best].start - Math.floor(length / 4));
		const space = source.slice(start, found[best].start).search(/\s/);
		if (start > 0 && space >= 0) {
			start += space + 1;
		}
	}
	start = onCharacter(source, start);
	const end = onCharacter(source, Math.min(source.length, start + length));
	let html = start > 0 ? '…' : '';
	let at = start;
	const piece = (from: number, to: number) =>
		escapeHtml(source.slice(from, to).replace(/\s+/g, ' '));
	for (const range of found) {
		if (range.end <= start || range.start >= end) {
			continue;
		}
		const from = Math.max(range.start, start);
		const to = Math.min(range.end, end);
		html += piece(at, from) + `<mark>${piece(from, to)}</mark>`;
		at = to;
	}
	html += piece(at, end);
	return end < text.length ? `${html.trimEnd()}…` : html;
}

/**
 * How alike two claims are, from 0 to 1: the Dice coefficient of their terms (CJK bigrams and
 * roughly stemmed words, without English stop words). A paraphrase that keeps the key words
 * scores well above unrelated claims on the same topic. Pure.
 */
export function similarity(a: readonly string[], b: readonly string[]): number {
	if (a.length === 0 || b.length === 0) {
		return 0;
	}
	const other = new Set(b);
	const shared = new Set(a.filter((term) => other.has(term))).size;
	return (2 * shared) / (new Set(a).size + other.size);
}
