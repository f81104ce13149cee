/**
 * `@Name` mentions in comments, as pure text code shared by the comment box (autocomplete)
 * and the thread (highlighting). The server's rule, which this follows: `@` and the exact name
 * of an active editor or reviewer, then no further letter or digit; longer names win.
 */

export interface Person {
	id: string;
	name: string;
}

/** The `@fragment` being typed: `start` is the offset of the `@`, `end` the caret's (UTF-16 offsets, as in `selectionStart`). */
export interface MentionQuery {
	start: number;
	end: number;
	query: string;
}

/** A piece of a comment's text: plain, or a mention of a known person. */
export type BodyPart = { text: string; person?: undefined } | { text: string; person: Person };

// A fragment longer than any plausible name is ordinary text that happens to follow an `@`.
const MAX_FRAGMENT = 64;

// Scripts written without spaces: there `@` may follow a letter directly (請問@王小明).
const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
// Before an `@` these make it part of a word or an address (ann@example.org, @@), not a mention.
const wordLike = /[\p{L}\p{N}\p{M}._%+\-@/]/u;

/**
 * The `@fragment` that ends at `caret`, or null when the caret is not in one. The `@` starts
 * the text or follows a space, punctuation or a letter of a script written without spaces, so
 * an email address never counts. The fragment may hold spaces (`@Ann L` for Ann Lee) but not
 * a line break or another `@`, starts with no space and ends with none: once someone types a
 * space after a complete word the list closes, and reopens with the next letter.
 */
export function findMentionQuery(text: string, caret: number): MentionQuery | null {
	if (caret < 1 || caret > text.length) {
		return null;
	}
	const before = text.slice(Math.max(0, caret - MAX_FRAGMENT - 1), caret);
	const at = before.lastIndexOf('@');
	if (at === -1) {
		return null;
	}
	const start = caret - before.length + at;
	const query = text.slice(start + 1, caret);
	if (/[\n\r@]/.test(query) || /^\s|\s$/.test(query)) {
		return null;
	}
	const previous = characterBefore(text, start);
	if (wordLike.test(previous) && !unspaced.test(previous)) {
		return null;
	}
	return { start, end: caret, query };
}

/** The whole character (code point) that ends at `index`, or '' at the start. */
function characterBefore(text: string, index: number): string {
	const low = text.charCodeAt(index - 1);
	const pair = low >= 0xdc00 && low <= 0xdfff && index >= 2;
	return text.slice(Math.max(0, index - (pair ? 2 : 1)), index);
}

function fold(text: string): string {
	return text.normalize('NFC').toLocaleLowerCase();
}

/**
 * The people whose name contains `query` (ignoring case), best first: names that start with
 * it, then names with a word that starts with it, then the rest; by name within each group.
 * An empty query matches everyone. At most `limit`.
 */
export function rankPeople<P extends Person>(people: readonly P[], query: string, limit = 8): P[] {
	const wanted = fold(query);
	const ranked: { person: P; rank: number }[] = [];
	for (const person of people) {
		const name = fold(person.name);
		const at = name.indexOf(wanted);
		if (at === -1) {
			continue;
		}
		const rank = at === 0 ? 0 : /[\s\-'’.]/.test(name[at - 1]) ? 1 : 2;
		ranked.push({ person, rank });
	}
	return ranked
		.sort((a, b) => a.rank - b.rank || a.person.name.localeCompare(b.person.name))
		.slice(0, limit)
		.map(({ person }) => person);
}

/**
 * The text with the fragment of `mention` replaced by `@name ` and the caret's new offset,
 * just after that space. A space already after the fragment is reused, never doubled; a line
 * break is not a space.
 */
export function insertMention(
	text: string,
	mention: Pick<MentionQuery, 'start' | 'end'>,
	name: string
): { text: string; caret: number } {
	const after = text.slice(mention.end);
	// A space, not a line break: the caret should not jump to the next line.
	const spaced = /^[^\S\r\n]/.test(after);
	const inserted = `@${name}${spaced ? '' : ' '}`;
	const result = text.slice(0, mention.start) + inserted + after;
	const caret = mention.start + inserted.length + (spaced ? 1 : 0);
	return { text: result, caret };
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A comment's text cut into plain parts and mentions of `people`, by the server's rule, so
 * that the thread can highlight them without ever rendering the text as HTML. Joined back,
 * the parts' texts are the body unchanged.
 */
export function splitMentions(body: string, people: readonly Person[]): BodyPart[] {
	const named = [...new Map(people.filter((p) => p.name).map((p) => [p.name, p])).values()];
	if (named.length === 0 || !body.includes('@')) {
		return body ? [{ text: body }] : [];
	}
	const byLength = named.sort((a, b) => b.name.length - a.name.length);
	const pattern = new RegExp(
		`@(${byLength.map((p) => escapeRegExp(p.name)).join('|')})(?![\\p{L}\\p{N}])`,
		'gu'
	);
	const byName = new Map(byLength.map((p) => [p.name, p]));
	const parts: BodyPart[] = [];
	let last = 0;
	for (const match of body.matchAll(pattern)) {
		const person = byName.get(match[1]);
		if (!person) {
			continue;
		}
		if (match.index > last) {
			parts.push({ text: body.slice(last, match.index) });
		}
		parts.push({ text: match[0], person });
		last = match.index + match[0].length;
	}
	if (last < body.length) {
		parts.push({ text: body.slice(last) });
	}
	return parts;
}
