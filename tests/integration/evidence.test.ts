import { beforeEach, describe, expect, it } from 'vitest';
import * as audit from '$lib/server/audit';
import * as claims from '$lib/server/claims';
import * as evidence from '$lib/server/evidence';
import { newEvidence } from '$lib/server/evidence/input';
import { parse } from '$lib/server/http/problem';
import { backends, countRows, resetData, useDatabase } from '../helpers/db';
import { rejection } from '../helpers/errors';
import { createDocument, createUser } from '../helpers/factories';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const bytes = (text: string) => new TextEncoder().encode(text);

describe.each(backends)('evidence on %s', (kind) => {
	const ctx = useDatabase(kind);
	let editor: string;
	let claimId: string;

	beforeEach(async () => {
		await resetData(ctx.db);
		editor = (await createUser(ctx.db, { roles: ['editor'] })).id;
		const documentId = (await createDocument(ctx.db, editor)).id;
		claimId = (await claims.createAt(ctx.db, documentId, { start: 0, end: 5 }, editor)).id;
	});

	const link = (overrides: Record<string, unknown> = {}) =>
		parse(newEvidence, {
			kind: 'link',
			url: 'https://stats.example.org/gdp',
			title: 'GDP 2024',
			stance: 'refutes',
			...overrides
		});

	it('adds items in order, edits them with their version, reorders and removes them', async () => {
		const first = await evidence.create(ctx.db, claimId, link(), null, editor);
		const second = await evidence.create(
			ctx.db,
			claimId,
			parse(newEvidence, { kind: 'quote', quote: '「數字有誤」', stance: 'supports' }),
			null,
			editor
		);
		expect((await evidence.list(ctx.db, claimId)).map((e) => e.id)).toEqual([first.id, second.id]);
		const edited = await evidence.update(
			ctx.db,
			first.id,
			1,
			{ note: 'Table 3', stance: 'context' },
			editor
		);
		expect(edited).toMatchObject({ note: 'Table 3', stance: 'context', version: 2 });
		expect(
			(await rejection(evidence.update(ctx.db, first.id, 1, { note: 'x' }, editor))).status
		).toBe(412);
		expect(
			(await rejection(evidence.update(ctx.db, first.id, 2, { url: null }, editor))).errors[0].path
		).toBe('url');
		await evidence.reorder(ctx.db, claimId, [second.id, first.id], editor);
		expect((await evidence.list(ctx.db, claimId)).map((e) => e.id)).toEqual([second.id, first.id]);
		expect((await rejection(evidence.reorder(ctx.db, claimId, [second.id], editor))).status).toBe(
			422
		);
		await evidence.remove(ctx.db, second.id, editor);
		expect((await evidence.list(ctx.db, claimId)).map((e) => e.id)).toEqual([first.id]);
		const entries = await audit.list(ctx.db, (await claims.get(ctx.db, claimId)).documentId, 50);
		expect(entries.filter((e) => e.entity === 'evidence').map((e) => e.action)).toEqual([
			'delete',
			'reorder',
			'update',
			'create',
			'create'
		]);
	});

	it.each([
		['url', { kind: 'link', stance: 'supports' }],
		['url', { kind: 'dataset', stance: 'supports', url: '' }],
		['quote', { kind: 'statement', stance: 'supports' }],
		['url', { kind: 'link', stance: 'supports', url: 'javascript:alert(1)' }],
		['url', { kind: 'link', stance: 'supports', url: 'data:text/html,<script>alert(1)</script>' }],
		['url', { kind: 'link', stance: 'supports', url: 'ftp://example.org/x' }],
		['url', { kind: 'link', stance: 'supports', url: 'https://' }],
		['stance', { kind: 'link', stance: 'maybe', url: 'https://example.org' }],
		['kind', { kind: 'video', stance: 'supports' }],
		['quote', { kind: 'quote', stance: 'supports', quote: 'x'.repeat(10_001) }],
		['note', { kind: 'quote', stance: 'supports', quote: 'x', note: 'x'.repeat(20_001) }],
		['date', { kind: 'quote', stance: 'supports', quote: 'x', date: '2025-02-30' }],
		['title', { kind: 'quote', stance: 'supports', quote: 'x', title: 42 }],
		['extra', { kind: 'quote', stance: 'supports', quote: 'x', extra: 1 }]
	])('refuses a bad %s (case %#)', (path, input) => {
		let caught: unknown;
		try {
			parse(newEvidence, input);
		} catch (err) {
			caught = err;
		}
		expect(caught).toMatchObject({ status: 422, errors: [expect.objectContaining({ path })] });
	});

	it('keeps markup in text fields as text: it is never interpreted', async () => {
		const payload = '<script>alert(1)</script><img src=x onerror=alert(1)><svg onload=alert(1)>';
		const created = await evidence.create(
			ctx.db,
			claimId,
			link({ title: payload, note: payload, publisher: payload }),
			null,
			editor
		);
		expect(created).toMatchObject({ title: payload, note: payload, publisher: payload });
	});

	it('stores a file whose bytes match its name, and refuses spoofed or unknown ones', async () => {
		const file = parse(newEvidence, { kind: 'file', stance: 'supports', title: 'Chart' });
		const created = await evidence.create(
			ctx.db,
			claimId,
			file,
			{ name: '../../chart.png', bytes: PNG },
			editor
		);
		expect(created.file).toMatchObject({
			name: 'chart.png',
			mediaType: 'image/png',
			size: PNG.length
		});
		const stored = await evidence.file(ctx.db, created.id);
		expect(Array.from(stored.bytes)).toEqual(Array.from(PNG));
		const html = bytes('<!doctype html><script>alert(document.cookie)</script>');
		const refusals = [
			{ name: 'photo.png', bytes: html },
			{ name: 'page.html', bytes: html },
			{
				name: 'image.svg',
				bytes: bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
			},
			{ name: 'chart.txt', bytes: PNG },
			{ name: 'binary.txt', bytes: Uint8Array.from([0x41, 0, 0x42]) },
			{ name: 'noextension', bytes: bytes('plain') },
			{ name: 'empty.txt', bytes: new Uint8Array() }
		];
		for (const upload of refusals) {
			const err = await rejection(evidence.create(ctx.db, claimId, file, upload, editor));
			expect(err.status, upload.name).toBe(422);
		}
		const big = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61);
		expect(
			(
				await rejection(
					evidence.create(ctx.db, claimId, file, { name: 'big.txt', bytes: big }, editor)
				)
			).status
		).toBe(413);
		expect((await rejection(evidence.create(ctx.db, claimId, file, null, editor))).status).toBe(
			422
		);
		expect(
			(
				await rejection(
					evidence.create(ctx.db, claimId, link(), { name: 'a.txt', bytes: bytes('a') }, editor)
				)
			).status
		).toBe(422);
		expect(await countRows(ctx.db, 'evidence_file')).toBe(1);
		expect(await countRows(ctx.db, 'evidence')).toBe(1);
		await evidence.remove(ctx.db, created.id, editor);
		expect(await countRows(ctx.db, 'evidence_file')).toBe(0);
	});

	it('refuses changes while the document is in review, and on deleted claims', async () => {
		await claims.remove(ctx.db, claimId, editor);
		expect((await rejection(evidence.create(ctx.db, claimId, link(), null, editor))).status).toBe(
			404
		);
	});
});
