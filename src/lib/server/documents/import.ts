import { parseHTML } from 'linkedom';
import { AppError, invalid } from '$lib/server/errors';
import { MAX_TEXT_BYTES } from './input';

export interface Imported {
	text: string;
	title?: string;
}

/** The largest file accepted for import (a .docx carries more than its text). */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type Format = 'txt' | 'md' | 'html' | 'docx';

/** The format a file name says, or null for one we do not read. */
export function formatOf(fileName: string): Format | null {
	const extension = fileName.toLowerCase().split('.').pop() ?? '';
	const aliases: Record<string, Format> = {
		txt: 'txt',
		text: 'txt',
		md: 'md',
		markdown: 'md',
		html: 'html',
		htm: 'html',
		docx: 'docx'
	};
	return aliases[extension] ?? null;
}

/**
 * Turns an uploaded file into plain text with paragraphs separated by blank lines (the caller
 * makes it canonical). AppError 413 for a file too large, 422 for an unknown format, a file
 * that is not what its name says, or one with no text.
 */
export async function importFile(fileName: string, bytes: Uint8Array): Promise<Imported> {
	if (bytes.byteLength > MAX_FILE_BYTES) {
		throw new AppError(413, `A file may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
	}
	const format = formatOf(fileName);
	if (!format) {
		throw invalid('file', 'format', 'Upload a .txt, .md, .html or .docx file.');
	}
	const imported = format === 'docx' ? await fromDocx(bytes) : fromText(format, decode(bytes));
	if (!imported.text.trim()) {
		throw invalid('file', 'empty', 'The file has no text to check.');
	}
	if (new TextEncoder().encode(imported.text).byteLength > MAX_TEXT_BYTES) {
		throw new AppError(413, 'The text is larger than 2 MB; split it into several documents.');
	}
	return imported;
}

function decode(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		throw invalid('file', 'encoding', 'The file is not UTF-8 text.');
	}
}

function fromText(format: Exclude<Format, 'docx'>, source: string): Imported {
	if (format === 'html') {
		return fromHtml(source);
	}
	if (format === 'md') {
		return fromMarkdown(source);
	}
	return { text: source };
}

async function fromDocx(bytes: Uint8Array): Promise<Imported> {
	const { default: mammoth } = await import('mammoth');
	try {
		const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
		return { text: value };
	} catch {
		throw invalid('file', 'format', 'The file is not a readable .docx document.');
	}
}

/** Markdown reduced to its words: no markup, links as their text, images and HTML gone. */
export function fromMarkdown(source: string): Imported {
	const title = /^#\s+(.+)$/m.exec(source)?.[1]?.trim();
	const text = source
		.replace(/```[^\n]*\n([\s\S]*?)```/g, '$1')
		.replace(/<[^>]+>/g, '')
		.replace(/!\[[^\]]*\]\([^)]*\)/g, '')
		.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
		.replace(/^ {0,3}#{1,6}\s+/gm, '')
		.replace(/^ {0,3}>\s?/gm, '')
		.replace(/^ {0,3}(?:[-*+]|\d+[.)])\s+/gm, '')
		.replace(/^ {0,3}(?:[-*_]\s*){3,}$/gm, '')
		.replace(/(\*\*|__)(.+?)\1/g, '$2')
		.replace(/(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])/g, '$2')
		.replace(/`([^`]+)`/g, '$1');
	return { text, title };
}

const dropped =
	'script, style, noscript, template, iframe, object, embed, svg, canvas, nav, header, footer, aside, form, button, [hidden], [aria-hidden="true"]';
const blocks = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dd, dt';

/** An article page reduced to its paragraphs: no scripts, navigation, headers or footers. */
export function fromHtml(source: string): Imported {
	// linkedom needs a whole document to find <body>.
	const page = /<html[\s>]/i.test(source) ? source : `<!doctype html><html>${source}</html>`;
	const { document } = parseHTML(page);
	const title =
		document.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim() ||
		document.querySelector('h1')?.textContent?.trim() ||
		document.querySelector('title')?.textContent?.trim() ||
		undefined;
	for (const element of document.querySelectorAll(dropped)) {
		element.remove();
	}
	const root =
		document.querySelector('article') ??
		document.querySelector('main') ??
		document.querySelector('[role="main"]') ??
		document.body ??
		document.documentElement;
	const paragraphs: string[] = [];
	for (const element of root.querySelectorAll(blocks)) {
		// A block inside another block is read with its parent.
		if (element.parentElement?.closest(blocks)) {
			continue;
		}
		const words = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
		if (words) {
			paragraphs.push(words);
		}
	}
	if (paragraphs.length === 0) {
		paragraphs.push((root.textContent ?? '').replace(/[ \t]+/g, ' ').trim());
	}
	return { text: paragraphs.join('\n\n'), title };
}
