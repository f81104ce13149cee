import { beforeEach, describe, expect, it } from 'vitest';
import * as claimReviews from '$lib/server/claim-reviews';
import { AppError } from '$lib/server/errors';
import { backends, countRows, resetData, useDatabase } from '../helpers/db';
import { createUser } from '../helpers/factories';

const review = (n: number, fields: Record<string, unknown> = {}) => ({
	'@context': 'https://schema.org',
	'@type': 'ClaimReview',
	url: `https://factcheck.example.tw/articles/${n}`,
	claimReviewed: `網傳訊息第${n}則：喝溫鹽水可以預防病毒感染`,
	datePublished: `2025-02-${String(10 + n).padStart(2, '0')}`,
	inLanguage: 'zh-Hant',
	author: { '@type': 'Organization', name: '台灣事實查核範例中心' },
	itemReviewed: {
		'@type': 'Claim',
		author: { '@type': 'Person', name: '網路流傳訊息' },
		appearance: { '@type': 'CreativeWork', url: `https://social.example.com/posts/${n}` }
	},
	reviewRating: {
		'@type': 'Rating',
		ratingValue: 1,
		bestRating: 5,
		worstRating: 1,
		alternateName: '錯誤'
	},
	...fields
});

async function rejection(promise: Promise<unknown>) {
	const err = await promise.then(
		() => new Error('expected a rejection'),
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(AppError);
	return err as AppError;
}

describe.each(backends)('imported ClaimReviews on %s', (kind) => {
	const ctx = useDatabase(kind);
	let userId: string;

	beforeEach(async () => {
		await resetData(ctx.db);
		userId = (await createUser(ctx.db, { roles: ['editor'] })).id;
	});

	it('imports new ones, updates by url, refuses the bad and skips what is not a ClaimReview', async () => {
		await claimReviews.importJson(ctx.db, review(1), userId);
		const report = await claimReviews.importJson(
			ctx.db,
			{
				'@context': 'https://schema.org',
				'@graph': [
					{ '@type': 'WebSite', name: '範例中心' },
					review(1, { reviewRating: { '@type': 'Rating', alternateName: '部分錯誤' } }),
					review(2),
					review(3, { url: 'javascript:alert(1)' }),
					review(4, { claimReviewed: '' })
				]
			},
			userId
		);
		expect(report).toEqual({
			imported: [
				{
					index: 2,
					id: expect.any(String),
					url: 'https://factcheck.example.tw/articles/2',
					claimReviewed: expect.any(String)
				}
			],
			updated: [
				{
					index: 1,
					id: expect.any(String),
					url: 'https://factcheck.example.tw/articles/1',
					claimReviewed: expect.any(String)
				}
			],
			refused: [
				{ index: 3, reason: 'bad_url', detail: expect.any(String), url: 'javascript:alert(1)' },
				{
					index: 4,
					reason: 'no_claim',
					detail: expect.any(String),
					url: 'https://factcheck.example.tw/articles/4'
				}
			],
			skipped: [{ index: 0, type: 'WebSite' }]
		});
		const rows = await claimReviews.list(ctx.db, { limit: 10, offset: 0 });
		expect(rows.map((row) => [row.url, row.ratingLabel, row.ratingValue])).toEqual([
			['https://factcheck.example.tw/articles/2', '錯誤', 1],
			['https://factcheck.example.tw/articles/1', '部分錯誤', null]
		]);
		expect(rows[1]).toMatchObject({
			claimant: '網路流傳訊息',
			publisher: '台灣事實查核範例中心',
			language: 'zh-Hant',
			itemReviewedUrl: 'https://social.example.com/posts/1',
			importedBy: userId
		});
		// Indexed for claim matching in the same transaction.
		expect(await countRows(ctx.db, 'external_claim_review_search')).toBe(2);
	});

	it("imports from a page's HTML", async () => {
		const html = `<html><head><script type="application/ld+json">${JSON.stringify(review(5))}</script>
			<script type="application/ld+json">{"@type":"Organization"}</script></head></html>`;
		const report = await claimReviews.importText(ctx.db, html, userId);
		expect(report.imported).toHaveLength(1);
		expect(report.skipped).toEqual([{ index: 1, type: 'Organization' }]);
	});

	it.each([
		['no ClaimReview', { '@type': 'Organization', name: 'x' }],
		['an empty array', []]
	])('refuses an input with %s as a whole (422)', async (_label, input) => {
		expect((await rejection(claimReviews.importJson(ctx.db, input, userId))).status).toBe(422);
		expect(await countRows(ctx.db, 'external_claim_review')).toBe(0);
	});

	it.each([
		['U+0000 in a field no one reads', { sdPublisher: { name: 'a\u0000b' } }, '0.sdPublisher.name'],
		[
			'an unpaired surrogate in the claim',
			{ claimReviewed: 'Salt water \ud800' },
			'0.claimReviewed'
		]
	])(
		'refuses a page whose ClaimReview holds %s (422), keeping nothing',
		async (_, fields, path) => {
			// What the form sends: the whole node is kept as jsonb, which would refuse it.
			const html = `<script type="application/ld+json">${JSON.stringify(review(6, fields))}</script>`;
			const err = await rejection(claimReviews.importText(ctx.db, html, userId));
			expect(err.status).toBe(422);
			expect(err.errors[0].path).toBe(path);
			expect(await countRows(ctx.db, 'external_claim_review')).toBe(0);
		}
	);

	it('refuses a ClaimReview nested past reason (422) before storing or indexing it', async () => {
		const deep = '['.repeat(10_000) + ']'.repeat(10_000);
		const json = JSON.stringify(review(7)).replace(/}$/, `,"extra":${deep}}`);
		const err = await rejection(claimReviews.importText(ctx.db, json, userId));
		expect(err.errors[0].code).toBe('too_deep');
		expect(await countRows(ctx.db, 'external_claim_review')).toBe(0);
	});

	it('refuses text that is neither JSON nor HTML with JSON-LD (422)', async () => {
		expect((await rejection(claimReviews.importText(ctx.db, 'hello', userId))).status).toBe(422);
	});

	it('lists with a search that treats % and _ as themselves, a page at a time', async () => {
		await claimReviews.importJson(
			ctx.db,
			[review(1), review(2), review(3, { claimReviewed: 'Unemployment fell 100% in 2024' })],
			userId
		);
		const found = await claimReviews.list(ctx.db, { q: '100%', limit: 10, offset: 0 });
		expect(found.map((row) => row.claimReviewed)).toEqual(['Unemployment fell 100% in 2024']);
		expect(await claimReviews.list(ctx.db, { q: '%', limit: 10, offset: 0 })).toHaveLength(1);
		expect(await claimReviews.list(ctx.db, { q: '範例中心', limit: 10, offset: 0 })).toHaveLength(
			3
		);
		const first = await claimReviews.list(ctx.db, { limit: 2, offset: 0 });
		expect(first).toHaveLength(3); // one more than asked: there is a next page
		const second = await claimReviews.list(ctx.db, { limit: 2, offset: 2 });
		expect(second.map((row) => row.id)).toEqual([first[2].id]);
	});

	it('removes one, and answers 404 for one that is not there', async () => {
		const { imported } = await claimReviews.importJson(ctx.db, review(1), userId);
		await claimReviews.remove(ctx.db, imported[0].id);
		expect(await countRows(ctx.db, 'external_claim_review')).toBe(0);
		expect(await countRows(ctx.db, 'external_claim_review_search')).toBe(0);
		for (const id of [imported[0].id, 'nope']) {
			expect((await rejection(claimReviews.remove(ctx.db, id))).status).toBe(404);
		}
	});
});
