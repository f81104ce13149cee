import { describe, expect, it } from 'vitest';
import {
	listAnnotations,
	MAX_CLAIM_TEXT,
	placeAnnotation,
	readAnnotation,
	type Readable
} from '$lib/annotation-import';

// Emoji before the claims: UTF-16 offsets (what Hypothesis writes) run ahead of code points.
const text = [
	'🚀🚀 Launch day: the minister said exports grew 12% in 2024 🇹🇼 and that wages rose 3%.',
	'Critics 😀 said wages rose 3% only in the capital.'
].join('\n\n');

const utf16 = (words: string, from = 0) => {
	const start = text.indexOf(words, from);
	return { start, end: start + words.length };
};
const codePoints = (words: string, from = 0) => {
	const { start, end } = utf16(words, from);
	return { start: [...text.slice(0, start)].length, end: [...text.slice(0, end)].length };
};

/** An annotation as the Hypothesis API returns it (a row of /api/search). */
function hypothesisRow(selector: object[], extra: object = {}) {
	return {
		id: 'Qk5o9FyKEe-0a0Nq1mCmDw',
		created: '2025-03-02T09:14:07.611123+00:00',
		updated: '2025-03-02T09:14:07.611123+00:00',
		user: 'acct:factdesk@hypothes.is',
		uri: 'https://news.example.org/2025/03/launch-day',
		text: 'Ministry data say 9.8%, not 12%.',
		tags: ['economy'],
		group: '__world__',
		permissions: { read: ['group:__world__'], admin: ['acct:factdesk@hypothes.is'] },
		target: [{ source: 'https://news.example.org/2025/03/launch-day', selector }],
		document: { title: ['Launch day'] },
		links: { html: 'https://hypothes.is/a/Qk5o9FyKEe-0a0Nq1mCmDw' },
		user_info: { display_name: 'Fact Desk' },
		flagged: false,
		hidden: false,
		...extra
	};
}

const quoteOf = (exact: string, prefix?: string, suffix?: string) => ({
	type: 'TextQuoteSelector',
	exact,
	...(prefix === undefined ? {} : { prefix }),
	...(suffix === undefined ? {} : { suffix })
});
const positionOf = (range: { start: number; end: number }) => ({
	type: 'TextPositionSelector',
	...range
});

function readable(annotation: unknown): Readable {
	const read = readAnnotation(annotation, 0);
	if (!read.ok) {
		throw new Error(`unreadable: ${read.reason}`);
	}
	return read;
}

describe('listAnnotations', () => {
	const one = { type: 'Annotation', target: 'https://example.org/' };
	it.each([
		['an array', [one, one], 2],
		[
			'a collection with an embedded first page',
			{ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [one] } },
			1
		],
		['a collection with items', { type: 'AnnotationCollection', items: [one, one] }, 2],
		['a page', { type: 'AnnotationPage', items: [one] }, 1],
		['one annotation', one, 1],
		['a Hypothesis search response', { total: 2, rows: [one, one] }, 2],
		[
			"a Hypothesis client's export",
			{
				export_date: '2025-03-02',
				export_userid: 'acct:x@hypothes.is',
				client_version: '1.1',
				annotations: [one]
			},
			1
		],
		['a JSON-LD type list', { '@type': ['AnnotationCollection'], first: { items: [] } }, 0]
	])('takes %s', (_label, body, count) => {
		const listed = listAnnotations(body);
		expect('annotations' in listed && listed.annotations.length).toBe(count);
	});

	it.each([
		['a string', 'hello'],
		['null', null],
		['an unrelated object', { name: 'x' }],
		[
			'a collection whose page is elsewhere',
			{ type: 'AnnotationCollection', first: 'https://example.org/p1' }
		],
		[
			'a collection that continues on other pages',
			{ type: 'AnnotationCollection', first: { items: [one], next: 'https://example.org/p2' } }
		],
		['a collection without annotations', { type: 'AnnotationCollection', total: 3 }]
	])('refuses %s, saying why', (_label, body) => {
		const listed = listAnnotations(body);
		expect('problem' in listed && listed.problem.length).toBeGreaterThan(10);
	});
});

describe('readAnnotation', () => {
	it('reads a Hypothesis row: quote, UTF-16 position, and its text as a note', () => {
		const row = hypothesisRow([
			{
				type: 'RangeSelector',
				startContainer: '/div[1]/p[1]',
				startOffset: 40,
				endContainer: '/div[1]/p[1]',
				endOffset: 60
			},
			positionOf(utf16('exports grew 12%')),
			quoteOf('exports grew 12%', 'the minister said ', ' in 2024')
		]);
		expect(readAnnotation(row, 3)).toEqual({
			ok: true,
			index: 3,
			quote: {
				type: 'TextQuoteSelector',
				exact: 'exports grew 12%',
				prefix: 'the minister said ',
				suffix: ' in 2024'
			},
			position: utf16('exports grew 12%'),
			claimText: '',
			note: 'Ministry data say 9.8%, not 12%.'
		});
	});

	it('moves whitespace around the words into the context and out of the position', () => {
		const read = readable({
			target: {
				selector: [
					quoteOf(' wages rose 3%\n', 'and that', 'only'),
					positionOf({ start: 10, end: 25 })
				]
			}
		});
		expect(read.quote).toEqual({
			type: 'TextQuoteSelector',
			exact: 'wages rose 3%',
			prefix: 'and that ',
			suffix: '\nonly'
		});
		expect(read.position).toEqual({ start: 11, end: 24 });
	});

	it('normalises the words to NFC', () => {
		const read = readable({ target: { selector: quoteOf('Cafe\u0301') } });
		expect(read.quote?.exact).toBe('Café');
	});

	it('takes a describing body as the claim as checked, other bodies as a note, and skips tags', () => {
		const read = readable({
			type: 'Annotation',
			body: [
				{ type: 'TextualBody', value: 'Exports grew 12% in 2024', purpose: 'describing' },
				{ type: 'TextualBody', value: 'economy', purpose: 'tagging' },
				{ type: 'TextualBody', value: 'See the customs office table.', purpose: 'commenting' },
				{ type: 'TextualBody', value: 'Second note' },
				'https://example.org/linked-body'
			],
			target: { source: 'https://elsewhere.example/', selector: quoteOf('exports grew 12%') }
		});
		expect(read.claimText).toBe('Exports grew 12% in 2024');
		expect(read.note).toBe('See the customs office table.\n\nSecond note');
	});

	it('keeps a description too long for the claim as checked as a note', () => {
		const long = 'x'.repeat(MAX_CLAIM_TEXT + 1);
		const read = readable({
			body: { type: 'TextualBody', value: long, purpose: 'describing' },
			target: { selector: quoteOf('exports') }
		});
		expect(read.claimText).toBe('');
		expect(read.note).toBe(long);
	});

	it.each([
		['a number', 42, 'malformed'],
		['an annotation without a target', { type: 'Annotation', body: { value: 'x' } }, 'malformed'],
		[
			'a Hypothesis reply',
			hypothesisRow([], {
				references: ['Qk5o9FyKEe-0a0Nq1mCmDw'],
				target: [{ source: 'https://news.example.org/' }]
			}),
			'reply'
		],
		[
			'a page note',
			hypothesisRow([], { target: [{ source: 'https://news.example.org/' }] }),
			'no_selector'
		],
		[
			'a target that is only a URL',
			{ type: 'Annotation', target: 'https://news.example.org/' },
			'no_selector'
		],
		[
			'markup selectors only',
			{
				target: {
					selector: [
						{ type: 'XPathSelector', value: '/p[2]' },
						{ type: 'CssSelector', value: 'p' }
					]
				}
			},
			'unsupported_selector'
		],
		[
			'a quote without words',
			{ target: { selector: { type: 'TextQuoteSelector', exact: '  ' } } },
			'invalid_selector'
		],
		[
			'words that are not text',
			{ target: { selector: { type: 'TextQuoteSelector', exact: 12 } } },
			'invalid_selector'
		],
		[
			'an inverted position alone',
			{ target: { selector: positionOf({ start: 9, end: 3 }) } },
			'invalid_selector'
		],
		[
			'a fractional position alone',
			{ target: { selector: positionOf({ start: 1.5, end: 3 }) } },
			'invalid_selector'
		],
		[
			'words over 20,000 characters',
			{ target: { selector: quoteOf('y'.repeat(20_001)) } },
			'too_long'
		]
	])('reports %s as unreadable (%s)', (_label, annotation, reason) => {
		const read = readAnnotation(annotation, 7);
		expect(read).toMatchObject({ ok: false, index: 7, reason });
		expect(read.ok === false && read.detail.length).toBeGreaterThan(10);
	});

	it('ignores a broken position beside good words', () => {
		const read = readable({
			target: { selector: [quoteOf('exports'), positionOf({ start: -1, end: 3 })] }
		});
		expect(read.position).toBeUndefined();
		expect(read.quote?.exact).toBe('exports');
	});
});

describe('placeAnnotation', () => {
	const place = (selector: object[]) => placeAnnotation(text, readable({ target: { selector } }));

	it('converts a position in UTF-16 units (Hypothesis) on a text with emoji', () => {
		const words = 'wages rose 3%';
		expect(utf16(words)).not.toEqual(codePoints(words));
		expect(place([positionOf(utf16(words)), quoteOf(words, 'and that ', '.')])).toEqual({
			...codePoints(words),
			confidence: 1,
			how: 'position',
			utf16: true
		});
	});

	it('takes a position in code points as it is', () => {
		const words = 'exports grew 12%';
		expect(
			place([quoteOf(words, 'minister said ', ' in 2024'), positionOf(codePoints(words))])
		).toEqual({
			...codePoints(words),
			confidence: 1,
			how: 'position',
			utf16: false
		});
	});

	it('places words alone by their quote', () => {
		expect(place([quoteOf('exports grew 12%')])).toMatchObject({
			...codePoints('exports grew 12%'),
			how: 'quote'
		});
	});

	it('tells look-alikes apart by context, and the second one by its context', () => {
		const second = codePoints('wages rose 3%', text.indexOf('Critics'));
		expect(
			place([quoteOf('wages rose 3%', 'Critics 😀 said ', ' only in the capital')])
		).toMatchObject({
			...second,
			how: 'quote'
		});
	});

	it('places a position alone, in code points', () => {
		const range = codePoints('Launch day');
		expect(place([positionOf(range)])).toEqual({
			...range,
			confidence: 1,
			how: 'position',
			utf16: false
		});
	});

	it('accepts a confident fuzzy match and says so', () => {
		const placed = place([quoteOf('the minister said exports grew 12 % in 2024')]);
		expect(placed).toMatchObject({ how: 'fuzzy' });
		expect('confidence' in placed && placed.confidence).toBeGreaterThanOrEqual(0.75);
		expect('confidence' in placed && placed.confidence).toBeLessThan(1);
	});

	it.each([
		[
			'words that no longer match',
			[quoteOf('the prime minister resigned on Tuesday evening')],
			'not_found'
		],
		['look-alikes without context', [quoteOf('wages rose 3%')], 'ambiguous'],
		['a position alone beyond the text', [positionOf({ start: 10, end: 10_000 })], 'out_of_range']
	])('refuses %s (%s)', (_label, selector, reason) => {
		expect(place(selector)).toMatchObject({ reason });
	});

	it('refuses a position alone that splits a flag (two code points, one character)', () => {
		const flag = codePoints('🇹🇼');
		expect(place([positionOf({ start: flag.start, end: flag.start + 1 })])).toMatchObject({
			reason: 'splits_character'
		});
	});

	it('falls back to the quote when the position points elsewhere in either count', () => {
		expect(place([quoteOf('exports grew 12%'), positionOf({ start: 0, end: 16 })])).toMatchObject({
			...codePoints('exports grew 12%'),
			how: 'quote'
		});
	});
});
