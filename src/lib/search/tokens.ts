/**
 * How Factmark cuts text into searchable pieces, the same way for the index, for queries and
 * for highlighting. Chinese, Japanese and Korean are written without spaces between words (or,
 * in Korean, with particles glued to them), so a run of those scripts is indexed as its
 * overlapping character pairs (bigrams): a two-character word is one bigram, a four-character
 * idiom three adjacent ones. Other scripts are cut into words at anything that is not a letter,
 * digit or mark. Both are NFKC-folded (full-width letters, half-width katakana, compatibility
 * ideographs) and lower-cased here, in JavaScript, so that the result does not depend on the
 * database's locale.
 */

/** One character of the folded text, with where its source code point is in the original. */
export interface Unit {
	/** The character after NFKC and lower-casing. */
	ch: string;
	/** UTF-16 offsets of the source code point in the original text. */
	start: number;
	end: number;
}

/** A maximal run of word characters of one kind. */
export interface Run {
	kind: 'cjk' | 'word';
	units: Unit[];
}

const CJK = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Bopomofo}]/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;
const MARK = /\p{M}/u;

type Kind = 'cjk' | 'word' | 'mark' | null;

function kindOf(ch: string): Kind {
	const code = ch.charCodeAt(0);
	if (code < 0x80) {
		return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) ? 'word' : null;
	}
	if (!WORD.test(ch)) {
		return null;
	}
	if (CJK.test(ch)) {
		return 'cjk';
	}
	return MARK.test(ch) ? 'mark' : 'word';
}

/**
 * The runs of word characters in `text`, in order, each character folded (NFKC, lower case)
 * and carrying the UTF-16 range of the code point it came from. Pure; never throws. Stops
 * early once `limit` characters have been read (a bound for very long texts).
 */
export function runs(text: string, limit = Infinity): Run[] {
	const result: Run[] = [];
	// Widened: the loop reassigns it in ways the compiler's narrowing does not follow.
	let current = null as Run | null;
	let at = 0;
	let read = 0;
	for (const cp of text) {
		const start = at;
		at += cp.length;
		if (read++ >= limit) {
			break;
		}
		const code = cp.charCodeAt(0);
		// ASCII needs no Unicode folding: the common case of long English texts stays fast.
		const folded =
			code < 0x80 ? (code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : cp) : fold(cp);
		for (const ch of folded) {
			const kind = kindOf(ch);
			if (kind === null) {
				current = null;
				continue;
			}
			// A combining mark belongs to the run before it, whatever its script.
			const runKind: Run['kind'] = kind === 'mark' ? (current?.kind ?? 'word') : kind;
			if (!current || current.kind !== runKind) {
				current = { kind: runKind, units: [] };
				result.push(current);
			}
			current.units.push({ ch, start, end: at });
		}
	}
	return result;
}

function fold(cp: string): string {
	return cp.normalize('NFKC').toLowerCase();
}

/** The text of a run. */
export function runText(run: Run): string {
	return run.units.map((unit) => unit.ch).join('');
}

/**
 * The overlapping character pairs of a CJK run; a one-character run is that character.
 * `気候変動` → `気候 候変 変動`.
 */
export function bigrams(chars: readonly string[]): string[] {
	if (chars.length === 1) {
		return [chars[0]];
	}
	const pairs: string[] = [];
	for (let i = 0; i + 1 < chars.length; i++) {
		pairs.push(chars[i] + chars[i + 1]);
	}
	return pairs;
}

/** Whether a folded character is one of the scripts searched by bigrams. */
export function isCjk(ch: string): boolean {
	return kindOf(ch) === 'cjk';
}
