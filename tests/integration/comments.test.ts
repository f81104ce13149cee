import { beforeEach, describe, expect, it } from 'vitest';
import * as claims from '$lib/server/claims';
import * as comments from '$lib/server/comments';
import * as notifications from '$lib/server/notifications';
import { backends, resetData, useDatabase } from '../helpers/db';
import { rejection } from '../helpers/errors';
import { createDocument, createUser } from '../helpers/factories';

describe('findMentions', () => {
	const people = [
		{ id: 'ann', name: 'Ann' },
		{ id: 'ann-lee', name: 'Ann Lee' },
		{ id: 'wang', name: '王小明' }
	];
	it.each([
		['@Ann please check', ['ann']],
		['@Ann Lee please check', ['ann-lee']],
		['@Ann and @Ann Lee', ['ann-lee', 'ann']],
		['@王小明，請看', ['wang']],
		['@Annabel is someone else', []],
		['mail ann@example.org', []],
		['no mentions', []]
	])('%s', (body, expected) => {
		expect(comments.findMentions(body, people).sort()).toEqual([...expected].sort());
	});
});

describe.each(backends)('comments and notifications on %s', (kind) => {
	const ctx = useDatabase(kind);
	let ann: string;
	let bo: string;
	let claimId: string;

	beforeEach(async () => {
		await resetData(ctx.db);
		ann = (await createUser(ctx.db, { roles: ['editor'], name: 'Ann' })).id;
		bo = (await createUser(ctx.db, { roles: ['reviewer'], name: '王小明' })).id;
		const documentId = (await createDocument(ctx.db, ann)).id;
		claimId = (await claims.createAt(ctx.db, documentId, { start: 0, end: 5 }, ann)).id;
	});

	it('threads replies under their comment and notifies those mentioned, not the author', async () => {
		const first = await comments.create(
			ctx.db,
			claimId,
			{ body: '@王小明 is this right? @Ann', parentId: null },
			ann
		);
		const reply = await comments.create(ctx.db, claimId, { body: 'Yes.', parentId: first.id }, bo);
		const nested = await comments.create(
			ctx.db,
			claimId,
			{ body: 'Thanks', parentId: reply.id },
			ann
		);
		expect(nested.parentId).toBe(first.id);
		const thread = await comments.list(ctx.db, claimId);
		expect(thread.map((c) => [c.body, c.parentId])).toEqual([
			['@王小明 is this right? @Ann', null],
			['Yes.', first.id],
			['Thanks', first.id]
		]);
		expect(thread[0].mentions).toEqual(expect.arrayContaining([{ id: bo, name: '王小明' }]));
		expect(await notifications.unreadCount(ctx.db, bo)).toBe(1);
		expect(await notifications.unreadCount(ctx.db, ann)).toBe(0);
		const [note] = await notifications.list(ctx.db, bo);
		expect(note).toMatchObject({ kind: 'mention', actor: 'Ann', claimId, read: false });
		await notifications.markRead(ctx.db, ann, [note.id]);
		expect(await notifications.unreadCount(ctx.db, bo)).toBe(1);
		await notifications.markRead(ctx.db, bo, 'all');
		expect(await notifications.unreadCount(ctx.db, bo)).toBe(0);
	});

	it('lets only the author edit or delete a comment; an edit notifies the newly mentioned', async () => {
		const mine = await comments.create(ctx.db, claimId, { body: 'Draft', parentId: null }, ann);
		expect((await rejection(comments.update(ctx.db, mine.id, 'Hijacked', bo))).status).toBe(403);
		expect((await rejection(comments.remove(ctx.db, mine.id, bo))).status).toBe(403);
		await comments.update(ctx.db, mine.id, 'Draft for @王小明', ann);
		await comments.update(ctx.db, mine.id, 'Draft for @王小明, again', ann);
		expect(await notifications.unreadCount(ctx.db, bo)).toBe(1);
		await comments.remove(ctx.db, mine.id, ann);
		const [gone] = await comments.list(ctx.db, claimId);
		expect(gone).toMatchObject({ deleted: true, body: '', mentions: [] });
		expect((await rejection(comments.update(ctx.db, mine.id, 'back', ann))).status).toBe(404);
	});

	it('refuses a reply to a comment of another claim', async () => {
		const documentId = (await claims.get(ctx.db, claimId)).documentId;
		const elsewhere = await claims.createAt(ctx.db, documentId, { start: 6, end: 9 }, ann);
		const there = await comments.create(ctx.db, elsewhere.id, { body: 'x', parentId: null }, ann);
		const err = await rejection(
			comments.create(ctx.db, claimId, { body: 'y', parentId: there.id }, ann)
		);
		expect(err.errors[0].path).toBe('parentId');
	});
});
