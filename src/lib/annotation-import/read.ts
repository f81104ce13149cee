/**
 * Reading W3C Web Annotations made elsewhere (Hypothesis, other annotation tools, another
 * Factmark) into what anchoring needs: the text selectors and the body's words. Pure; nothing
 * here throws for what a file may hold — every annotation becomes an item or a reason.
 * https://www.w3.org/TR/annotation-model/ and https://h.readthedocs.io/en/latest/api-reference/
 */
import type { TextQuoteSelector } from '$lib/anchoring';

/**
 * The most annotations one import takes. They are created in one transaction through the
 * claims module (about ten statements each, with audit, announcement and search index), which
 * measured 10–20 ms a claim on a busy machine: 2,000 stay well within a request's patience.
 */
export const MAX_ANNOTATIONS = 2_000;
/** The longest quote a claim may have (as the claims API). */
export const MAX_QUOTE = 20_000;
/** The longest "claim as checked" a claim may have; a longer description becomes a note. */
export const MAX_CLAIM_TEXT = 2_000;
/** The longest comment; a longer note is cut here. */
export const MAX_NOTE = 10_000;

/** Why an annotation was not placed on the text. Stable codes: the UI words each one. */
export type Reason =
	| 'malformed'
	| 'reply'
	| 'no_selector'
	| 'unsupported_selector'
	| 'invalid_selector'
	| 'too_long'
	| 'not_found'
	| 'ambiguous'
	| 'out_of_range'
	| 'splits_character';

/** One annotation, read: its text selectors and the words of its body. */
export interface Readable {
	index: number;
	/** NFC; prefix and suffix absent when the annotation did not give them. */
	quote?: TextQuoteSelector;
	/** As given: code points per the W3C model, or UTF-16 units as Hypothesis writes them. */
	position?: { start: number; end: number };
	/** A body describing the claim (how Factmark exports "the claim as checked"). */
	claimText: string;
	/** Every other text of the body (Hypothesis `text`, comments): becomes a discussion note. */
	note: string;
}

/** An annotation that cannot be read as one over this text, and why. */
export interface Unreadable {
	index: number;
	reason: Reason;
	/** What exactly was wrong, in English, for the API's readers. */
	detail: string;
	/** The annotation's quoted words, when it had some. */
	quote?: string;
}

export type Read = ({ ok: true } & Readable) | ({ ok: false } & Unreadable);

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON-LD value that may be one thing or several, as a list. */
const many = (value: unknown): unknown[] =>
	Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];

/** True when a JSON-LD `type` (a string or several) names `name`, with or without a prefix. */
function hasType(value: Json, name: string): boolean {
	return many(value.type ?? value['@type']).some(
		(type) => typeof type === 'string' && (type === name || type.endsWith(`:${name}`))
	);
}

/**
 * The annotations a request body holds, in order: an AnnotationCollection (its embedded first
 * page, or `items`), an AnnotationPage, an array, a single Annotation, Hypothesis's search
 * response (`{rows}`) or its client's export file (`{annotations}`). `problem` says why a body
 * is none of these, or is a collection whose pages are elsewhere (fetching them is not ours to
 * do, and importing only the first would drop the rest unseen).
 */
export function listAnnotations(
	body: unknown
): { annotations: unknown[] } | { problem: string; code: 'paged' | 'not_annotations' } {
	if (Array.isArray(body)) {
		return { annotations: body };
	}
	if (!isObject(body)) {
		return {
			problem: 'Send an AnnotationCollection, an AnnotationPage, or an array of them.',
			code: 'not_annotations'
		};
	}
	if (Array.isArray(body.rows)) {
		return { annotations: body.rows };
	}
	if (Array.isArray(body.annotations)) {
		return { annotations: body.annotations };
	}
	if (hasType(body, 'AnnotationCollection')) {
		const first = body.first;
		if (isObject(first) && Array.isArray(first.items)) {
			if (first.next !== undefined && first.next !== null) {
				return {
					problem:
						'The collection continues on other pages that are not in this body; send all its annotations as one array or page.',
					code: 'paged'
				};
			}
			return { annotations: first.items };
		}
		if (Array.isArray(body.items)) {
			return { annotations: body.items };
		}
		if (typeof first === 'string') {
			return {
				problem: `The collection's annotations are on a page elsewhere (${first.slice(0, 200)}); send that page's items.`,
				code: 'paged'
			};
		}
		return {
			problem: 'The AnnotationCollection has no annotations in it (no first.items).',
			code: 'not_annotations'
		};
	}
	if (hasType(body, 'AnnotationPage') && Array.isArray(body.items)) {
		return { annotations: body.items };
	}
	if (hasType(body, 'Annotation') || 'target' in body) {
		return { annotations: [body] };
	}
	return {
		problem:
			'This is not an annotation, an AnnotationCollection, an AnnotationPage, an array of annotations or a Hypothesis export.',
		code: 'not_annotations'
	};
}

/** Text as stored: NFC, trimmed. */
const clean = (value: string) => value.normalize('NFC').trim();

/** `text` cut to at most `max` UTF-16 units, never between the halves of a surrogate pair. */
function cut(text: string, max: number): string {
	if (text.length <= max) {
		return text;
	}
	const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
	return `${text.slice(0, end)}…`;
}

/**
 * The words of an annotation's body: a TextualBody (or `bodyValue`) whose purpose is
 * `describing` — how Factmark exports "the claim as checked" — becomes the claim text; every
 * other text (Hypothesis's `text`, comments, no purpose) becomes a note in the claim's
 * discussion, which is never published. Tags and bodies that are links are left aside.
 */
function bodyWords(annotation: Json): { claimText: string; note: string } {
	const descriptions: string[] = [];
	const notes: string[] = [];
	if (typeof annotation.text === 'string') {
		notes.push(annotation.text);
	}
	if (typeof annotation.bodyValue === 'string') {
		notes.push(annotation.bodyValue);
	}
	for (const body of many(annotation.body)) {
		if (!isObject(body) || typeof body.value !== 'string') {
			continue;
		}
		const purposes = many(body.purpose);
		if (purposes.includes('tagging')) {
			continue;
		}
		(purposes.includes('describing') ? descriptions : notes).push(body.value);
	}
	let claimText = clean(descriptions.join(' '));
	const noteParts = notes.map(clean).filter(Boolean);
	if (claimText.length > MAX_CLAIM_TEXT) {
		noteParts.unshift(claimText);
		claimText = '';
	}
	return { claimText, note: cut(noteParts.join('\n\n'), MAX_NOTE) };
}

const isOffset = (value: unknown): value is number =>
	typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** The selectors of the first target that has text selectors, and the types seen otherwise. */
function textSelectors(annotation: Json): { selectors: Json[]; others: string[] } {
	const others: string[] = [];
	for (const target of many(annotation.target)) {
		if (!isObject(target)) {
			continue;
		}
		const selectors = many(target.selector).filter(isObject);
		const text = selectors.filter(
			(selector) =>
				hasType(selector, 'TextQuoteSelector') || hasType(selector, 'TextPositionSelector')
		);
		if (text.length > 0) {
			return { selectors: text, others };
		}
		for (const selector of selectors) {
			const type = selector.type ?? selector['@type'];
			others.push(typeof type === 'string' ? type.slice(0, 60) : 'a selector without a type');
		}
	}
	return { selectors: [], others };
}

/**
 * Reads annotation number `index` of an import. Targets pointing at other sources are taken to
 * mean this text (that is the point of importing them); of several targets, the first with a
 * TextQuoteSelector or TextPositionSelector counts. A RangeSelector, XPath or CSS selector
 * describes a web page's markup, which the canonical text does not have: ignored, with a
 * reason when nothing else is there. Never throws.
 */
export function readAnnotation(annotation: unknown, index: number): Read {
	if (!isObject(annotation)) {
		return { ok: false, index, reason: 'malformed', detail: 'An annotation is a JSON object.' };
	}
	const { selectors, others } = textSelectors(annotation);
	const quoteSelector = selectors.find((selector) => hasType(selector, 'TextQuoteSelector'));
	const positionSelector = selectors.find((selector) => hasType(selector, 'TextPositionSelector'));
	const given =
		typeof quoteSelector?.exact === 'string' ? quoteSelector.exact.normalize('NFC') : '';
	const exact = given.trim();
	// Whitespace around the words (Hypothesis keeps what the reader selected) moves into the
	// context and out of the position, so that prefix, words and suffix still follow each other.
	// Whitespace is one UTF-16 unit per code point: the position shrinks the same in either count.
	const lead = given.slice(0, given.indexOf(exact));
	const trail = given.slice(lead.length + exact.length);
	const shown = exact ? { quote: cut(exact, 500) } : {};
	if (!quoteSelector && !positionSelector) {
		if (many(annotation.references).length > 0) {
			return {
				ok: false,
				index,
				reason: 'reply',
				detail: 'A reply to another annotation; it marks no words of its own.'
			};
		}
		if (annotation.target === undefined) {
			return { ok: false, index, reason: 'malformed', detail: 'The annotation has no target.' };
		}
		return others.length > 0
			? {
					ok: false,
					index,
					reason: 'unsupported_selector',
					detail: `Only TextQuoteSelector and TextPositionSelector describe plain text; this has ${[...new Set(others)].join(', ')}.`
				}
			: {
					ok: false,
					index,
					reason: 'no_selector',
					detail: 'The annotation marks no words (a note on the whole page).'
				};
	}
	let quote: TextQuoteSelector | undefined;
	if (quoteSelector) {
		if (!exact) {
			return {
				ok: false,
				index,
				reason: 'invalid_selector',
				detail: 'The TextQuoteSelector has no exact words.'
			};
		}
		if (exact.length > MAX_QUOTE) {
			return {
				ok: false,
				index,
				reason: 'too_long',
				detail: `A claim quotes at most ${MAX_QUOTE} characters.`,
				...shown
			};
		}
		quote = { type: 'TextQuoteSelector', exact };
		if (typeof quoteSelector.prefix === 'string') {
			quote.prefix = quoteSelector.prefix.normalize('NFC') + lead;
		}
		if (typeof quoteSelector.suffix === 'string') {
			quote.suffix = trail + quoteSelector.suffix.normalize('NFC');
		}
	}
	let position: { start: number; end: number } | undefined;
	if (positionSelector) {
		const { start, end } = positionSelector;
		if (isOffset(start) && isOffset(end) && start < end) {
			position = quote
				? { start: start + lead.length, end: Math.max(start + lead.length, end - trail.length) }
				: { start, end };
		} else if (!quote) {
			return {
				ok: false,
				index,
				reason: 'invalid_selector',
				detail: 'The TextPositionSelector needs whole numbers with 0 ≤ start < end.'
			};
		}
	}
	return {
		ok: true,
		index,
		...(quote ? { quote } : {}),
		...(position ? { position } : {}),
		...bodyWords(annotation)
	};
}
