import { describe, expect, it } from 'vitest';
import { canonicalText, paragraphs } from '$lib/text/canonical';

describe('canonicalText', () => {
	it.each([
		['composes to NFC', 'Cafe\u0301 cre\u0300me', 'Café crème'],
		['turns CRLF and lone CR into LF', 'a\r\nb\r\n\r\nc\rd', 'a\nb\n\nc\nd'],
		['keeps single line breaks inside a paragraph', 'one\ntwo', 'one\ntwo'],
		['collapses several blank lines into one', 'one\n\n\n\n\ntwo', 'one\n\ntwo'],
		['treats a line of spaces and tabs as blank', 'one\n \t \ntwo', 'one\n\ntwo'],
		['treats a line of no-break spaces as blank', 'one\n\u00a0\ntwo', 'one\n\ntwo'],
		[
			'treats a line of full-width spaces as blank',
			'第一段。\n\u3000\u3000\n第二段。',
			'第一段。\n\n第二段。'
		],
		['drops trailing spaces on every line', 'one  \ntwo\t\n\nthree ', 'one\ntwo\n\nthree'],
		['drops blank lines and spaces before and after', '\n\n  one\n\ntwo  \n\n\n', 'one\n\ntwo'],
		[
			'treats several lines of full-width spaces as one break',
			'甲。\n\u3000\n\u3000\u3000\n乙。',
			'甲。\n\n乙。'
		],
		[
			'ends a paragraph at a full-width blank line before an indented one',
			'第一段。\n\u3000\u3000\n\u3000\u3000第二段。',
			'第一段。\n\n第二段。'
		],
		['treats several lines of no-break spaces as one break', 'a\n\u00a0\n\u00a0 \nb', 'a\n\nb'],
		['gives the empty string for blank input', ' \r\n\u3000\n\t', ''],
		[
			'drops full-width indentation at paragraph starts',
			'\u3000\u3000甲段落。\n\n\u3000\u3000乙段落。',
			'甲段落。\n\n乙段落。'
		]
	])('%s', (_what, raw, expected) => {
		expect(canonicalText(raw)).toBe(expected);
	});

	it('is idempotent', () => {
		const raw = ' 標題\r\n\r\n\u3000\r\n第一段,\r\n續行。  \r\n\r\n\r\nSecond  ';
		const once = canonicalText(raw);
		expect(once).toBe('標題\n\n第一段,\n續行。\n\nSecond');
		expect(canonicalText(once)).toBe(once);
	});
});

describe('paragraphs', () => {
	it('splits a canonical text at its blank lines', () => {
		expect(paragraphs('a\nb\n\nc')).toEqual(['a\nb', 'c']);
		expect(paragraphs('')).toEqual([]);
	});
});
