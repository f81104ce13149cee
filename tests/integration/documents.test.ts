import { eq, inArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { document, documentRevision } from '$lib/server/db/schema';
import * as documents from '$lib/server/documents';
import { readPage } from '$lib/server/http/cursor';
import { backends, resetData, useDatabase } from '../helpers/db';
import { createDocument, createUser, type TestUser } from '../helpers/factories';

describe.each(backends)('documents on %s', (kind) => {
	const ctx = useDatabase(kind);
	let editor: TestUser;

	beforeEach(async () => {
		await resetData(ctx.db);
		editor = await createUser(ctx.db, { roles: ['editor'], name: 'Eda Editor' });
	});

	it('create a draft with canonical text, revision 1, by its editor', async () => {
		const created = await createDocument(ctx.db, editor.id, {
			title: 'Cafe\u0301 prices',
			text: '  First line  \r\nsecond line\r\n\r\n\u3000\r\n\r\nNext paragraph. \r\n'
		});
		expect(created).toMatchObject({
			slug: 'café-prices',
			title: 'Cafe\u0301 prices',
			text: 'First line\nsecond line\n\nNext paragraph.',
			language: 'en',
			status: 'draft',
			revision: 1,
			createdBy: editor.id
		});
		const revisions = await ctx.db
			.select()
			.from(documentRevision)
			.where(eq(documentRevision.documentId, created.id));
		expect(revisions).toMatchObject([{ number: 1, text: created.text, createdBy: editor.id }]);
	});

	it('give each document its own slug, numbering repeated titles', async () => {
		const slugs = [];
		for (const title of ['Moon landing', 'Moon Landing!', 'Moon landing', 'Moon landing 2']) {
			slugs.push((await createDocument(ctx.db, editor.id, { title })).slug);
		}
		// "Moon landing 2" is a title of its own, yet its slug was taken by the second copy.
		expect(slugs).toEqual(['moon-landing', 'moon-landing-2', 'moon-landing-3', 'moon-landing-2-2']);
		const other = await createDocument(ctx.db, editor.id, { title: 'Moon' });
		expect(other.slug).toBe('moon');
	});

	it('page through the list with cursors: every document once, newest first', async () => {
		const made = [];
		for (let i = 0; i < 5; i++) {
			made.push((await createDocument(ctx.db, editor.id, { title: `Story ${i}` })).id);
		}
		// Two changed in the same instant: the id breaks the tie, so neither repeats nor goes.
		await ctx.db
			.update(document)
			.set({ updatedAt: new Date('2026-01-01T00:00:00.123456Z') })
			.where(inArray(document.id, made.slice(0, 2)));
		const seen: string[] = [];
		let after = null;
		for (let pages = 1; ; pages++) {
			const page = await documents.listPage(ctx.db, {}, { limit: 2, after });
			seen.push(...page.items.map((d) => d.id));
			if (!page.nextCursor) {
				expect(pages).toBe(3);
				break;
			}
			after = readPage(new URL(`http://x/?cursor=${page.nextCursor}`)).after;
		}
		expect(seen).toHaveLength(5);
		expect(new Set(seen)).toEqual(new Set(made));
		expect(seen.slice(0, 3)).toEqual(made.slice(2).reverse());
		for (const cursor of ['nonsense', Buffer.from('2026|x').toString('base64url')]) {
			expect(() => readPage(new URL(`http://x/?cursor=${cursor}`))).toThrow(
				expect.objectContaining({ status: 422 })
			);
		}
	});

	it('list the newest first, by status and by words in the title', async () => {
		const first = await createDocument(ctx.db, editor.id, { title: 'Vaccines and autism' });
		const second = await createDocument(ctx.db, editor.id, {
			title: '疫苗與自閉症',
			language: 'zh-Hant'
		});
		const third = await createDocument(ctx.db, editor.id, { title: 'Election turnout' });
		await ctx.db.update(document).set({ status: 'published' }).where(eq(document.id, second.id));

		const all = await documents.list(ctx.db);
		expect(all.map((d) => d.id)).toEqual([third.id, second.id, first.id]);
		expect(all[1]).toMatchObject({
			title: '疫苗與自閉症',
			createdBy: 'Eda Editor',
			status: 'published'
		});
		expect(all.map((d) => d.claims)).toEqual([0, 0, 0]);

		expect((await documents.list(ctx.db, { status: 'published' })).map((d) => d.id)).toEqual([
			second.id
		]);
		expect((await documents.list(ctx.db, { status: 'draft' })).map((d) => d.id)).toEqual([
			third.id,
			first.id
		]);
		expect((await documents.list(ctx.db, { q: 'VACCINE' })).map((d) => d.id)).toEqual([first.id]);
		expect((await documents.list(ctx.db, { q: '自閉' })).map((d) => d.id)).toEqual([second.id]);
		expect(await documents.list(ctx.db, { q: 'vaccine', status: 'published' })).toEqual([]);
	});

	it('filter by words of the title, or their beginnings, never by the text', async () => {
		const budget = await createDocument(ctx.db, editor.id, {
			title: 'Budget 2026: what changed',
			text: 'Spending on schools rose.'
		});
		const snake = await createDocument(ctx.db, editor.id, { title: 'snake_case names' });
		await createDocument(ctx.db, editor.id, { title: 'snakescase names' });
		const idiom = await createDocument(ctx.db, editor.id, {
			title: '一石二鳥的預算',
			language: 'zh-Hant'
		});

		const ids = async (q: string) => (await documents.list(ctx.db, { q })).map((d) => d.id);
		expect(await ids('budg')).toEqual([budget.id]);
		expect(await ids('BUDGETS 2026')).toEqual([budget.id]);
		expect(await ids('schools')).toEqual([]);
		expect(await ids('snake_case')).toEqual([snake.id]);
		expect(await ids('石二')).toEqual([idiom.id]);
		expect(await ids('二石')).toEqual([]);
		expect(await ids('%')).toEqual([]);
		expect(await ids("'); drop table document; --")).toEqual([]);
	});
});
