import { readFileSync } from 'node:fs';
import { describe as group, expect, it } from 'vitest';
import {
	codePointLength,
	describe,
	reanchor,
	sliceCodePoints,
	type Described,
	type Reanchored
} from '$lib/anchoring';
import { canonicalText, paragraphs } from '$lib/text/canonical';

/** Realistic publisher edits of the sample article (Traditional Chinese), claim by claim. */
const article = canonicalText(readFileSync('seeds/sample-article.zh-Hant.txt', 'utf8'));
const parts = paragraphs(article);

/** Code point offset of the `nth` occurrence of `words`. */
function at(source: string, words: string, nth = 0): number {
	let index = -1;
	for (let i = 0; i <= nth; i++) {
		index = source.indexOf(words, index + 1);
		if (index < 0) {
			throw new Error(`"${words}" is not there ${nth + 1} times`);
		}
	}
	return codePointLength(source.slice(0, index));
}

function claim(words: string, nth = 0): Described {
	const start = at(article, words, nth);
	return describe(article, start, start + codePointLength(words));
}

const claims = {
	ranked: claim('DeepSeek-V3在開源模型中排名第一'),
	chips: claim('1萬個英偉達A100晶片'),
	nested: claim('英偉達A100'),
	cluster: claim('Fire-Flyer 2集羣'),
	power: claim('中國還受益於擁有更多的電力來推動AI模型的訓練'),
	researchers: claim('研發人員稱Hunyuan-Large模型的性能優於一些美國開發的頂級開源模型'),
	entities: claim('136家中國實體和4家中國實體海外子公司'),
	question: claim(parts[13]),
	america: claim('美國政府獻策')
};
type Name = keyof typeof claims;
const names = Object.keys(claims) as Name[];

function revise(revised: string): Record<Name, Reanchored> {
	const results = reanchor(article, revised, Object.values(claims));
	return Object.fromEntries(names.map((name, i) => [name, results[i]])) as Record<Name, Reanchored>;
}

/** Expects the claim attached to its own words at the `nth` occurrence in `revised`. */
function expectAttached(
	result: Reanchored,
	status: 'anchored' | 'moved',
	revised: string,
	name: Name,
	nth = 0
): void {
	const exact = claims[name].quote.exact;
	expect(result).toMatchObject({ status, start: at(revised, exact, nth) });
	if (result.status !== 'orphaned') {
		expect(sliceCodePoints(revised, result.start, result.end)).toBe(exact);
	}
}

/** Expects the claim orphaned, with a suggestion on `suggested` (or none). */
function expectOrphaned(result: Reanchored, revised: string, suggested: string | null): void {
	expect(result.status).toBe('orphaned');
	if (result.status !== 'orphaned') {
		return;
	}
	if (suggested === null) {
		expect(result.suggestion).toBeNull();
		return;
	}
	expect(result.suggestion).not.toBeNull();
	const { start, end, confidence } = result.suggestion ?? { start: 0, end: 0, confidence: 0 };
	expect(sliceCodePoints(revised, start, end)).toBe(suggested);
	expect(confidence).toBeGreaterThan(0.85);
}

group('re-anchoring the sample article', () => {
	it('keeps every claim anchored where it was in the same text', () => {
		const results = revise(article);
		for (const name of names) {
			expect(results[name]).toMatchObject({
				status: 'anchored',
				start: claims[name].position.start,
				end: claims[name].position.end
			});
		}
	});

	it('keeps every claim anchored, shifted, after a paragraph inserted before', () => {
		const revised = `編者按:本文已於1月10日更新,補充了專家的評論。\n\n${article}`;
		const results = revise(revised);
		for (const name of names) {
			expectAttached(results[name], 'anchored', revised, name);
		}
	});

	it('orphans a claim whose number was corrected, suggesting the corrected words', () => {
		const revised = article.replace('用1萬個英偉達', '用2萬個英偉達');
		const results = revise(revised);
		expectOrphaned(results.chips, revised, '2萬個英偉達A100晶片');
		expectAttached(results.nested, 'anchored', revised, 'nested');
		expectAttached(results.cluster, 'anchored', revised, 'cluster');
	});

	it('follows claims in a paragraph moved elsewhere, and a claim that is a whole paragraph', () => {
		const moved = [...parts];
		const [power] = moved.splice(16, 1);
		moved.push(power);
		const [question] = moved.splice(13, 1);
		moved.splice(3, 0, question);
		const revised = moved.join('\n\n');
		const results = revise(revised);
		expectAttached(results.power, 'moved', revised, 'power');
		expectAttached(results.question, 'moved', revised, 'question');
		for (const name of names.filter((n) => n !== 'power' && n !== 'question')) {
			expectAttached(results[name], 'anchored', revised, name);
		}
	});

	it('does not mistake a duplicated look-alike sentence for the claim', () => {
		const summary = '摘要:DeepSeek-V3在開源模型中排名第一,而且成本更低。';
		const revised = `${summary}\n\n${article}`;
		expectAttached(revise(revised).ranked, 'anchored', revised, 'ranked', 1);
	});

	it('orphans a corrected claim rather than moving it to an uncorrected copy elsewhere', () => {
		// The paragraph is copied whole as a lead, then corrected only in the body: the copy has
		// the claim's words and context, but the claim's own words changed where they were.
		const lead = parts[5];
		const corrected = article.replace('在開源模型中排名第一', '在開源模型中排名第二');
		const revised = `${lead}\n\n${corrected}`;
		const results = revise(revised);
		expectOrphaned(results.ranked, revised, 'DeepSeek-V3在開源模型中排名第二');
	});

	it('orphans a claim with a typo fixed, suggesting the fixed words', () => {
		const revised = article.replace('研發人員稱', '研究人員稱');
		const results = revise(revised);
		expectOrphaned(
			results.researchers,
			revised,
			'研究人員稱Hunyuan-Large模型的性能優於一些美國開發的頂級開源模型'
		);
	});

	it('orphans the claims of a deleted paragraph, even when their words occur elsewhere', () => {
		const deleted = parts.filter((_, i) => i !== 21 && i !== 20);
		const revised = deleted.join('\n\n');
		const results = revise(revised);
		expectOrphaned(results.entities, revised, null);
		expect(results.america.status).toBe('orphaned');
		expectAttached(results.chips, 'anchored', revised, 'chips');
	});

	it('orphans a claim whose paragraph was rewritten', () => {
		const revised = article.replace(parts[16], '施密特還說,中國的電力供應充足,政府投資也很多。');
		expectOrphaned(revise(revised).power, revised, null);
	});
});

group('re-anchoring right-to-left text with emoji', () => {
	const text = 'مرحبا بالعالم 👋🏽\n\nقال الوزير إن النمو بلغ 5٪ هذا العام 📈\n\nשלום עולם 👩‍👩‍👧';

	it('keeps claims on Arabic, Hebrew and emoji anchored after an insertion before them', () => {
		const revised = `مقدمة جديدة.\n\n${text}`;
		const words = ['بالعالم 👋🏽', 'النمو بلغ 5٪', 'עולם 👩‍👩‍👧'];
		const described = words.map((w) => {
			const start = at(text, w);
			return describe(text, start, start + codePointLength(w));
		});
		const results = reanchor(text, revised, described);
		results.forEach((result, i) => {
			expect(result).toMatchObject({ status: 'anchored', start: at(revised, words[i]) });
		});
	});

	it('orphans a claim when a family emoji loses a member', () => {
		const start = at(text, 'עולם 👩‍👩‍👧');
		const described = describe(text, start, start + codePointLength('עולם 👩‍👩‍👧'));
		const revised = text.replace('👩‍👩‍👧', '👩‍👧');
		expect(reanchor(text, revised, [described])[0].status).toBe('orphaned');
	});
});
