import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '$lib/server/demo';
import * as documents from '$lib/server/documents';
import * as publishing from '$lib/server/publishing';
import { backends, resetData, useDatabase } from '../helpers/db';
import { rejection } from '../helpers/errors';

describe.each(backends)('what the public sees on %s', (kind) => {
	const ctx = useDatabase(kind);
	let slugs: Record<string, string>;

	beforeAll(async () => {
		await resetData(ctx.db);
		await seedDemo(ctx.db);
		const all = await documents.list(ctx.db);
		slugs = Object.fromEntries(all.map((d) => [d.status, d.slug]));
	});

	it('lists the published fact-check only, with its ratings', async () => {
		const list = await publishing.publicList(ctx.db);
		expect(list.map((item) => item.slug)).toEqual([slugs.published]);
		expect(list[0]).toMatchObject({ version: 1, language: 'zh-Hant', claims: 6, retracted: false });
		expect(Object.values(list[0].ratings).reduce((a, b) => a + b, 0)).toBe(6);
	});

	it('finds it by Chinese words, by rating and by language, and not otherwise', async () => {
		expect(await publishing.publicList(ctx.db, { q: '晶片' })).toHaveLength(1);
		expect(await publishing.publicList(ctx.db, { q: 'Hunyuan' })).toHaveLength(1);
		expect(await publishing.publicList(ctx.db, { q: '不存在的詞' })).toHaveLength(0);
		// Only symbols: nothing to search for, so nothing is found (never everything).
		expect(await publishing.publicList(ctx.db, { q: '%_' })).toHaveLength(0);
		expect(await publishing.publicList(ctx.db, { rating: 'true' })).toHaveLength(1);
		expect(await publishing.publicList(ctx.db, { rating: 'false' })).toHaveLength(0);
		expect(await publishing.publicList(ctx.db, { language: 'en' })).toHaveLength(0);
	});

	it('serves the latest version and refuses everything unpublished with 404', async () => {
		const latest = await publishing.publicVersion(ctx.db, slugs.published, null);
		expect(latest).toMatchObject({ version: 1, latest: 1, retracted: null, note: null });
		expect(latest.snapshot.claims).toHaveLength(6);
		expect(latest.history.map((v) => v.version)).toEqual([1]);
		for (const [slug, n] of [
			[slugs.in_review, null],
			[slugs.draft, null],
			[slugs.published, 2],
			['no-such-fact-check', null]
		] as const) {
			expect((await rejection(publishing.publicVersion(ctx.db, slug, n))).status).toBe(404);
		}
	});
});
