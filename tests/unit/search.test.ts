import { describe, expect, it } from 'vitest';
import {
	claimTerms,
	escapeHtml,
	findingTerms,
	pairQuery,
	parseQuery,
	roughStem,
	searchTerms,
	similarity,
	snippet,
	TermBudget
} from '$lib/search';

describe('searchTerms', () => {
	it.each([
		['Rising PRICES, again!', 'rising prices again'],
		['氣候變化', '氣候 候變 變化 化'],
		['中', '中'],
		['台灣的GDP成長3.5%', '台灣 灣的 的 gdp 成長 長 3 5'],
		['東京タワーへ行った', '東京 京タ タワ ワー ーへ へ行 行っ った た'],
		['서울 날씨가 좋다', '서울 울 날씨 씨가 가 좋다 다'],
		['ＦＵＬＬ-width ｶﾀｶﾅ', 'full width カタ タカ カナ ナ'],
		['Café déjà vu', 'café déjà vu'],
		['Cafe\u0301', 'café'],
		['مرحبا بالعالم', 'مرحبا بالعالم'],
		['emoji 🎉 between 👩‍👩‍👧 words', 'emoji between words'],
		['', ''],
		['!!! ... ???', '']
	])('%j → %j', (text, terms) => {
		expect(searchTerms(text)).toBe(terms);
	});

	it('stops before the tsvector would grow past its limit', () => {
		// Every bigram distinct: the worst case for the vector's size.
		const chars = Array.from({ length: 60_000 }, (_, i) => String.fromCodePoint(0x4e00 + i));
		const terms = searchTerms(chars.join(''), new TermBudget(100_000));
		const count = terms.split(' ').length;
		expect(count).toBeGreaterThan(5_000);
		expect(count).toBeLessThan(10_000);
	});
});

describe('parseQuery', () => {
	it.each([
		['氣候', "('氣候')"],
		['一石二鳥', "('一石' <-> '石二' <-> '二鳥')"],
		['中', "'中':*"],
		['rising prices', "'rising' & 'prices'"],
		['AI 晶片', "'ai' & ('晶片')"],
		["it's <b>&|!:*()</b>", "'it' & 's' & 'b'"],
		['Rising rising', "'rising'"]
	])('%j → %j', (q, tsquery) => {
		expect(parseQuery(q)?.tsquery).toBe(tsquery);
	});

	it('reads words as beginnings of words when asked', () => {
		expect(parseQuery('budg 預算', { prefixes: true })?.tsquery).toBe("'budg':* & ('預算')");
	});

	it('has nothing to search in punctuation, emoji or spaces', () => {
		expect(parseQuery('  ')).toBeNull();
		expect(parseQuery('?!。、🎉')).toBeNull();
	});
});

describe('roughStem', () => {
	it('brings the forms of an English word together, and leaves other scripts alone', () => {
		expect(roughStem('prices')).toBe(roughStem('price'));
		expect(roughStem('priced')).toBe(roughStem('price'));
		expect(roughStem('running')).toBe('run');
		expect(roughStem('policies')).toBe(roughStem('policy'));
		expect(roughStem('晶片')).toBe('晶片');
		expect(roughStem('café')).toBe('café');
	});
});

describe('snippet', () => {
	it('marks the matches, escaped, and never lets markup of the text through', () => {
		const html = snippet('<script>alert(1)</script> Prices rose & rents fell', parseQuery('price'));
		expect(html).toBe(
			'&lt;script&gt;alert(1)&lt;/script&gt; <mark>Prices</mark> rose &amp; rents fell'
		);
	});

	it('marks a Chinese two-character word and a four-character idiom', () => {
		const query = parseQuery('晶片 一石二鳥');
		expect(snippet('美國的晶片限制，一石二鳥之計。', query)).toBe(
			'美國的<mark>晶片</mark>限制，<mark>一石二鳥</mark>之計。'
		);
	});

	it('cuts around the matches without splitting an emoji, and says where it cut', () => {
		const text = '😀'.repeat(100) + ' 重點在這裡 ' + '😀'.repeat(100);
		const html = snippet(text, parseQuery('重點'), 40);
		expect(html.startsWith('…')).toBe(true);
		expect(html.endsWith('…')).toBe(true);
		expect(html).toContain('<mark>重點</mark>');
		expect(html).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
		expect(html).not.toMatch(/(?<![\ud800-\udbff])[\udc00-\udfff]/);
	});

	it('keeps right-to-left text and mixed scripts intact', () => {
		expect(snippet('قال الوزير إن الصين تقدمت في AI', parseQuery('الصين ai'))).toBe(
			'قال الوزير إن <mark>الصين</mark> تقدمت في <mark>AI</mark>'
		);
	});

	it('begins the text when nothing matches, and escapes it', () => {
		expect(snippet('a < b', null)).toBe('a &lt; b');
		expect(escapeHtml(`"'&<>`)).toBe('&quot;&#39;&amp;&lt;&gt;');
	});
});

describe('claim matching terms', () => {
	it('finds a paraphrase more similar than a claim on another subject', () => {
		const published = claimTerms('去年台灣的失業率是3.5%，創下十年新低', roughStem);
		const paraphrase = claimTerms('台灣去年失業率3.5%，為十年來最低', roughStem);
		const other = claimTerms('台灣去年的出口成長了12%', roughStem);
		expect(similarity(published, paraphrase)).toBeGreaterThan(0.35);
		expect(similarity(published, paraphrase)).toBeGreaterThan(similarity(published, other));
	});

	it('ignores English stop words and word forms', () => {
		expect(claimTerms('The prices of the houses', roughStem)).toEqual([
			roughStem('prices'),
			roughStem('houses')
		]);
		expect(
			similarity(
				claimTerms('Rents have fallen by 12 percent', roughStem),
				claimTerms('Rent fell 12 percent', roughStem)
			)
		).toBeGreaterThan(0.5);
	});

	it('asks for two shared terms, or the only one', () => {
		expect(pairQuery([])).toBeNull();
		expect(pairQuery(['a'])).toBe("'a'");
		expect(pairQuery(['a', 'b', 'c'])).toBe("('a' & 'b') | ('a' & 'c') | ('b' & 'c')");
	});

	it('finds candidates by the rarest terms, spread over the claim when rarity is unknown', () => {
		const many = Array.from({ length: 40 }, (_, i) => `t${i}`);
		expect(findingTerms(many)).toEqual(['t0', 't5', 't11', 't17', 't22', 't28', 't34']);
		expect(pairQuery(findingTerms(many))?.split(' | ')).toHaveLength(21);
		const shares: Record<string, number> = { a: 0.3, b: 0.05, c: 0.001, d: 0.015 };
		expect(findingTerms(['a', 'b', 'c', 'd', 'e'], (term) => shares[term])).toEqual([
			'e',
			'c',
			'd'
		]);
		// All common: the two rarest still find something.
		expect(findingTerms(['a', 'b'], (term) => shares[term])).toEqual(['b', 'a']);
		expect(findingTerms(['a', 'b', 'c'], (term) => shares[term])).toEqual(['c', 'b']);
	});
});
