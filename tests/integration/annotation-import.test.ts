import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_ANNOTATIONS } from '$lib/annotation-import';
import * as annotations from '$lib/server/annotations';
import * as claims from '$lib/server/claims';
import * as comments from '$lib/server/comments';
import { audit, document } from '$lib/server/db/schema';
import { AppError } from '$lib/server/errors';
import { backends, countRows, resetData, useDatabase } from '../helpers/db';
import { createDocument, createUser } from '../helpers/factories';

// Emoji early in the text: a Hypothesis position (UTF-16) is two units ahead per emoji.
const text = [
	'🚀 騰訊推出了大語言模型Hunyuan-Large 🤖，參數量達3890億。',
	'DeepSeek-V3在開源模型中排名第一 🚀，在全模型榜單上名列第七。',
	'美國在AI方面保持了兩到三年領先優勢 🇺🇸，但差距正在縮小。'
].join('\n\n');

const utf16 = (words: string) => {
	const start = text.indexOf(words);
	return { start, end: start + words.length };
};
const codePoints = (words: string) => {
	const { start, end } = utf16(words);
	return { start: [...text.slice(0, start)].length, end: [...text.slice(0, end)].length };
};
const contextOf = (words: string) => {
	const { start, end } = utf16(words);
	return { prefix: text.slice(Math.max(0, start - 12), start), suffix: text.slice(end, end + 12) };
};

/** A Hypothesis export (the client's "Export annotations" JSON) of annotations on this article. */
function hypothesisExport(rows: unknown[]) {
	return {
		export_date: '2025-03-02T09:20:11.000Z',
		export_userid: 'acct:factdesk@hypothes.is',
		client_version: '1.1559.0',
		annotations: rows
	};
}
function row(id: string, selector: object[], text = '', extra: object = {}) {
	return {
		id,
		created: '2025-03-02T09:14:07.611123+00:00',
		updated: '2025-03-02T09:14:07.611123+00:00',
		user: 'acct:factdesk@hypothes.is',
		uri: 'https://news.example.tw/2025/ai-race',
		text,
		tags: [],
		group: '__world__',
		target: [{ source: 'https://news.example.tw/2025/ai-race', selector }],
		document: { title: ['AI race'] },
		...extra
	};
}
const quote = (exact: string, context = contextOf(exact)) => ({
	type: 'TextQuoteSelector',
	exact,
	...context
});
const position = (range: { start: number; end: number }) => ({
	type: 'TextPositionSelector',
	...range
});

async function rejection(promise: Promise<unknown>) {
	const err = await promise.then(
		() => new Error('expected a rejection'),
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(AppError);
	return err as AppError;
}

describe.each(backends)('annotation import on %s', (kind) => {
	const ctx = useDatabase(kind);
	let userId: string;
	let documentId: string;

	beforeEach(async () => {
		await resetData(ctx.db);
		userId = (await createUser(ctx.db, { roles: ['editor'] })).id;
		documentId = (await createDocument(ctx.db, userId, { text, language: 'zh-Hant' })).id;
	});

	it('places each annotation and reports every one of them', async () => {
		const existing = await claims.createAt(ctx.db, documentId, codePoints('名列第七'), userId);
		const body = hypothesisExport([
			// 0: Hypothesis: UTF-16 position with its quote, and a note.
			row(
				'h0',
				[position(utf16('參數量達3890億')), quote('參數量達3890億')],
				'官方數字是3890億，相符。'
			),
			// 1: a quote alone.
			row('h1', [quote('排名第一')]),
			// 2: a position alone, in code points (W3C).
			row('h2', [position(codePoints('兩到三年領先優勢'))]),
			// 3: words that are no longer in the text.
			row('h3', [quote('中國已經全面超越美國', { prefix: '美國在AI方面', suffix: '。' })]),
			// 4: words changed a little: a fuzzy match, accepted and reported.
			row('h4', [quote('但差距正在快速縮小', contextOf('但差距正在縮小'))]),
			// 5: a reply, and 6: a page note: nothing to place.
			row('h5', [], '同意', {
				references: ['h0'],
				target: [{ source: 'https://news.example.tw/' }]
			}),
			row('h6', [], '整篇文章的筆記', { target: [{ source: 'https://news.example.tw/' }] }),
			// 7: not an annotation at all.
			'garbage',
			// 8: the words of an existing claim; 9: the same words as annotation 1.
			row('h8', [quote('名列第七')]),
			row('h9', [quote('排名第一'), position(utf16('排名第一'))])
		]);

		const report = await annotations.importOnto(ctx.db, documentId, body, userId);

		const created = await claims.list(ctx.db, documentId);
		const byIndex = (index: number) =>
			created.find(
				(claim) => claim.id === report.anchored.find((entry) => entry.index === index)?.claimId
			);
		expect(report.anchored).toEqual([
			{ index: 0, claimId: expect.any(String), how: 'position', utf16: true },
			{ index: 1, claimId: expect.any(String), how: 'quote' },
			{ index: 2, claimId: expect.any(String), how: 'position' }
		]);
		expect(byIndex(0)).toMatchObject({ ...codePoints('參數量達3890億'), exact: '參數量達3890億' });
		expect(byIndex(1)).toMatchObject({ ...codePoints('排名第一'), exact: '排名第一' });
		expect(byIndex(2)).toMatchObject({
			...codePoints('兩到三年領先優勢'),
			exact: '兩到三年領先優勢'
		});
		expect(report.fuzzy).toEqual([
			{
				index: 4,
				claimId: expect.any(String),
				confidence: expect.any(Number),
				quote: '但差距正在快速縮小',
				found: expect.stringContaining('差距正在縮小')
			}
		]);
		expect(report.unplaced.map(({ index, reason }) => [index, reason])).toEqual([
			[3, 'not_found'],
			[5, 'reply'],
			[6, 'no_selector'],
			[7, 'malformed']
		]);
		expect(report.unplaced[0].quote).toBe('中國已經全面超越美國');
		expect(report.duplicates).toEqual([
			{ index: 8, claimId: existing.id },
			{ index: 9, claimId: report.anchored[1].claimId }
		]);
		// Every annotation is in exactly one list.
		const indexes = [
			...report.anchored,
			...report.fuzzy,
			...report.unplaced,
			...report.duplicates
		].map((entry) => entry.index);
		expect(indexes.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

		expect(created).toHaveLength(5);
		// The note went to the claim's discussion, not into the public claim text.
		expect(byIndex(0)?.claimText).toBe('');
		const thread = await comments.list(ctx.db, report.anchored[0].claimId);
		expect(thread.map((comment) => comment.body)).toEqual(['官方數字是3890億，相符。']);
		// Audit entries as the claims API writes them: one per claim, one per note.
		const entries = await ctx.db.select().from(audit).where(eq(audit.documentId, documentId));
		expect(
			entries.filter((entry) => entry.entity === 'claim' && entry.action === 'create')
		).toHaveLength(5);
		expect(entries.filter((entry) => entry.entity === 'comment')).toHaveLength(1);
	});

	it("round-trips Factmark's own export: the describing body is the claim as checked", async () => {
		const first = await claims.createAt(ctx.db, documentId, codePoints('Hunyuan-Large'), userId);
		await claims.update(
			ctx.db,
			first.id,
			first.version,
			{ claimText: '騰訊推出Hunyuan-Large' },
			userId
		);
		await claims.createAt(ctx.db, documentId, codePoints('🇺🇸'), userId);
		const source = await claims.list(ctx.db, documentId);
		const collection = {
			'@context': 'http://www.w3.org/ns/anno.jsonld',
			type: 'AnnotationCollection',
			total: source.length,
			first: {
				type: 'AnnotationPage',
				items: source.map((claim) => ({
					type: 'Annotation',
					motivation: 'assessing',
					...(claim.claimText
						? { body: { type: 'TextualBody', value: claim.claimText, purpose: 'describing' } }
						: {}),
					target: {
						source: 'https://factmark.example/api/v1/documents/x',
						selector: claims.toJson(claim).selector
					}
				}))
			}
		};
		const copy = (await createDocument(ctx.db, userId, { text, language: 'zh-Hant' })).id;
		const report = await annotations.importOnto(ctx.db, copy, collection, userId);
		expect(report.anchored.map((entry) => entry.how)).toEqual(['position', 'position']);
		const copied = await claims.list(ctx.db, copy);
		expect(
			copied.map(({ start, end, exact, claimText }) => ({ start, end, exact, claimText }))
		).toEqual(source.map(({ start, end, exact, claimText }) => ({ start, end, exact, claimText })));
		// Again: all already there, nothing added.
		const again = await annotations.importOnto(ctx.db, copy, collection, userId);
		expect(again.duplicates.map((entry) => entry.claimId)).toEqual(copied.map((claim) => claim.id));
		expect(again.anchored).toEqual([]);
		expect(await claims.list(ctx.db, copy)).toHaveLength(2);
	});

	it('refuses while the document is in review, and changes nothing', async () => {
		await ctx.db.update(document).set({ status: 'in_review' }).where(eq(document.id, documentId));
		const body = [{ target: { selector: quote('排名第一') } }];
		const err = await rejection(annotations.importOnto(ctx.db, documentId, body, userId));
		expect(err.status).toBe(409);
		expect(await countRows(ctx.db, 'claim')).toBe(0);
	});

	it.each([
		['a string', 'hello', 422],
		['an object that holds no annotations', { hello: 'world' }, 422],
		['an empty array', [], 422],
		['too many annotations', Array.from({ length: MAX_ANNOTATIONS + 1 }, () => ({})), 422]
	])('refuses %s as a whole', async (_label, body, status) => {
		const err = await rejection(annotations.importOnto(ctx.db, documentId, body, userId));
		expect(err.status).toBe(status);
		expect(await countRows(ctx.db, 'claim')).toBe(0);
	});

	it('answers 404 for a document that does not exist', async () => {
		const body = [{ target: { selector: quote('排名第一') } }];
		for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
			expect((await rejection(annotations.importOnto(ctx.db, id, body, userId))).status).toBe(404);
		}
	});

	it('reads JSON text, refusing what is not JSON with 400', () => {
		expect(annotations.parseJson('\uFEFF[{"target":"x"}]')).toEqual([{ target: 'x' }]);
		expect(() => annotations.parseJson('{"rows": [')).toThrow(AppError);
	});

	it('refuses JSON text holding U+0000 or nesting past reason with 422, naming where', () => {
		const refusal = (source: string) => {
			try {
				annotations.parseJson(source);
			} catch (err) {
				return { status: (err as AppError).status, errors: (err as AppError).errors };
			}
			throw new Error('expected an AppError');
		};
		const nul = refusal('[{"target":"x","body":{"value":"a\\u0000b"}}]');
		expect(nul).toEqual({
			status: 422,
			errors: [expect.objectContaining({ path: '0.body.value' })]
		});
		expect(refusal('['.repeat(100_000) + ']'.repeat(100_000)).status).toBe(422);
	});

	it('imports twelve hundred annotations in one go, past a chunk of a statement', async () => {
		const long = Array.from({ length: 100 }, (_, i) => `第${i + 1}段：${text}`).join('\n\n');
		const doc = (await createDocument(ctx.db, userId, { text: long, language: 'zh-Hant' })).id;
		const paragraphs = long.split('\n\n');
		const body = [];
		let offset = 0;
		for (const paragraph of paragraphs) {
			const cp = [...long.slice(0, offset)].length;
			for (let i = 0; i < 4; i++) {
				const length = [...paragraph].length;
				body.push({ target: { selector: position({ start: cp + i, end: cp + length - i }) } });
			}
			offset += paragraph.length + 2;
		}
		expect(body).toHaveLength(1200);
		const report = await annotations.importOnto(ctx.db, doc, body, userId);
		expect(report.unplaced).toEqual([]);
		expect(report.duplicates).toEqual([]);
		expect(report.anchored).toHaveLength(1200);
		// Each claim stored, searchable and audited once, in the order sent.
		const stored = await claims.list(ctx.db, doc);
		expect(stored).toHaveLength(1200);
		expect(new Set(report.anchored.map((entry) => entry.claimId)).size).toBe(1200);
		const [first, last] = [report.anchored[0], report.anchored[1199]];
		expect(stored.find((claim) => claim.id === first.claimId)?.start).toBe(0);
		expect(stored.find((claim) => claim.id === last.claimId)?.end).toBe([...long].length - 3);
		expect(await countRows(ctx.db, 'claim_search')).toBe(1200);
		const created = await ctx.db.select().from(audit).where(eq(audit.documentId, doc));
		expect(created.filter((entry) => entry.entity === 'claim')).toHaveLength(1200);
	}, 120_000);
});
