import sanitizeHtml from 'sanitize-html';
import { invalid } from '$lib/server/errors';

/*
 * A verdict's rationale: Tiptap JSON limited to paragraphs, bold, italic, links, bullet and
 * numbered lists, quotes and line breaks. `parse` is the only way in, so everything stored has
 * this shape; `render` turns it into HTML that is safe to show with {@html}.
 *
 * The walk is written by hand rather than as a recursive valibot schema: it has to stop at the
 * first node past the depth and size limits, before doing more work, and its errors name the
 * node they are about (`content.2.content.0`).
 */

export type RationaleMark = { type: 'bold' } | { type: 'italic' } | LinkMark;

export interface LinkMark {
	type: 'link';
	attrs: { href: string };
}

export type RationaleInline =
	{ type: 'text'; text: string; marks?: RationaleMark[] } | { type: 'hardBreak' };

export type RationaleBlock =
	| { type: 'paragraph'; content?: RationaleInline[] }
	| { type: 'bulletList' | 'orderedList'; content: RationaleListItem[] }
	| { type: 'blockquote'; content: RationaleBlock[] };

export interface RationaleListItem {
	type: 'listItem';
	/** A paragraph first, as Tiptap's list item requires, then any blocks. */
	content: RationaleBlock[];
}

/** A rationale as stored: Tiptap JSON that `parse` accepted. */
export interface RationaleDoc {
	type: 'doc';
	content: RationaleBlock[];
}

/** Characters of text in the whole rationale (UTF-16 units, as `maxLength` counts elsewhere). */
const MAX_TEXT = 20_000;
/** Blocks inside blocks: a paragraph in a list item in a bullet list is 3 deep. */
const MAX_DEPTH = 10;
/** Nodes of every kind, text and line breaks included. */
const MAX_NODES = 5_000;
const MAX_HREF = 2_048;

const NODES = new Set([
	'doc',
	'paragraph',
	'text',
	'hardBreak',
	'bulletList',
	'orderedList',
	'listItem',
	'blockquote'
]);
const BLOCKS = new Set(['paragraph', 'bulletList', 'orderedList', 'blockquote']);
const MARK_ORDER = ['link', 'bold', 'italic'] as const;
const SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** Control characters other than tab and line feed: PostgreSQL's jsonb refuses U+0000. */
const CONTROLS = /[^\P{Cc}\t\n]/gu;

interface Budget {
	nodes: number;
	text: number;
}

type Json = Record<string, unknown>;

function at(path: string, key: string | number): string {
	return path === '' ? String(key) : `${path}.${key}`;
}

function object(value: unknown, path: string, what: string): Json {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw invalid(path, 'type', `${what} must be an object.`);
	}
	return value as Json;
}

function list(value: unknown, path: string): unknown[] {
	if (value === undefined) {
		return [];
	}
	if (!Array.isArray(value)) {
		throw invalid(path, 'type', `${path} must be a list.`);
	}
	return value;
}

/** The node's type, checked against the node types a rationale has. */
function nodeType(node: Json, path: string): string {
	const type = node.type;
	if (typeof type !== 'string') {
		throw invalid(at(path, 'type'), 'type', 'Each node has a type.');
	}
	if (!NODES.has(type)) {
		throw invalid(
			path,
			'node',
			`A rationale cannot contain "${type.slice(0, 40)}": only paragraphs, lists, quotes and line breaks.`
		);
	}
	return type;
}

function count(budget: Budget, path: string): void {
	budget.nodes += 1;
	if (budget.nodes > MAX_NODES) {
		throw invalid(
			path,
			'too_large',
			`A rationale has at most ${MAX_NODES.toLocaleString('en-US')} nodes.`
		);
	}
}

function blocks(value: unknown, path: string, depth: number, budget: Budget): RationaleBlock[] {
	return list(value, path).map((item, i) => block(item, at(path, i), depth, budget));
}

function block(value: unknown, path: string, depth: number, budget: Budget): RationaleBlock {
	const node = object(value, path, 'A node');
	const type = nodeType(node, path);
	if (!BLOCKS.has(type)) {
		throw invalid(
			path,
			'structure',
			`"${type}" cannot stand here: a paragraph, list or quote can.`
		);
	}
	if (depth > MAX_DEPTH) {
		throw invalid(path, 'too_deep', `Lists and quotes nest at most ${MAX_DEPTH} deep.`);
	}
	count(budget, path);
	const content = at(path, 'content');
	if (type === 'paragraph') {
		const children = inlines(node.content, content, budget);
		return children.length > 0 ? { type, content: children } : { type };
	}
	if (type === 'blockquote') {
		return { type, content: nonEmpty(blocks(node.content, content, depth + 1, budget), path) };
	}
	const items = list(node.content, content).map((item, i) =>
		listItem(item, at(content, i), depth + 1, budget)
	);
	return { type: type as 'bulletList' | 'orderedList', content: nonEmpty(items, path) };
}

function nonEmpty<T>(children: T[], path: string): T[] {
	if (children.length === 0) {
		throw invalid(path, 'structure', 'A list or quote has at least one item.');
	}
	return children;
}

function listItem(value: unknown, path: string, depth: number, budget: Budget): RationaleListItem {
	const node = object(value, path, 'A list item');
	const type = nodeType(node, path);
	if (type !== 'listItem') {
		throw invalid(path, 'structure', `A list holds list items, not "${type}".`);
	}
	if (depth > MAX_DEPTH) {
		throw invalid(path, 'too_deep', `Lists and quotes nest at most ${MAX_DEPTH} deep.`);
	}
	count(budget, path);
	const content = blocks(node.content, at(path, 'content'), depth + 1, budget);
	if (content[0]?.type !== 'paragraph') {
		throw invalid(path, 'structure', 'A list item starts with a paragraph.');
	}
	return { type: 'listItem', content };
}

function inlines(value: unknown, path: string, budget: Budget): RationaleInline[] {
	const result: RationaleInline[] = [];
	list(value, path).forEach((item, i) => {
		const child = inline(item, at(path, i), budget);
		if (child) {
			result.push(child);
		}
	});
	return result;
}

/** One piece of a paragraph; null for text that normalises to nothing. */
function inline(value: unknown, path: string, budget: Budget): RationaleInline | null {
	const node = object(value, path, 'A node');
	const type = nodeType(node, path);
	if (type !== 'text' && type !== 'hardBreak') {
		throw invalid(path, 'structure', `A paragraph holds text and line breaks, not "${type}".`);
	}
	count(budget, path);
	const marks = markList(node.marks, at(path, 'marks'));
	if (type === 'hardBreak') {
		return { type };
	}
	if (typeof node.text !== 'string') {
		throw invalid(at(path, 'text'), 'type', 'A text node has text.');
	}
	const text = node.text.normalize('NFC').replace(CONTROLS, '');
	budget.text += text.length;
	if (budget.text > MAX_TEXT) {
		throw invalid(
			at(path, 'text'),
			'too_long',
			`A rationale has at most ${MAX_TEXT.toLocaleString('en-US')} characters.`
		);
	}
	if (text === '') {
		return null;
	}
	return marks.length > 0 ? { type, text, marks } : { type, text };
}

/** The marks in a fixed order, each type once; any other mark is an error. */
function markList(value: unknown, path: string): RationaleMark[] {
	const found = new Map<string, RationaleMark>();
	list(value, path).forEach((item, i) => {
		const markPath = at(path, i);
		const mark = object(item, markPath, 'A mark');
		const type = mark.type;
		if (type === 'bold' || type === 'italic') {
			found.set(type, { type });
		} else if (type === 'link') {
			const attrs = object(mark.attrs, at(markPath, 'attrs'), 'A link’s attrs');
			found.set(type, { type, attrs: { href: href(attrs.href, at(markPath, 'attrs.href')) } });
		} else {
			const name = typeof type === 'string' ? type.slice(0, 40) : String(type);
			throw invalid(
				markPath,
				'mark',
				`A rationale cannot contain "${name}" formatting: only bold, italic and links.`
			);
		}
	});
	return MARK_ORDER.flatMap((type) => found.get(type) ?? []);
}

/**
 * A link address as the URL parser writes it, with quotes, spaces and angle brackets encoded. It has to begin with `http://`, `https://` or
 * `mailto:` as written, with no control characters anywhere, so that no browser can read a
 * different scheme into it than the one checked here.
 */
function href(value: unknown, path: string): string {
	if (typeof value !== 'string' || value.trim() === '') {
		throw invalid(path, 'link', 'A link needs an address.');
	}
	if (value.length > MAX_HREF) {
		throw invalid(
			path,
			'too_long',
			`A link address has at most ${MAX_HREF.toLocaleString('en-US')} characters.`
		);
	}
	const trimmed = value.trim();
	if (/\p{Cc}/u.test(trimmed) || !/^(?:https?:\/\/|mailto:)/i.test(trimmed)) {
		throw invalid(path, 'link', 'Links go to http, https or mailto addresses.');
	}
	let url: URL;
	try {
		url = new URL(trimmed);
	} catch {
		throw invalid(path, 'link', 'The link address is not a valid URL.');
	}
	if (!SCHEMES.has(url.protocol)) {
		throw invalid(path, 'link', 'Links go to http, https or mailto addresses.');
	}
	// The parser leaves quotes, spaces and angle brackets in a mailto address; encoded, no
	// address has anything that could matter in an attribute.
	return url.href.replace(
		/[ "'<>`]/g,
		(char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`
	);
}

/**
 * Checks untrusted Tiptap JSON (an object, or the JSON text a form field sends) and returns
 * the rationale in its strict shape: text in NFC without control characters, empty text
 * nodes dropped, marks in a fixed order, link addresses normalised. Unknown attributes (on
 * any node or mark, `onclick` and `style` included) are dropped silently; an unknown node
 * type (`heading`, `image`, `codeBlock`…) or mark (`code`, `strike`, `textStyle`…), a node
 * where it cannot stand, a link that is not http, https or mailto, more than 20,000
 * characters of text, blocks nested more than 10 deep or more than 5,000 nodes are each an
 * AppError 422 whose path names the node, as `content.2`. A doc without text is valid: it
 * means there is no rationale (see `isEmpty`).
 */
export function parse(input: unknown): RationaleDoc {
	let value = input;
	if (typeof input === 'string') {
		try {
			value = JSON.parse(input);
		} catch {
			throw invalid('', 'json', 'The rationale is not valid JSON.');
		}
	}
	const doc = object(value, '', 'The rationale');
	if (doc.type !== 'doc') {
		throw invalid('type', 'type', 'The rationale is a Tiptap document, of type "doc".');
	}
	return { type: 'doc', content: blocks(doc.content, 'content', 1, { nodes: 0, text: 0 }) };
}

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

function escape(text: string): string {
	return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

/** A second line of defence: whatever `render` writes passes this allow-list too. */
const SANITIZE: sanitizeHtml.IOptions = {
	allowedTags: ['p', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'blockquote', 'br'],
	allowedAttributes: { a: ['href', 'rel'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesByTag: {},
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
	transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener' }) }
};

function sameMark(a: RationaleMark, b: RationaleMark): boolean {
	return a.type === b.type && (a.type !== 'link' || a.attrs.href === (b as LinkMark).attrs.href);
}

function openTag(mark: RationaleMark): string {
	if (mark.type === 'link') {
		return `<a href="${escape(mark.attrs.href)}" rel="nofollow noopener">`;
	}
	return mark.type === 'bold' ? '<strong>' : '<em>';
}

function closeTag(mark: RationaleMark): string {
	return mark.type === 'link' ? '</a>' : mark.type === 'bold' ? '</strong>' : '</em>';
}

/** A paragraph's content, with a mark left open across the text nodes that share it. */
function renderInline(nodes: RationaleInline[]): string {
	let html = '';
	const open: RationaleMark[] = [];
	for (const node of [...nodes, null]) {
		const marks = node?.type === 'text' ? (node.marks ?? []) : [];
		let keep = 0;
		while (keep < open.length && keep < marks.length && sameMark(open[keep], marks[keep])) {
			keep += 1;
		}
		while (open.length > keep) {
			html += closeTag(open.pop() as RationaleMark);
		}
		for (const mark of marks.slice(keep)) {
			html += openTag(mark);
			open.push(mark);
		}
		if (node) {
			html += node.type === 'text' ? escape(node.text) : '<br>';
		}
	}
	return html;
}

function renderBlocks(blocks: RationaleBlock[]): string {
	return blocks.map(renderBlock).join('');
}

function renderBlock(block: RationaleBlock): string {
	switch (block.type) {
		case 'paragraph':
			return `<p>${renderInline(block.content ?? [])}</p>`;
		case 'blockquote':
			return `<blockquote>${renderBlocks(block.content)}</blockquote>`;
		case 'bulletList':
		case 'orderedList': {
			const tag = block.type === 'bulletList' ? 'ul' : 'ol';
			const items = block.content.map((item) => `<li>${renderBlocks(item.content)}</li>`);
			return `<${tag}>${items.join('')}</${tag}>`;
		}
	}
}

/**
 * The rationale as HTML for {@html}: only p, strong, em, a (http, https and mailto, with
 * rel="nofollow noopener"), ul, ol, li, blockquote and br. Text is escaped here and the result
 * passes sanitize-html's allow-list as well. Empty paragraphs at either end are left out; an
 * empty doc renders as ''.
 */
export function render(doc: RationaleDoc): string {
	if (isEmpty(doc)) {
		return '';
	}
	// Tiptap keeps an empty paragraph after a closing list or quote; it would only add space.
	const blank = (block: RationaleBlock | undefined) =>
		block?.type === 'paragraph' && block.content === undefined;
	const blocks = [...doc.content];
	while (blank(blocks[0])) {
		blocks.shift();
	}
	while (blank(blocks.at(-1))) {
		blocks.pop();
	}
	return sanitizeHtml(renderBlocks(blocks), SANITIZE);
}

function paragraphTexts(blocks: RationaleBlock[]): string[] {
	return blocks.flatMap((block) => {
		if (block.type === 'paragraph') {
			const text = (block.content ?? [])
				.map((node) => (node.type === 'text' ? node.text : '\n'))
				.join('');
			return text === '' ? [] : [text];
		}
		if (block.type === 'blockquote') {
			return paragraphTexts(block.content);
		}
		return block.content.flatMap((item) => paragraphTexts(item.content));
	});
}

/** The text of the rationale, its paragraphs (list items' and quotes' too) between blank lines. */
export function plainText(doc: RationaleDoc): string {
	return paragraphTexts(doc.content).join('\n\n');
}

/** True when the rationale has no text but white space: there is no rationale. */
export function isEmpty(doc: RationaleDoc): boolean {
	return plainText(doc).trim() === '';
}
