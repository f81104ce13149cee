import { describe, expect, it } from 'vitest';
import { fromHtml, fromMarkdown, formatOf, importFile } from '$lib/server/documents/import';
import { canonicalText } from '$lib/text/canonical';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('formatOf', () => {
	it.each([
		['a.txt', 'txt'],
		['A.MD', 'md'],
		['page.htm', 'html'],
		['report.docx', 'docx'],
		['evil.exe', null],
		['noextension', null]
	])('%s → %s', (name, format) => expect(formatOf(name)).toBe(format));
});

describe('fromHtml', () => {
	const page = `<!doctype html><html><head><title>Site · Story</title>
		<meta property="og:title" content="The story">
		<script>alert(1)</script><style>p{}</style></head>
		<body><nav><p>Home</p><p>World</p></nav><header><p>Subscribe!</p></header>
		<article><h1>The story</h1><p>First   paragraph,
		with <b>bold</b> and <a href="x">a link</a>.</p>
		<ul><li>One point</li><li>Another</li></ul>
		<blockquote><p>A quote.</p></blockquote>
		<aside><p>Related stories</p></aside><script>track()</script>
		<p>美國在AI方面保持了兩到三年領先優勢。</p></article>
		<footer><p>© 2025</p></footer></body></html>`;

	it('keeps the article paragraphs, drops scripts, navigation, asides, headers and footers', () => {
		const { text, title } = fromHtml(page);
		expect(title).toBe('The story');
		expect(canonicalText(text).split('\n\n')).toEqual([
			'The story',
			'First paragraph, with bold and a link.',
			'One point',
			'Another',
			'A quote.',
			'美國在AI方面保持了兩到三年領先優勢。'
		]);
	});

	it('reads a page without block elements as one paragraph', () => {
		expect(fromHtml('<body>Just words <i>here</i></body>').text).toBe('Just words here');
	});
});

describe('fromMarkdown', () => {
	it('reduces markup to words and takes the first heading as the title', () => {
		const { text, title } = fromMarkdown(
			'# Chips and AI\n\nThe **model** is _fast_, see [the paper](https://x.org).\n\n- first\n- second\n\n> quoted\n\n![chart](c.png)\n\n`code` stays'
		);
		expect(title).toBe('Chips and AI');
		expect(canonicalText(text).split('\n\n')).toEqual([
			'Chips and AI',
			'The model is fast, see the paper.',
			'first\nsecond',
			'quoted',
			'code stays'
		]);
	});

	it('leaves snake_case and arithmetic alone', () => {
		expect(fromMarkdown('a_b_c and 2*3*4').text).toBe('a_b_c and 2*3*4');
	});
});

describe('importFile', () => {
	it('reads UTF-8 text files and drops a byte-order mark', async () => {
		expect(await importFile('a.txt', bytes('\uFEFFHello\n\nWorld'))).toEqual({
			text: 'Hello\n\nWorld'
		});
	});

	it('refuses unknown formats, invalid UTF-8, empty files and oversized ones', async () => {
		await expect(importFile('a.pdf', bytes('x'))).rejects.toMatchObject({ status: 422 });
		await expect(importFile('a.txt', new Uint8Array([0xff, 0xfe, 0x41]))).rejects.toMatchObject({
			status: 422,
			errors: [{ path: 'file', code: 'encoding' }]
		});
		await expect(importFile('a.txt', bytes('  \n\n '))).rejects.toMatchObject({ status: 422 });
		await expect(importFile('a.txt', new Uint8Array(11 * 1024 * 1024))).rejects.toMatchObject({
			status: 413
		});
		await expect(importFile('a.txt', bytes('x'.repeat(2 * 1024 * 1024 + 1)))).rejects.toMatchObject(
			{
				status: 413
			}
		);
	});

	it('refuses a .docx that is not one', async () => {
		await expect(importFile('a.docx', bytes('not a zip'))).rejects.toMatchObject({ status: 422 });
	});
});

describe('importFile with a .docx', () => {
	it('reads the paragraphs of a Word document', async () => {
		const { readFile } = await import('node:fs/promises');
		const file = new Uint8Array(await readFile('tests/fixtures/article.docx'));
		const { text } = await importFile('article.docx', file);
		expect(canonicalText(text).split('\n\n')).toEqual([
			'Chips and AI',
			'DeepSeek-V3 ranked first among open models.',
			'美國在AI方面保持了兩到三年領先優勢。'
		]);
	});
});
