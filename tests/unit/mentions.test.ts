import { describe, expect, it } from 'vitest';
import {
	findMentionQuery,
	insertMention,
	rankPeople,
	splitMentions
} from '$lib/workspace/mentions';

const people = [
	{ id: 'ann', name: 'Ann Lee' },
	{ id: 'annie', name: 'Annie Hall' },
	{ id: 'joanna', name: 'Joanna Brook' },
	{ id: 'wang', name: '王小明' },
	{ id: 'xiao', name: '小林' },
	{ id: 'zoe', name: 'Zoë Ångström' },
	{ id: 'lee', name: 'Lee Ann' }
];

/** `text` with `|` marking the caret. */
function at(marked: string): [string, number] {
	const caret = marked.indexOf('|');
	return [marked.replace('|', ''), caret];
}

describe('findMentionQuery', () => {
	it.each([
		['@|', { start: 0, query: '' }],
		['@An|', { start: 0, query: 'An' }],
		['Hi @ann|', { start: 3, query: 'ann' }],
		['Hi @Ann L|', { start: 3, query: 'Ann L' }],
		['(@Jo|', { start: 1, query: 'Jo' }],
		['請問@王小|', { start: 2, query: '王小' }],
		['請問 @王|', { start: 3, query: '王' }],
		['ok 👍@Zo|', { start: 5, query: 'Zo' }],
		['Hi @An| and more after', { start: 3, query: 'An' }],
		['first line\n@Lee|', { start: 11, query: 'Lee' }],
		['@Ann Lee @Jo|', { start: 9, query: 'Jo' }],
		// Spaces are allowed in the fragment; past the end of every name it matches nobody.
		['Hi @Ann Lee thanks|', { start: 3, query: 'Ann Lee thanks' }]
	])('%j finds the fragment', (marked, expected) => {
		const [text, caret] = at(marked);
		expect(findMentionQuery(text, caret)).toEqual({ ...expected, end: caret });
	});

	it.each([
		['no mention here|'],
		['|@Ann'],
		['mail ann@example.org|'],
		['mail ann@ex|'],
		['mail first.last@|'],
		['a@@b|'],
		['@Ann |'],
		['@ Ann|'],
		['@Ann\nLee|'],
		['@' + 'x'.repeat(80) + '|']
	])('%j has none', (marked) => {
		const [text, caret] = at(marked);
		expect(findMentionQuery(text, caret)).toBeNull();
	});

	it('ignores a caret outside the text', () => {
		expect(findMentionQuery('@Ann', 0)).toBeNull();
		expect(findMentionQuery('@Ann', 99)).toBeNull();
	});
});

describe('rankPeople', () => {
	it.each([
		['', ['Ann Lee', 'Annie Hall', 'Joanna Brook', 'Lee Ann', 'Zoë Ångström', '小林', '王小明']],
		['ann', ['Ann Lee', 'Annie Hall', 'Lee Ann', 'Joanna Brook']],
		['ANN L', ['Ann Lee']],
		['lee', ['Lee Ann', 'Ann Lee']],
		['小', ['小林', '王小明']],
		['王小明', ['王小明']],
		['zoë å', ['Zoë Ångström']],
		['nobody', []],
		['Ann Lee thanks', []]
	])('%j matches, start of name first', (query, names) => {
		expect(rankPeople(people, query).map((p) => p.name)).toEqual(names);
	});

	it('keeps at most `limit`', () => {
		expect(rankPeople(people, '', 3)).toHaveLength(3);
	});
});

describe('insertMention', () => {
	it.each([
		['@An|', 'Ann Lee', '@Ann Lee |'],
		['Hi @jo|, see this', 'Joanna Brook', 'Hi @Joanna Brook |, see this'],
		['Hi @an| see this', 'Ann Lee', 'Hi @Ann Lee |see this'],
		['請問@王|可以嗎', '王小明', '請問@王小明 |可以嗎'],
		['line one\n@|\nline three', 'Lee Ann', 'line one\n@Lee Ann |\nline three']
	])('%j with %j gives %j', (marked, name, expected) => {
		const [text, caret] = at(marked);
		const query = findMentionQuery(text, caret);
		if (!query) {
			throw new Error(`no fragment in ${marked}`);
		}
		const result = insertMention(text, query, name);
		expect(result.text.slice(0, result.caret) + '|' + result.text.slice(result.caret)).toBe(
			expected
		);
	});
});

describe('splitMentions', () => {
	const show = (body: string) =>
		splitMentions(body, people).map((part) => (part.person ? `[${part.person.id}]` : part.text));

	it.each([
		['', []],
		['no mentions', ['no mentions']],
		['@Ann Lee look', ['[ann]', ' look']],
		['cc @Ann Lee, @王小明。', ['cc ', '[ann]', ', ', '[wang]', '。']],
		['@Ann Leeds is not Ann', ['@Ann Leeds is not Ann']],
		['mail ann@example.org', ['mail ann@example.org']],
		['@ann lee is case-sensitive', ['@ann lee is case-sensitive']],
		['line\n@Lee Ann\nnext', ['line\n', '[lee]', '\nnext']],
		['<b>@Zoë Ångström</b>', ['<b>', '[zoe]', '</b>']]
	])('%j', (body, parts) => {
		expect(show(body)).toEqual(parts);
	});

	it('gives back the body unchanged when joined', () => {
		const body = 'x @Ann Lee y @Annie Hall\n@王小明 z @nobody';
		expect(
			splitMentions(body, people)
				.map((part) => part.text)
				.join('')
		).toBe(body);
	});
});
