import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { AppError } from '$lib/server/errors';
import { isEmpty, parse, plainText, render } from '$lib/server/rationale';

type Json = Record<string, unknown>;

const text = (value: string, marks?: Json[]): Json =>
	marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const paragraph = (...content: Json[]): Json => ({ type: 'paragraph', content });
const doc = (...content: Json[]): Json => ({ type: 'doc', content });
const item = (...content: Json[]): Json => ({ type: 'listItem', content });
const link = (href: unknown, extra: Json = {}): Json => ({
	type: 'link',
	attrs: { href, ...extra }
});
/** A doc whose only text carries `mark`. */
const marked = (mark: Json): Json => doc(paragraph(text('word', [mark])));

/** The AppError that `run` fails with. */
function failure(run: () => unknown): AppError {
	try {
		run();
	} catch (err) {
		expect(err).toBeInstanceOf(AppError);
		return err as AppError;
	}
	throw new Error('expected an AppError');
}

function expectInvalid(input: unknown, path: string, code: string): void {
	const err = failure(() => parse(input));
	expect(err.status).toBe(422);
	expect(err.errors).toEqual([{ path, code, message: expect.any(String) }]);
}

/** Every tag `render` wrote: its text is escaped, so each `<` opens a real tag. */
function tags(html: string): string[] {
	return html.match(/<[^>]*>/g) ?? [];
}

/** What a browser would make of the HTML: the elements, their attributes and hrefs. */
function expectInert(html: string): void {
	expect(html).not.toMatch(/<script/i);
	for (const tag of tags(html)) {
		expect(tag).toMatch(/^<\/?(p|strong|em|a|ul|ol|li|blockquote|br)[\s/>]/);
		expect(tag).not.toMatch(/\son\w*\s*=/i);
		expect(tag).not.toMatch(/javascript:|vbscript:|data:|style=/i);
	}
	const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
	for (const element of document.body.querySelectorAll('*')) {
		expect(['P', 'STRONG', 'EM', 'A', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'BR']).toContain(
			element.tagName
		);
		for (const name of element.getAttributeNames()) {
			expect(element.tagName === 'A' && ['href', 'rel'].includes(name)).toBe(true);
		}
		if (element.tagName === 'A') {
			expect(element.getAttribute('href')).toMatch(/^(https?:\/\/|mailto:)/);
			expect(element.getAttribute('rel')).toBe('nofollow noopener');
		}
	}
}

describe('render', () => {
	it.each([
		['one paragraph', doc(paragraph(text('Plain words.'))), '<p>Plain words.</p>'],
		[
			'bold and italic',
			doc(paragraph(text('a', [{ type: 'bold' }]), text('b', [{ type: 'italic' }]))),
			'<p><strong>a</strong><em>b</em></p>'
		],
		[
			'a link',
			doc(paragraph(text('see '), text('the report', [link('https://example.org/report')]))),
			'<p>see <a href="https://example.org/report" rel="nofollow noopener">the report</a></p>'
		],
		[
			'a mailto link',
			doc(paragraph(text('ask', [link('mailto:desk@example.org')]))),
			'<p><a href="mailto:desk@example.org" rel="nofollow noopener">ask</a></p>'
		],
		[
			'one link across text with different marks',
			doc(
				paragraph(
					text('a', [link('https://example.org/')]),
					text('b', [link('https://example.org/'), { type: 'bold' }])
				)
			),
			'<p><a href="https://example.org/" rel="nofollow noopener">a<strong>b</strong></a></p>'
		],
		[
			'a bullet list',
			doc({
				type: 'bulletList',
				content: [item(paragraph(text('one'))), item(paragraph(text('two')))]
			}),
			'<ul><li><p>one</p></li><li><p>two</p></li></ul>'
		],
		[
			'a numbered list with a nested list',
			doc({
				type: 'orderedList',
				attrs: { start: 1 },
				content: [
					item(paragraph(text('one')), {
						type: 'bulletList',
						content: [item(paragraph(text('a')))]
					})
				]
			}),
			'<ol><li><p>one</p><ul><li><p>a</p></li></ul></li></ol>'
		],
		[
			'a quote',
			doc({ type: 'blockquote', content: [paragraph(text('“Quoted.”'))] }),
			'<blockquote><p>“Quoted.”</p></blockquote>'
		],
		[
			'a line break',
			doc(paragraph(text('line one'), { type: 'hardBreak' }, text('line two'))),
			'<p>line one<br />line two</p>'
		],
		[
			'characters that mean something in HTML',
			doc(paragraph(text(`5 < 6 & 7 > 3 "quoted" 'single'`))),
			`<p>5 &lt; 6 &amp; 7 &gt; 3 "quoted" 'single'</p>`
		],
		['Chinese text', doc(paragraph(text('美媒納悶：晶片限制下'))), '<p>美媒納悶：晶片限制下</p>'],
		[
			'empty paragraphs at either end left out, those between kept',
			doc(
				{ type: 'paragraph' },
				paragraph(text('a')),
				{ type: 'paragraph' },
				paragraph(text('b')),
				{
					type: 'paragraph'
				}
			),
			'<p>a</p><p></p><p>b</p>'
		],
		['an empty doc', doc(), ''],
		['a doc of empty paragraphs', doc({ type: 'paragraph' }, paragraph(text('  '))), '']
	])('%s', (_name, input, html) => {
		expect(render(parse(input))).toBe(html);
	});
});

describe('parse', () => {
	it('keeps the allowed shape and drops unknown attributes, on nodes and marks alike', () => {
		const input = {
			type: 'doc',
			attrs: { onload: 'alert(1)' },
			content: [
				{
					type: 'paragraph',
					attrs: { style: 'color:red', class: 'x', onclick: 'alert(1)' },
					content: [
						{
							type: 'text',
							text: 'word',
							attrs: { onmouseover: 'alert(1)' },
							marks: [
								{ type: 'bold', attrs: { style: 'x' } },
								link('https://example.org', {
									target: '_blank',
									rel: 'opener',
									class: 'evil',
									onclick: 'alert(1)'
								})
							]
						}
					]
				}
			]
		};
		expect(parse(input)).toEqual({
			type: 'doc',
			content: [
				{
					type: 'paragraph',
					content: [
						{
							type: 'text',
							text: 'word',
							marks: [{ type: 'link', attrs: { href: 'https://example.org/' } }, { type: 'bold' }]
						}
					]
				}
			]
		});
	});

	it.each([
		['NFC', 'Cafe\u0301', 'Café'],
		[
			'control characters removed, tab and newline kept',
			'a\u0000b\u0007c\td\ne\u007f',
			'abc\td\ne'
		],
		['bidi text untouched', 'שלום world', 'שלום world']
	])('normalises text: %s', (_name, raw, clean) => {
		expect(parse(doc(paragraph(text(raw))))).toEqual(doc(paragraph(text(clean))));
	});

	it('drops text nodes that normalise to nothing, and repeated marks', () => {
		const input = doc(
			paragraph(text(''), text('\u0000'), text('x', [{ type: 'bold' }, { type: 'bold' }]))
		);
		expect(parse(input)).toEqual(doc(paragraph(text('x', [{ type: 'bold' }]))));
	});

	it('accepts the JSON text a form field sends', () => {
		const input = doc(paragraph(text('from a form')));
		expect(parse(JSON.stringify(input))).toEqual(input);
	});

	it.each([
		[' https://example.org/a ', 'https://example.org/a'],
		['HTTPS://Example.ORG', 'https://example.org/'],
		['http://example.org/a b', 'http://example.org/a%20b'],
		['mailto:desk@example.org?subject=Fact check', 'mailto:desk@example.org?subject=Fact%20check'],
		['mailto:"><img src=x onerror=alert(1)>', 'mailto:%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E'],
		["https://example.org/it's", 'https://example.org/it%27s']
	])('normalises the link %j to %j', (href, normal) => {
		expect(parse(marked(link(href)))).toEqual(marked(link(normal)));
	});

	it('accepts text up to 20,000 characters, blocks 10 deep and 5,000 nodes', () => {
		expect(plainText(parse(doc(paragraph(text('x'.repeat(20_000))))))).toHaveLength(20_000);
		let deep = paragraph(text('deep'));
		for (let i = 0; i < 9; i++) {
			deep = { type: 'blockquote', content: [deep] };
		}
		expect(plainText(parse(doc(deep)))).toBe('deep');
		const many = Array.from({ length: 2_500 }, () => paragraph(text('x')));
		expect(parse(doc(...many)).content).toHaveLength(2_500);
	});

	it.each([
		['null', null, '', 'type'],
		['an array', [], '', 'type'],
		['a string that is not JSON', '{"type":', '', 'json'],
		['another node than doc', paragraph(text('x')), 'type', 'type'],
		['content that is not a list', { type: 'doc', content: 'x' }, 'content', 'type'],
		['a node without a type', doc({ content: [] }), 'content.0.type', 'type'],
		[
			'heading',
			doc(paragraph(), paragraph(), { type: 'heading', attrs: { level: 1 }, content: [] }),
			'content.2',
			'node'
		],
		[
			'image',
			doc(paragraph(text('x'), { type: 'image', attrs: { src: 'x' } })),
			'content.0.content.1',
			'node'
		],
		['codeBlock', doc({ type: 'codeBlock', content: [text('x')] }), 'content.0', 'node'],
		[
			'iframe',
			doc({ type: 'iframe', attrs: { src: 'https://evil.example' } }),
			'content.0',
			'node'
		],
		['horizontalRule', doc({ type: 'horizontalRule' }), 'content.0', 'node'],
		['table', doc({ type: 'table', content: [] }), 'content.0', 'node'],
		['__proto__ as a type', doc({ type: '__proto__' }), 'content.0', 'node'],
		['text at block level', doc(text('x')), 'content.0', 'structure'],
		[
			'a paragraph inside a paragraph',
			doc(paragraph(paragraph())),
			'content.0.content.0',
			'structure'
		],
		['a list item at block level', doc(item(paragraph())), 'content.0', 'structure'],
		[
			'a paragraph straight in a list',
			doc({ type: 'bulletList', content: [paragraph()] }),
			'content.0.content.0',
			'structure'
		],
		['an empty list', doc({ type: 'orderedList', content: [] }), 'content.0', 'structure'],
		['an empty quote', doc({ type: 'blockquote' }), 'content.0', 'structure'],
		[
			'a list item that does not start with a paragraph',
			doc({ type: 'bulletList', content: [item({ type: 'blockquote', content: [paragraph()] })] }),
			'content.0.content.0',
			'structure'
		],
		[
			'a text node without text',
			doc(paragraph({ type: 'text' })),
			'content.0.content.0.text',
			'type'
		],
		[
			'marks that are not a list',
			doc(paragraph({ type: 'text', text: 'x', marks: {} })),
			'content.0.content.0.marks',
			'type'
		]
	])('refuses %s', (_name, input, path, code) => {
		expectInvalid(input, path, code);
	});

	it.each([
		['code', { type: 'code' }],
		['strike', { type: 'strike' }],
		['underline', { type: 'underline' }],
		[
			'textStyle with a style',
			{ type: 'textStyle', attrs: { style: 'background:url(javascript:alert(1))' } }
		],
		['highlight', { type: 'highlight', attrs: { color: 'red' } }],
		['a mark without a type', { attrs: {} }]
	])('refuses the mark %s', (_name, mark) => {
		expectInvalid(marked(mark), 'content.0.content.0.marks.0', 'mark');
	});

	it.each([
		'javascript:alert(1)',
		'JaVaScRiPt:alert(1)',
		' javascript:alert(1)',
		'\u0000javascript:alert(1)',
		'\u0001\u001fjavascript:alert(1)',
		'\tjavascript:alert(1)',
		'\njavascript:alert(1)',
		'java\tscript:alert(1)',
		'java\nscript:alert(1)',
		'https://example.org/\u0000',
		'&#106;avascript:alert(1)',
		'&#x6A;avascript:alert(1)',
		'javascript&colon;alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
		'vbscript:msgbox(1)',
		'file:///etc/passwd',
		'ftp://example.org/',
		'//evil.example/x',
		'/relative/path',
		'#top',
		'https:evil.example',
		'http://',
		'https://exa mple.org/',
		'',
		'   ',
		'x'.repeat(3_000),
		42,
		null
	])('refuses the link %j', (href) => {
		const path = 'content.0.content.0.marks.0.attrs.href';
		const err = failure(() => parse(marked(link(href))));
		expect(err.status).toBe(422);
		expect(err.errors[0].path).toBe(path);
	});

	it('refuses a link without attrs', () => {
		expectInvalid(marked({ type: 'link' }), 'content.0.content.0.marks.0.attrs', 'type');
	});

	it('refuses more than 20,000 characters, in one text node or across many', () => {
		expectInvalid(doc(paragraph(text('x'.repeat(20_001)))), 'content.0.content.0.text', 'too_long');
		const pieces = Array.from({ length: 21 }, () => paragraph(text('x'.repeat(1_000))));
		expectInvalid(doc(...pieces), 'content.20.content.0.text', 'too_long');
		expectInvalid(
			doc(paragraph(text('x'.repeat(5_000_000)))),
			'content.0.content.0.text',
			'too_long'
		);
	});

	it('refuses blocks nested more than 10 deep, and stops there however deep the input goes', () => {
		let deep = paragraph(text('deep'));
		for (let i = 0; i < 10; i++) {
			deep = { type: 'blockquote', content: [deep] };
		}
		expectInvalid(doc(deep), `content${'.0.content'.repeat(10)}.0`, 'too_deep');
		let lists = paragraph(text('deep'));
		for (let i = 0; i < 6; i++) {
			lists = { type: 'bulletList', content: [item(paragraph(), lists)] };
		}
		expect(failure(() => parse(doc(lists))).errors[0].code).toBe('too_deep');
		let abyss: Json = paragraph(text('deep'));
		for (let i = 0; i < 100_000; i++) {
			abyss = { type: 'blockquote', content: [abyss] };
		}
		expect(failure(() => parse(doc(abyss))).errors[0].code).toBe('too_deep');
	});

	it('refuses more than 5,000 nodes', () => {
		const many = Array.from({ length: 2_501 }, () => paragraph(text('x')));
		// 2,500 paragraphs and their text are 5,000 nodes: the next paragraph is one too many.
		expectInvalid(doc(...many), 'content.2500', 'too_large');
	});
});

const payloads = [
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'<svg onload=alert(1)>',
	'<a href="javascript:alert(1)">x</a>',
	'"><script>alert(1)</script>',
	"' onmouseover='alert(1)",
	'<iframe src="javascript:alert(1)"></iframe>',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
	'</p><p onclick=alert(1)>',
	'&lt;script&gt;alert(1)&lt;/script&gt;',
	'&#60;script&#62;alert(1)',
	'<!--<script>-->alert(1)',
	'<style>*{background:url(javascript:alert(1))}</style>',
	'\u0000<script>alert(1)</script>',
	'<<script>script>alert(1)<</script>/script>'
];

describe('XSS payloads come back inert', () => {
	it.each(payloads)('as text: %j', (payload) => {
		const rationale = parse(doc(paragraph(text(payload, [{ type: 'bold' }]))));
		const html = render(rationale);
		expectInert(html);
		const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
		// What the reader sees is what was written, control characters aside.
		expect(document.body.textContent).toBe(payload.replace('\u0000', ''));
	});

	it.each(payloads)('as link text, in a list and a quote: %j', (payload) => {
		const input = doc({
			type: 'blockquote',
			content: [
				{
					type: 'bulletList',
					content: [item(paragraph(text(payload, [link('https://example.org/?q=<x>"')])))]
				}
			]
		});
		expectInert(render(parse(input)));
	});

	it('a link address cannot break out of its attribute', () => {
		const html = render(parse(marked(link('https://example.org/"onmouseover="alert(1)'))));
		expect(html).toBe(
			'<p><a href="https://example.org/%22onmouseover=%22alert(1)" rel="nofollow noopener">word</a></p>'
		);
		expectInert(html);
	});

	it('whatever is sent, parse refuses it or render writes only allowed tags and links', () => {
		const words = fc.oneof(fc.constantFrom(...payloads), fc.string({ maxLength: 30 }));
		const hrefs = fc.oneof(
			fc.constantFrom(
				'javascript:alert(1)',
				' JaVaScRiPt:alert(1)',
				'\u0000javascript:alert(1)',
				'data:text/html,<script>alert(1)</script>',
				'vbscript:x',
				'&#106;avascript:alert(1)',
				'https://example.org/"><script>alert(1)</script>',
				'mailto:"><img src=x onerror=alert(1)>',
				'http://example.org/ onclick=alert(1)'
			),
			fc.webUrl(),
			fc.string({ maxLength: 20 })
		);
		const mark = fc.oneof(
			fc.constantFrom<Json>({ type: 'bold' }, { type: 'italic' }, { type: 'code' }),
			hrefs.map((href) => link(href, { onclick: 'alert(1)' }))
		);
		const inline = fc.oneof(
			fc.record({
				type: fc.constant('text'),
				text: words,
				marks: fc.array(mark, { maxLength: 3 }),
				attrs: fc.constant({ onclick: 'alert(1)' })
			}),
			fc.constantFrom<Json>({ type: 'hardBreak' }, { type: 'image', attrs: { src: 'x' } })
		);
		const para = fc.array(inline, { maxLength: 5 }).map((content) => paragraph(...content));
		const block = fc.oneof(
			para,
			para.map((p) => ({ type: 'blockquote', content: [p] })),
			fc
				.array(para, { minLength: 1, maxLength: 3 })
				.map((ps) => ({ type: 'orderedList', content: ps.map((p) => item(p)) }))
		);
		fc.assert(
			fc.property(fc.array(block, { maxLength: 4 }), (content) => {
				let rationale;
				try {
					rationale = parse(doc(...content));
				} catch (err) {
					expect(err).toBeInstanceOf(AppError);
					expect((err as AppError).status).toBe(422);
					return;
				}
				expectInert(render(rationale));
			}),
			{ numRuns: 300 }
		);
	});
});

describe('plainText and isEmpty', () => {
	const rich = doc(
		paragraph(
			text('First', [{ type: 'bold' }]),
			text(' line'),
			{ type: 'hardBreak' },
			text('second')
		),
		{ type: 'bulletList', content: [item(paragraph(text('a'))), item(paragraph(text('b')))] },
		{ type: 'paragraph' },
		{ type: 'blockquote', content: [paragraph(text('quoted', [link('https://example.org/')]))] }
	);

	it('joins every paragraph, in lists and quotes too, with blank lines', () => {
		expect(plainText(parse(rich))).toBe('First line\nsecond\n\na\n\nb\n\nquoted');
	});

	it.each([
		[{ type: 'doc' }, true],
		[doc(), true],
		[doc({ type: 'paragraph' }), true],
		[doc(paragraph(text(' \n\t ')), paragraph({ type: 'hardBreak' })), true],
		[doc({ type: 'bulletList', content: [item({ type: 'paragraph' })] }), true],
		[doc(paragraph(text('x'))), false],
		[rich, false]
	])('isEmpty(%j) is %s', (input, empty) => {
		expect(isEmpty(parse(input))).toBe(empty);
	});
});
