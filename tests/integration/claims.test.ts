import { beforeEach, describe, expect, it } from 'vitest';
import * as claims from '$lib/server/claims';
import { addRevision } from '$lib/server/documents/revisions';
import { AppError } from '$lib/server/errors';
import { backends, countRows, resetData, useDatabase } from '../helpers/db';
import { createDocument, createUser } from '../helpers/factories';

const text = [
	'去年11月，騰訊推出了大語言模型Hunyuan-Large。',
	'DeepSeek-V3在開源模型中排名第一 🚀，在全模型榜單上名列第七。',
	'美國在AI方面保持了兩到三年領先優勢。'
].join('\n\n');

const quote = (exact: string, prefix = '', suffix = '') => ({
	type: 'TextQuoteSelector' as const,
	exact,
	prefix,
	suffix
});
const position = (start: number, end: number) => ({
	type: 'TextPositionSelector' as const,
	start,
	end
});
const fields = { claimText: '', claimant: '', claimDate: null };

async function rejection(promise: Promise<unknown>) {
	const err = await promise.then(
		() => new Error('expected a rejection'),
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(AppError);
	return err as AppError;
}

describe.each(backends)('claims on %s', (kind) => {
	const ctx = useDatabase(kind);
	let userId: string;
	let documentId: string;

	beforeEach(async () => {
		await resetData(ctx.db);
		userId = (await createUser(ctx.db, { roles: ['editor'] })).id;
		documentId = (await createDocument(ctx.db, userId, { text, language: 'zh-Hant' })).id;
	});

	it('creates a claim from a quote alone, filling the position and context', async () => {
		const created = await claims.create(
			ctx.db,
			documentId,
			{ selector: [quote('排名第一')], ...fields },
			userId
		);
		const start = [...text].indexOf('排');
		expect(claims.toJson(created).selector).toEqual([
			{
				type: 'TextQuoteSelector',
				exact: '排名第一',
				prefix: expect.stringMatching(/開源模型中$/),
				suffix: expect.stringMatching(/^ 🚀/)
			},
			{ type: 'TextPositionSelector', start, end: start + 4 }
		]);
	});

	it('counts positions in code points: the emoji is one', async () => {
		const points = [...text];
		const start = points.indexOf('🚀');
		const created = await claims.createAt(ctx.db, documentId, { start, end: start + 1 }, userId);
		expect(created.exact).toBe('🚀');
	});

	it('refuses selectors that do not match the text, are out of range or split a character', async () => {
		const missing = await rejection(
			claims.create(ctx.db, documentId, { selector: [quote('排名第二')], ...fields }, userId)
		);
		expect(missing.status).toBe(422);
		const wrongPlace = await rejection(
			claims.create(
				ctx.db,
				documentId,
				{ selector: [quote('排名第一'), position(0, 4)], ...fields },
				userId
			)
		);
		expect(wrongPlace.errors[0]).toMatchObject({ path: 'selector', code: 'mismatch' });
		const outOfRange = await rejection(
			claims.create(
				ctx.db,
				documentId,
				{ selector: [quote('x'), position(5, 100_000)], ...fields },
				userId
			)
		);
		expect(outOfRange.errors[0]).toMatchObject({ path: 'selector.1' });
		const zwj = await createDocument(ctx.db, userId, { text: 'A family 👩‍👩‍👧 here.' });
		const start = [...'A family '].length;
		const split = await rejection(
			claims.createAt(ctx.db, zwj.id, { start, end: start + 1 }, userId)
		);
		expect(split.status).toBe(422);
		expect(await countRows(ctx.db, 'claim')).toBe(0);
	});

	it('settles concurrent edits by version: a stale save gets 412 and changes nothing', async () => {
		const created = await claims.createAt(ctx.db, documentId, { start: 2, end: 5 }, userId);
		const first = await claims.update(
			ctx.db,
			created.id,
			created.version,
			{ claimant: '觀察者網' },
			userId
		);
		expect(first.version).toBe(created.version + 1);
		const stale = await rejection(
			claims.update(ctx.db, created.id, created.version, { claimant: 'Other' }, userId)
		);
		expect(stale.status).toBe(412);
		expect((await claims.get(ctx.db, created.id)).claimant).toBe('觀察者網');
	});

	it('deletes and restores a claim', async () => {
		const created = await claims.createAt(ctx.db, documentId, { start: 2, end: 5 }, userId);
		await claims.remove(ctx.db, created.id, userId);
		expect(await claims.list(ctx.db, documentId)).toHaveLength(0);
		await claims.restore(ctx.db, created.id, userId);
		expect(await claims.list(ctx.db, documentId)).toHaveLength(1);
	});

	it('re-anchors claims in a revision: anchored, moved, orphaned with a suggestion', async () => {
		const points = [...text];
		const at = (words: string) => {
			const start = points.join('').indexOf(words);
			const cp = [...points.join('').slice(0, start)].length;
			return { start: cp, end: cp + [...words].length };
		};
		const kept = await claims.createAt(ctx.db, documentId, at('騰訊推出了大語言模型'), userId);
		const corrected = await claims.createAt(ctx.db, documentId, at('排名第一'), userId);
		const moved = await claims.createAt(ctx.db, documentId, at('保持了兩到三年領先優勢'), userId);
		const paragraphs = text.split('\n\n');
		const revised = [
			paragraphs[2],
			paragraphs[0],
			paragraphs[1].replace('排名第一', '排名第二')
		].join('\n\n');
		const report = await addRevision(ctx.db, documentId, revised, userId);
		expect(report.revision).toBe(2);
		expect(report.orphaned).toEqual([corrected.id]);
		expect([...report.anchored, ...report.moved].sort()).toEqual([kept.id, moved.id].sort());
		const orphan = await claims.get(ctx.db, corrected.id);
		expect(orphan.orphanedAt).not.toBeNull();
		expect(orphan.exact).toBe('排名第一');
		// The workspace's list: an attached claim in brief, the orphan with its old words.
		const listed = await claims.outline(ctx.db, documentId);
		const keptNow = await claims.get(ctx.db, kept.id);
		expect(listed.find((c) => c.id === kept.id)).toEqual({
			id: kept.id,
			start: keptNow.start,
			end: keptNow.end,
			version: keptNow.version
		});
		// A corrected number is another claim: no passage is suggested for it.
		expect(listed.find((c) => c.id === corrected.id)?.orphan).toEqual({
			quote: '排名第一',
			prefix: orphan.prefix,
			suffix: orphan.suffix
		});
		// Whatever was attached holds exactly its words in the new text.
		for (const row of await claims.list(ctx.db, documentId)) {
			if (!row.orphanedAt) {
				expect([...revised].slice(row.start, row.end).join('')).toBe(row.exact);
			}
		}
		// The editor re-attaches the orphan to the corrected words.
		const target = [...revised].join('').indexOf('排名第二');
		const start = [...revised.slice(0, target)].length;
		const reattached = await claims.reattach(
			ctx.db,
			corrected.id,
			orphan.version,
			{ start, end: start + 4 },
			userId
		);
		expect(reattached).toMatchObject({ exact: '排名第二', orphanedAt: null });
	});

	it('refuses a revision identical to the current text', async () => {
		const same = await rejection(addRevision(ctx.db, documentId, text, userId));
		expect(same.status).toBe(422);
		expect(await countRows(ctx.db, 'document_revision')).toBe(1);
	});
});

describe('claim input', () => {
	it('keeps the position selector and refuses extra selectors', async () => {
		const { parse } = await import('$lib/server/http/problem');
		const { newClaim } = await import('$lib/server/claims/input');
		const quoteOnly = { type: 'TextQuoteSelector', exact: 'x' };
		const at = { type: 'TextPositionSelector', start: 1, end: 2 };
		expect(parse(newClaim, { selector: [quoteOnly, at] }).selector[1]).toEqual(at);
		expect(() => parse(newClaim, { selector: [quoteOnly, at, at] })).toThrow();
		expect(() => parse(newClaim, { selector: [] })).toThrow();
	});
});

describe.each(backends)('who is working on a document, on %s', (kind) => {
	const ctx = useDatabase(kind);

	it('lists the people who changed its claims in the last half hour', async () => {
		await resetData(ctx.db);
		const { list } = await import('$lib/server/documents');
		const lin = await createUser(ctx.db, { roles: ['editor'], name: '林怡君' });
		const sam = await createUser(ctx.db, { roles: ['editor'], name: 'Sam' });
		const doc = await createDocument(ctx.db, lin.id, { text: 'One claim. Two claims.' });
		expect((await list(ctx.db))[0].working).toEqual([]);
		await claims.createAt(ctx.db, doc.id, { start: 0, end: 3 }, lin.id);
		await claims.createAt(ctx.db, doc.id, { start: 11, end: 14 }, sam.id);
		expect((await list(ctx.db))[0].working).toEqual(['Sam', '林怡君']);
	});
});
