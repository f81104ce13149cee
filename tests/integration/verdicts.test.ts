import { beforeEach, describe, expect, it } from 'vitest';
import * as audit from '$lib/server/audit';
import * as claims from '$lib/server/claims';
import * as documents from '$lib/server/documents';
import * as ratingScale from '$lib/server/rating-scale';
import { backends, resetData, useDatabase } from '../helpers/db';
import { rejection } from '../helpers/errors';
import { createDocument, createUser } from '../helpers/factories';

const paragraph = (text: string, marks?: object[]) => ({
	type: 'paragraph',
	content: [{ type: 'text', text, ...(marks ? { marks } : {}) }]
});
const doc = (...content: object[]) => ({ type: 'doc', content });

describe.each(backends)('verdicts, the rating scale and assignment on %s', (kind) => {
	const ctx = useDatabase(kind);
	let editor: string;
	let other: string;
	let claimId: string;
	let documentId: string;

	beforeEach(async () => {
		await resetData(ctx.db);
		editor = (await createUser(ctx.db, { roles: ['editor'], name: 'Ann Editor' })).id;
		other = (await createUser(ctx.db, { roles: ['editor'], name: 'Bo Editor' })).id;
		documentId = (await createDocument(ctx.db, editor)).id;
		claimId = (await claims.createAt(ctx.db, documentId, { start: 0, end: 5 }, editor)).id;
	});

	it('starts with the default scale of product.md, best to worst, then Unverifiable', async () => {
		const scale = await ratingScale.list(ctx.db);
		expect(scale.map((r) => [r.key, r.value])).toEqual([
			['true', 6],
			['mostly_true', 5],
			['mixed', 4],
			['misleading', 3],
			['mostly_false', 2],
			['false', 1],
			['unverifiable', null]
		]);
		expect(ratingScale.toJson(scale[5], 'zh-Hant')).toMatchObject({
			label: '錯誤',
			bestRating: 6,
			worstRating: 1
		});
	});

	it('rates a claim and renders its rationale as sanitised HTML, noting who wrote it', async () => {
		const rationale = doc(
			paragraph('Official figures say otherwise. '),
			paragraph('Source', [{ type: 'link', attrs: { href: 'https://example.org/report' } }])
		);
		const saved = await claims.update(ctx.db, claimId, 1, { rating: 'false', rationale }, other);
		expect(saved.ratingKey).toBe('false');
		expect(saved.verdictBy).toBe(other);
		expect(saved.rationaleHtml).toBe(
			'<p>Official figures say otherwise. </p><p><a href="https://example.org/report" rel="nofollow noopener">Source</a></p>'
		);
		const cleared = await claims.update(ctx.db, claimId, 2, { rationale: doc() }, editor);
		expect(cleared.rationale).toBeNull();
		expect(cleared.rationaleHtml).toBe('');
	});

	it('refuses unknown and retired ratings, and rationales with anything not allowed', async () => {
		expect(
			(await rejection(claims.update(ctx.db, claimId, 1, { rating: 'nope' }, editor))).status
		).toBe(422);
		const mixed = await ratingScale.get(ctx.db, 'mixed');
		await ratingScale.update(ctx.db, 'mixed', mixed.version, { retired: true }, editor);
		const retired = await rejection(claims.update(ctx.db, claimId, 1, { rating: 'mixed' }, editor));
		expect(retired.errors[0].path).toBe('rating');
		const script = await rejection(
			claims.update(
				ctx.db,
				claimId,
				1,
				{ rationale: doc({ type: 'heading', content: [] }) },
				editor
			)
		);
		expect(script.status).toBe(422);
		expect(script.errors[0].path).toMatch(/^rationale\.content\.0/);
		const js = await rejection(
			claims.update(
				ctx.db,
				claimId,
				1,
				{
					rationale: doc(paragraph('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]))
				},
				editor
			)
		);
		expect(js.status).toBe(422);
		expect((await claims.get(ctx.db, claimId)).version).toBe(1);
	});

	it('refuses a stale version with 412 and changes nothing', async () => {
		await claims.update(ctx.db, claimId, 1, { claimant: 'A minister' }, editor);
		const stale = await rejection(
			claims.update(ctx.db, claimId, 1, { claimant: 'Someone' }, other)
		);
		expect(stale.status).toBe(412);
		expect((await claims.get(ctx.db, claimId)).claimant).toBe('A minister');
	});

	it('assigns claims and documents to active editors only, and filters by assignee', async () => {
		const reviewer = (await createUser(ctx.db, { roles: ['reviewer'] })).id;
		const disabled = (await createUser(ctx.db, { roles: ['editor'], disabled: true })).id;
		for (const who of [reviewer, disabled, '00000000-0000-4000-8000-000000000000']) {
			expect((await rejection(documents.assign(ctx.db, documentId, who, editor))).status).toBe(422);
		}
		await claims.update(ctx.db, claimId, 1, { assigneeId: other }, editor);
		const untouched = (await createDocument(ctx.db, editor, { title: 'Another' })).id;
		expect((await documents.list(ctx.db, { assignee: other })).map((d) => d.id)).toEqual([
			documentId
		]);
		await documents.assign(ctx.db, untouched, other, editor);
		const mine = await documents.list(ctx.db, { assignee: other });
		expect(mine.map((d) => d.id).sort()).toEqual([documentId, untouched].sort());
		expect(mine.find((d) => d.id === untouched)?.assignee).toBe('Bo Editor');
		expect(await documents.list(ctx.db, { assignee: editor })).toEqual([]);
	});

	it('audits every change with who, before and after', async () => {
		await claims.update(ctx.db, claimId, 1, { claimant: 'A minister', rating: 'true' }, other);
		await claims.remove(ctx.db, claimId, editor);
		await claims.restore(ctx.db, claimId, editor);
		const entries = await audit.list(ctx.db, documentId, 50);
		expect(entries.map((e) => `${e.entity}.${e.action}`)).toEqual([
			'claim.restore',
			'claim.delete',
			'claim.update',
			'claim.create',
			'document.create'
		]);
		expect(entries[2]).toMatchObject({
			actor: { id: other, name: 'Bo Editor' },
			before: { claimant: '', rating: null },
			after: { claimant: 'A minister', rating: 'true' }
		});
		expect(entries[1]).toMatchObject({ before: { deleted: false }, after: { deleted: true } });
		const older = await audit.list(ctx.db, documentId, 2, entries[1].id);
		expect(older.map((e) => e.action)).toEqual(['update', 'create']);
	});

	it('lets an admin edit the scale: add, rename, recolour, reorder, retire', async () => {
		const added = await ratingScale.create(
			ctx.db,
			{
				key: 'satire',
				labels: { en: 'Satire', 'zh-Hant': '諷刺' },
				descriptions: {},
				color: '#6b3fa0',
				value: null
			},
			editor
		);
		expect(added.position).toBe(8);
		expect(
			(await rejection(ratingScale.create(ctx.db, { ...added, descriptions: {} }, editor))).status
		).toBe(409);
		const renamed = await ratingScale.update(
			ctx.db,
			'satire',
			1,
			{ labels: { en: 'Satire or parody' }, color: '#5a2d91' },
			editor
		);
		expect(renamed.labels).toEqual({ en: 'Satire or parody' });
		expect(
			(await rejection(ratingScale.update(ctx.db, 'satire', 1, { color: '#000000' }, editor)))
				.status
		).toBe(412);
		const keys = (await ratingScale.list(ctx.db)).map((r) => r.key).reverse();
		expect((await ratingScale.reorder(ctx.db, keys, editor)).map((r) => r.key)).toEqual(keys);
		expect((await rejection(ratingScale.reorder(ctx.db, keys.slice(1), editor))).status).toBe(422);
		const entries = await audit.list(ctx.db, documentId, 50);
		expect(entries.some((e) => e.entity === 'rating')).toBe(false);
	});
});
