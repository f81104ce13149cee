import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import * as publishing from '$lib/server/publishing';
import * as review from '$lib/server/review';
import { sliceCodePoints } from '$lib/anchoring/codepoints';
import { verifyCredentials } from '$lib/server/auth';
import * as claims from '$lib/server/claims';
import * as comments from '$lib/server/comments';
import { document, notification } from '$lib/server/db/schema';
import { seedDemo } from '$lib/server/demo';
import { slugify } from '$lib/server/documents';
import * as evidence from '$lib/server/evidence';
import * as users from '$lib/server/users';
import { canonicalText } from '$lib/text/canonical';
import { backends, countRows, resetData, useDatabase } from '../helpers/db';

interface SeedClaim {
	quote: string;
	rating?: string | null;
	comments?: { author: string; body: string }[];
}

/** A demo document as its seed files have it: the first line of the text is the title. */
function seedFiles(name: string, language: string) {
	const [title, ...body] = readFileSync(`seeds/${name}.${language}.txt`, 'utf8').split(/\r?\n/);
	const claimsJson = readFileSync(`seeds/${name}.claims.json`, 'utf8');
	return {
		title: title.trim(),
		body: body.join('\n'),
		language,
		claims: JSON.parse(claimsJson) as SeedClaim[]
	};
}

const sample = seedFiles('sample-article', 'zh-Hant');
const second = seedFiles('second-article', 'zh-Hant');
const third = seedFiles('third-article', 'en');

const sourceParagraphs = sample.body
	.split(/\n\s*\n/)
	.map((p) => p.trim())
	.filter(Boolean);

function occurrences(text: string, quote: string): number {
	return text.split(quote).length - 1;
}

describe('the demo seed files', () => {
	it.each([
		['sample', sample],
		['second', second],
		['third', third]
	])('quote words of the %s text exactly once each', (_name, seed) => {
		const text = canonicalText(seed.body);
		expect(seed.claims.length).toBeGreaterThan(0);
		for (const { quote } of seed.claims) {
			expect(occurrences(text, quote.normalize('NFC')), quote).toBe(1);
		}
	});
});

describe.each(backends)('seedDemo on %s', (kind) => {
	const ctx = useDatabase(kind);

	async function seeded(title: string) {
		const [row] = await ctx.db.select().from(document).where(eq(document.title, title));
		expect(row, title).toBeDefined();
		return row;
	}

	it('seeds an empty database once: four working logins and three documents', async () => {
		const logins = await seedDemo(ctx.db);
		expect(logins?.map(({ email, roles }) => ({ email, roles }))).toEqual([
			{ email: 'admin@factmark.test', roles: ['admin'] },
			{ email: 'lin@factmark.test', roles: ['editor'] },
			{ email: 'sam@factmark.test', roles: ['editor'] },
			{ email: 'chen@factmark.test', roles: ['reviewer'] }
		]);
		for (const { email, password, roles } of logins ?? []) {
			expect(password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
			const signedIn = await verifyCredentials(ctx.db, { email, password, ipAddress: '192.0.2.3' });
			expect(signedIn).toMatchObject({ email, roles });
		}

		const team = await users.list(ctx.db);
		const idOf = (email: string) => team.find((u) => u.email === email)?.id;
		expect(await ctx.db.select().from(document)).toHaveLength(3);
		const article = await seeded(sample.title);
		expect(article).toMatchObject({
			slug: slugify(sample.title),
			language: 'zh-Hant',
			createdBy: idOf('lin@factmark.test')
		});
		expect(article.text).toBe(article.text.normalize('NFC'));
		expect(article.text).not.toMatch(/\r|\n\n\n|[ \t\u3000]\n|^\s|\s$/);
		expect(article.text.split('\n\n')).toEqual(sourceParagraphs.map((p) => p.normalize('NFC')));
		expect(await seeded(second.title)).toMatchObject({
			language: 'zh-Hant',
			text: canonicalText(second.body),
			createdBy: idOf('sam@factmark.test')
		});
		expect(await seeded(third.title)).toMatchObject({
			language: 'en',
			text: canonicalText(third.body),
			status: 'draft'
		});

		expect(await seedDemo(ctx.db)).toBeNull();
		expect(await countRows(ctx.db, 'user')).toBe(4);
		expect(await countRows(ctx.db, 'document')).toBe(3);
	});

	it('marks every seeded quote on its exact words, none orphaned', async () => {
		for (const seed of [sample, second, third]) {
			const doc = await seeded(seed.title);
			const rows = await claims.list(ctx.db, doc.id);
			expect(rows.map((row) => row.exact).sort()).toEqual(
				seed.claims.map((c) => c.quote.normalize('NFC')).sort()
			);
			for (const row of rows) {
				expect(row.orphanedAt).toBeNull();
				expect(sliceCodePoints(doc.text, row.start, row.end)).toBe(row.exact);
				expect(row.claimText).not.toBe('');
				expect(row.claimant).not.toBe('');
			}
		}
	});

	it('gives every claim of the sample and the second text a verdict and evidence', async () => {
		for (const seed of [sample, second]) {
			const doc = await seeded(seed.title);
			const rows = await claims.list(ctx.db, doc.id);
			expect(rows.length).toBeGreaterThanOrEqual(4);
			for (const row of rows) {
				const planned = seed.claims.find((c) => c.quote.normalize('NFC') === row.exact);
				expect(row.ratingKey, row.exact).toBe(planned?.rating);
				expect(row.rationaleHtml, row.exact).toMatch(/\S/);
				expect((await evidence.list(ctx.db, row.id)).length, row.exact).toBeGreaterThan(0);
			}
		}
	});

	it('publishes the sample as version 1 and leaves the second waiting in the queue', async () => {
		const published = await seeded(sample.title);
		expect(published.status).toBe('published');
		expect((await publishing.versions(ctx.db, published.id)).map((v) => v.version)).toEqual([1]);
		const waiting = await seeded(second.title);
		expect(waiting.status).toBe('in_review');
		expect((await review.queue(ctx.db)).map((entry) => entry.id)).toEqual([waiting.id]);
		expect((await seeded(third.title)).status).toBe('draft');
	});

	it('leaves the third text a draft begun: claims marked, not all of them rated', async () => {
		const doc = await seeded(third.title);
		const rows = await claims.list(ctx.db, doc.id);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.some((row) => row.ratingKey === null)).toBe(true);
	});

	it('seeds the discussions as threads, notifying the colleagues mentioned', async () => {
		let mentions = 0;
		for (const seed of [sample, second, third]) {
			const doc = await seeded(seed.title);
			for (const row of await claims.list(ctx.db, doc.id)) {
				const planned = seed.claims.find((c) => c.quote.normalize('NFC') === row.exact);
				const thread = await comments.list(ctx.db, row.id);
				expect(thread.map((c) => c.body)).toEqual(planned?.comments?.map((c) => c.body) ?? []);
				expect(thread.slice(1).every((c) => c.parentId === thread[0].id)).toBe(true);
				mentions += thread.reduce((sum, c) => sum + c.mentions.length, 0);
			}
		}
		expect(mentions).toBeGreaterThan(0);
		const notified = await ctx.db
			.select()
			.from(notification)
			.where(eq(notification.kind, 'mention'));
		expect(notified).toHaveLength(mentions);
	});

	it('seeds once when two instances start together', async () => {
		await resetData(ctx.db);
		const results = await Promise.all([seedDemo(ctx.db), seedDemo(ctx.db)]);
		expect(results.filter((result) => result === null)).toHaveLength(1);
	});

	it('fails and seeds nothing when a quote is not in its text', async () => {
		await resetData(ctx.db);
		vi.resetModules();
		vi.doMock('$lib/server/demo/content', async (importOriginal) => {
			const original = await importOriginal<typeof import('$lib/server/demo/content')>();
			return {
				...original,
				demoDocuments: () => {
					const documents = original.demoDocuments();
					documents.third.claims[0].quote = 'words the text does not have';
					return documents;
				}
			};
		});
		try {
			const demo = await import('$lib/server/demo');
			await expect(demo.seedDemo(ctx.db)).rejects.toThrow(
				'Cannot mark the demo claim "words the text does not have" in seeds/third-article.en.txt.'
			);
		} finally {
			vi.doUnmock('$lib/server/demo/content');
		}
		expect(await countRows(ctx.db, 'user')).toBe(0);
		expect(await countRows(ctx.db, 'document')).toBe(0);
	});
});
