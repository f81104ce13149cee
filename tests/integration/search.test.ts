import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as claims from '$lib/server/claims';
import { externalClaimReview } from '$lib/server/db/schema';
import { seedDemo } from '$lib/server/demo';
import * as documents from '$lib/server/documents';
import * as publishing from '$lib/server/publishing';
import * as search from '$lib/server/search';
import { parseQuery } from '$lib/search';
import { backends, countRows, resetData, rowsOf, useDatabase } from '../helpers/db';
import { rejection } from '../helpers/errors';
import { createUser } from '../helpers/factories';

describe.each(backends)('search and claim matching on %s', (kind) => {
	const ctx = useDatabase(kind);
	let editor: string;
	let slugs: Record<string, string>;
	let idioms: { id: string };
	let english: { id: string };

	const find = async (q: string, type?: search.SearchType, limit = 50) => {
		return search.search(ctx.db, must(q), { type, limit, offset: 0, locale: 'en' });
	};
	const must = (q: string) => {
		const query = parseQuery(q);
		if (!query) {
			throw new Error(`nothing to search in ${q}`);
		}
		return query;
	};
	const titles = async (q: string, type: search.SearchType) =>
		(await find(q, type)).items.map((item) => item.title);

	beforeAll(async () => {
		await resetData(ctx.db);
		await seedDemo(ctx.db);
		editor = (await createUser(ctx.db, { roles: ['editor'], name: 'Search Editor' })).id;
		slugs = Object.fromEntries((await documents.list(ctx.db)).map((d) => [d.status, d.slug]));
		idioms = await documents.create(
			ctx.db,
			{
				title: '成語選讀',
				text: '他這一招真是一石二鳥。\n\n可惜後來畫蛇添足，反而壞事。\n\n亡羊補牢，猶未為晚。',
				language: 'zh-Hant'
			},
			editor
		);
		english = await documents.create(
			ctx.db,
			{
				title: 'Rising prices',
				text: 'The minister said prices were rising fast. Running costs doubled; 東京 rents too. <b>bold</b>',
				language: 'en'
			},
			editor
		);
	});

	it('finds a Chinese two-character word in documents, claims and published verdicts', async () => {
		const all = await find('晶片');
		const types = new Set(all.items.map((item) => item.type));
		expect(types).toEqual(new Set(['document', 'claim', 'verdict']));
		const doc = all.items.find((item) => item.type === 'document');
		expect(doc?.snippet).toContain('<mark>晶片</mark>');
		expect(doc?.url).toMatch(/^\/documents\/[0-9a-f-]{36}$/);
		const verdict = all.items.find((item) => item.type === 'verdict');
		expect(verdict?.url).toMatch(
			new RegExp(`^/fact-checks/${encodeURIComponent(slugs.published)}#claim-`)
		);
		expect(verdict?.rating?.label).toBeTruthy();
		// Ranked: best first.
		const ranks = (await find('晶片', 'document')).items.map((item) => item.rank);
		expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
	});

	it('finds four-character idioms as a whole, not their characters scattered', async () => {
		expect(await titles('一石二鳥', 'document')).toEqual(['成語選讀']);
		expect(await titles('畫蛇添足', 'document')).toEqual(['成語選讀']);
		// The same four characters, not in a row: no match.
		expect(await titles('鳥二石一', 'document')).toEqual([]);
		const [item] = (await find('亡羊補牢', 'document')).items;
		expect(item.snippet).toContain('<mark>亡羊補牢</mark>');
		// One character finds the words it begins and ends.
		expect(await titles('鳥', 'document')).toContain('成語選讀');
		expect(await titles('晚', 'document')).toContain('成語選讀');
	});

	it('stems English words and escapes the snippet', async () => {
		expect(await titles('price', 'document')).toEqual(['Rising prices']);
		expect(await titles('rises', 'document')).toEqual(['Rising prices']);
		expect(await titles('run cost', 'document')).toEqual(['Rising prices']);
		expect(await titles('rents', 'document')).toContain('Rising prices');
		const [item] = (await find('bold', 'document')).items;
		expect(item.snippet).toContain('&lt;b&gt;<mark>bold</mark>&lt;/b&gt;');
		expect(item.snippet).not.toContain('<b>');
		expect(item.titleHtml).toBe('Rising prices');
	});

	it('finds mixed scripts: Latin and Chinese in one query', async () => {
		expect(await titles('DeepSeek 晶片', 'document')).toHaveLength(1);
		expect(await titles('rents 東京', 'document')).toEqual(['Rising prices']);
		expect(await titles('DeepSeek 一石二鳥', 'document')).toEqual([]);
	});

	it('finds claims by their restatement and their quote, never deleted ones', async () => {
		const made = await claims.create(
			ctx.db,
			english.id,
			{
				selector: [
					{ type: 'TextQuoteSelector', exact: 'prices were rising fast', prefix: '', suffix: '' }
				],
				claimText: 'Inflation is accelerating',
				claimant: 'The minister',
				claimDate: null
			},
			editor
		);
		expect(await titles('inflation', 'claim')).toEqual(['Inflation is accelerating']);
		expect(await titles('rising', 'claim')).toContain('Inflation is accelerating');
		const updated = await claims.update(
			ctx.db,
			made.id,
			made.version,
			{ claimText: 'Deflation is coming' },
			editor
		);
		expect(await titles('inflation', 'claim')).toEqual([]);
		expect(await titles('deflation', 'claim')).toEqual(['Deflation is coming']);
		await claims.remove(ctx.db, updated.id, editor);
		expect(await titles('deflation', 'claim')).toEqual([]);
	});

	it('pages with a cursor, and merges types by rank', async () => {
		const first = await search.search(ctx.db, must('晶片'), {
			limit: 2,
			offset: 0,
			locale: 'en'
		});
		expect(first.items).toHaveLength(2);
		expect(first.nextCursor).toBe('2');
		const second = await search.search(ctx.db, must('晶片'), {
			limit: 2,
			offset: 2,
			locale: 'en'
		});
		const ids = [...first.items, ...second.items].map((item) => `${item.type}:${item.id}`);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('keeps a revised text searchable as it is now', async () => {
		await documents.touch(ctx.db, idioms.id, { text: '守株待兔的故事。' });
		expect(await titles('守株待兔', 'document')).toEqual(['成語選讀']);
		expect(await titles('一石二鳥', 'document')).toEqual([]);
	});

	it('gives the public only what is published, Chinese and English alike', async () => {
		expect((await publishing.publicList(ctx.db, { q: '晶片' })).map((r) => r.slug)).toEqual([
			slugs.published
		]);
		// Words of the published text, of a claim and of a rationale.
		expect(await publishing.publicList(ctx.db, { q: '人工智慧' })).toHaveLength(1);
		expect(await publishing.publicList(ctx.db, { q: 'Hunyuan' })).toHaveLength(1);
		// Drafts and texts in review are not found by the public.
		expect(await publishing.publicList(ctx.db, { q: '一石二鳥' })).toHaveLength(0);
		expect(await publishing.publicList(ctx.db, { q: 'Harbourview' })).toHaveLength(0);
		expect(await publishing.publicList(ctx.db, { q: '%_' })).toHaveLength(0);
	});

	it('matches a paraphrase of a published claim, with its rating and link', async () => {
		const doc = await documents.create(
			ctx.db,
			{
				title: '另一篇報導',
				text: '報導說，騰訊研發人員在論文中稱，Hunyuan-Large的性能比一些美國開發的頂級開源模型更好。',
				language: 'zh-Hant'
			},
			editor
		);
		const claim = await claims.createAt(ctx.db, doc.id, { start: 4, end: 40 }, editor);
		const found = await search.matches(ctx.db, claim.id, { locale: 'zh-Hant' });
		expect(found.length).toBeGreaterThan(0);
		expect(found[0]).toMatchObject({
			source: 'factmark',
			publisher: null,
			retracted: false,
			rating: { label: '正確' }
		});
		expect(found[0].url).toMatch(
			new RegExp(`^/fact-checks/${encodeURIComponent(slugs.published)}#claim-`)
		);
		expect(found[0].claim).toContain('Hunyuan-Large');
		expect(found[0].similarity).toBeGreaterThanOrEqual(search.MIN_SIMILARITY);
		// What the editor types replaces the claim's words: something unrelated matches nothing.
		expect(await search.matches(ctx.db, claim.id, { text: '今天天氣很好', locale: 'en' })).toEqual(
			[]
		);
		// A claim of the published document itself is not its own match.
		const [own] = await rowsOf<{ id: string; documentId: string }>(
			ctx.db,
			sql`select claim_id as id, document_id as "documentId" from published_claim limit 1`
		);
		const self = await search.matches(ctx.db, own.id, { locale: 'en' });
		expect(self.every((m) => !m.url.includes(own.id))).toBe(true);
		expect((await rejection(search.matches(ctx.db, 'nope', { locale: 'en' }))).status).toBe(404);
	});

	it('matches imported ClaimReviews, in English with stemming', async () => {
		const [imported] = await ctx.db
			.insert(externalClaimReview)
			.values({
				url: 'https://checker.example.org/rents',
				claimReviewed: 'Rents in Harbourview fell 12% after the rent stabilisation ordinance',
				claimant: 'Dana Whitfield',
				publisher: 'Example Checks',
				ratingLabel: 'Half true',
				ratingValue: 3,
				bestRating: 5,
				worstRating: 1,
				language: 'en',
				datePublished: new Date('2025-03-01T00:00:00Z'),
				json: {}
			})
			.returning();
		expect(await search.indexExternal(ctx.db, [imported.id])).toBe(1);
		const third = (await documents.list(ctx.db)).find((d) => d.title.startsWith('Councillor'));
		const [first] = await claims.list(ctx.db, third?.id ?? '');
		const found = await search.matches(ctx.db, first.id, { locale: 'en' });
		expect(found.map((m) => m.publisher)).toEqual(
			expect.arrayContaining(['Example Checks', 'Harbour Fact Desk'])
		);
		const ours = found.find((m) => m.publisher === 'Example Checks');
		expect(ours).toMatchObject({
			source: 'external',
			url: 'https://checker.example.org/rents',
			rating: { label: 'Half true' }
		});
		expect(ours?.rating.color).toMatch(/^#[0-9a-f]{6}$/i);
		// The demo's Chinese text in review matches the (fictional) local fact-checker's verdicts.
		const second = (await documents.list(ctx.db)).find((d) => d.status === 'in_review');
		const [pm25] = await claims.list(ctx.db, second?.id ?? '');
		expect((await search.matches(ctx.db, pm25.id, { locale: 'zh-Hant' }))[0]).toMatchObject({
			publisher: '嵐港事實查核站',
			rating: { label: '部分錯誤' }
		});
	});

	it('indexes at startup whatever has no search row, and finds the same', async () => {
		const before = await find('晶片');
		await ctx.db.execute(sql`delete from claim_search`);
		await ctx.db.execute(sql`delete from document_search`);
		await ctx.db.execute(sql`delete from external_claim_review_search`);
		expect((await find('晶片')).items).toEqual([
			...before.items.filter((item) => item.type === 'verdict')
		]);
		expect(await search.indexPending(ctx.db)).toBeGreaterThan(10);
		expect((await find('晶片')).items.map((i) => i.id).sort()).toEqual(
			before.items.map((i) => i.id).sort()
		);
		expect(await publishing.publicList(ctx.db, { q: '晶片' })).toHaveLength(1);
		expect(await search.indexPending(ctx.db)).toBe(0);
		expect(await countRows(ctx.db, 'external_claim_review_search')).toBe(4);
		// Rows from before the title vector (migration 0009) get one.
		await ctx.db.execute(sql`update document_search set title = null`);
		expect(await search.indexPending(ctx.db)).toBe(await countRows(ctx.db, 'document'));
		expect(await documents.list(ctx.db, { q: '晶片' })).not.toEqual([]);
	});

	it('finds candidates by the rarest terms once statistics say which are common', async () => {
		const doc = await documents.create(
			ctx.db,
			{ title: '統計', text: '騰訊研發人員稱，Hunyuan-Large的性能更好。', language: 'zh-Hant' },
			editor
		);
		const claim = await claims.createAt(ctx.db, doc.id, { start: 0, end: 22 }, editor);
		const before = await search.matches(ctx.db, claim.id, { locale: 'en' });
		expect(before[0]?.claim).toContain('Hunyuan-Large');
		// 1,500 published claims share two of its terms: common, so left out of finding.
		const [published] = await rowsOf<{ documentId: string }>(
			ctx.db,
			sql`select document_id as "documentId" from published_claim limit 1`
		);
		await ctx.db.execute(sql`
			insert into published_claim (claim_id, document_id, version, claim_text, exact, claimant,
				language, published_at, search)
			select gen_random_uuid(), ${published.documentId}, 1, '騰訊研發', '', '', 'zh-Hant', now(),
				to_tsvector('simple', '騰訊 訊研 研發 ' || n)
			from generate_series(1, 1500) n`);
		await ctx.db.execute(sql`analyze published_claim`);
		const after = await search.matches(ctx.db, claim.id, { locale: 'en' });
		expect(after[0]).toEqual(before[0]);
	});

	it('indexes a text of 2 MB without exceeding the tsvector limit', async () => {
		const chars = Array.from({ length: 20_000 }, (_, i) => String.fromCodePoint(0x4e00 + i));
		const text = Array.from({ length: 35 }, () => chars.join('')).join('\n\n');
		const big = await documents.create(
			ctx.db,
			{ title: '很長的文字', text, language: 'zh-Hant' },
			editor
		);
		expect(await titles('很長', 'document')).toEqual(['很長的文字']);
		expect((await find(chars.slice(10, 14).join(''), 'document')).items[0].id).toBe(big.id);
	});
});
