import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import * as claims from '$lib/server/claims';
import * as comments from '$lib/server/comments';
import * as documents from '$lib/server/documents';
import { addRevision } from '$lib/server/documents/revisions';
import * as evidence from '$lib/server/evidence';
import { newEvidence } from '$lib/server/evidence/input';
import { parse } from '$lib/server/http/problem';
import * as notifications from '$lib/server/notifications';
import * as publishing from '$lib/server/publishing';
import * as review from '$lib/server/review';
import * as settings from '$lib/server/settings';
import type { Role } from '$lib/permissions';
import { backends, countRows, resetData, useDatabase } from '../helpers/db';
import { rejection } from '../helpers/errors';
import { createDocument, createUser } from '../helpers/factories';

const rationale = {
	type: 'doc',
	content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Checked against the source.' }] }]
};

describe.each(backends)('review and publishing on %s', (kind) => {
	const ctx = useDatabase(kind);
	const people: Record<string, review.Actor> = {};
	let documentId: string;
	let claimId: string;

	const person = async (name: string, roles: Role[]) => {
		const created = await createUser(ctx.db, { roles, name });
		people[name] = { id: created.id, roles };
		return people[name];
	};

	/** Gives the claim what submitting needs, as `who`. */
	async function complete(id: string, who: review.Actor) {
		const current = await claims.get(ctx.db, id);
		await claims.update(ctx.db, id, current.version, { rating: 'false', rationale }, who.id);
		const item = parse(newEvidence, {
			kind: 'link',
			url: 'https://example.org',
			stance: 'refutes'
		});
		await evidence.create(ctx.db, id, item, null, who.id);
	}

	beforeEach(async () => {
		await resetData(ctx.db);
		await person('editor', ['editor']);
		await person('other', ['editor']);
		await person('reviewer', ['reviewer']);
		await person('second', ['reviewer']);
		await person('both', ['editor', 'reviewer']);
		await person('admin', ['admin']);
		documentId = (await createDocument(ctx.db, people.editor.id)).id;
		claimId = (await claims.createAt(ctx.db, documentId, { start: 0, end: 5 }, people.editor.id))
			.id;
	});

	it('refuses to submit until every claim is complete, saying what each lacks', async () => {
		const err = await rejection(review.submit(ctx.db, documentId, people.editor));
		expect(err.status).toBe(422);
		expect(err.extensions.incomplete).toEqual([
			{ claimId, number: 1, quote: 'First', lacks: ['rating', 'rationale', 'evidence'] }
		]);
		expect((await documents.get(ctx.db, documentId)).status).toBe('draft');
		await complete(claimId, people.editor);
		expect(await review.submit(ctx.db, documentId, people.editor)).toEqual({
			status: 'in_review',
			round: 1
		});
		expect(await notifications.unreadCount(ctx.db, people.reviewer.id)).toBe(1);
	});

	it('numbers incomplete claims as the workspace does: orphans first', async () => {
		const later = await claims.createAt(
			ctx.db,
			documentId,
			{ start: 6, end: 15 },
			people.editor.id
		);
		// "paragraph" goes, "First" stays: the later claim becomes an orphan and comes first.
		await addRevision(ctx.db, documentId, 'First words.\n\nSecond one.', people.editor.id);
		const list = await review.incomplete(ctx.db, documentId);
		expect(list.map((row) => [row.claimId, row.number])).toEqual([
			[later.id, 1],
			[claimId, 2]
		]);
		expect(list[0].lacks).toContain('anchor');
		expect(list[1].lacks).not.toContain('anchor');
	});

	it('freezes claims, verdicts and evidence while in review', async () => {
		await complete(claimId, people.editor);
		await review.submit(ctx.db, documentId, people.editor);
		const current = await claims.get(ctx.db, claimId);
		expect(
			(
				await rejection(
					claims.update(ctx.db, claimId, current.version, { rating: 'true' }, people.editor.id)
				)
			).status
		).toBe(409);
		expect((await rejection(claims.remove(ctx.db, claimId, people.editor.id))).status).toBe(409);
		const [item] = await evidence.list(ctx.db, claimId);
		expect((await rejection(evidence.remove(ctx.db, item.id, people.editor.id))).status).toBe(409);
		expect((await rejection(review.submit(ctx.db, documentId, people.editor))).status).toBe(409);
	});

	it('enforces four eyes: not the submitter, not anyone who wrote a verdict', async () => {
		await complete(claimId, people.other);
		await review.submit(ctx.db, documentId, people.both);
		const decision = { decision: 'approve' as const, comment: '', claimComments: [] };
		expect((await rejection(review.decide(ctx.db, documentId, decision, people.both))).status).toBe(
			403
		);
		const wroteVerdict = { id: people.other.id, roles: ['editor', 'reviewer'] as Role[] };
		expect(
			(await rejection(review.decide(ctx.db, documentId, decision, wroteVerdict))).status
		).toBe(403);
		expect(
			(await rejection(review.decide(ctx.db, documentId, decision, people.editor))).status
		).toBe(403);
		expect(await review.decide(ctx.db, documentId, decision, people.reviewer)).toEqual({
			status: 'approved',
			round: 1
		});
	});

	it('runs the whole cycle: changes requested on a claim, resubmitted, approved, published, corrected', async () => {
		await complete(claimId, people.editor);
		await review.submit(ctx.db, documentId, people.editor);
		await review.decide(
			ctx.db,
			documentId,
			{
				decision: 'request_changes',
				comment: 'Needs a second source.',
				claimComments: [{ claimId, body: 'Which table?' }]
			},
			people.reviewer
		);
		expect((await documents.get(ctx.db, documentId)).status).toBe('draft');
		const thread = await comments.list(ctx.db, claimId);
		expect(thread.map((c) => c.body)).toEqual(['Which table?']);
		expect(await notifications.unreadCount(ctx.db, people.editor.id)).toBe(1);

		const current = await claims.get(ctx.db, claimId);
		await claims.update(
			ctx.db,
			claimId,
			current.version,
			{ claimant: 'Minister' },
			people.editor.id
		);
		expect((await review.submit(ctx.db, documentId, people.editor)).round).toBe(2);
		expect(await review.changesSince(ctx.db, documentId)).toEqual({ [claimId]: ['claim'] });
		expect(await review.current(ctx.db, documentId)).toMatchObject({
			number: 2,
			submitter: 'editor'
		});
		await review.decide(
			ctx.db,
			documentId,
			{ decision: 'approve', comment: '', claimComments: [] },
			people.reviewer
		);
		expect(
			(await rejection(publishing.publish(ctx.db, documentId, '', people.editor))).status
		).toBe(403);
		const first = await publishing.publish(ctx.db, documentId, '', people.reviewer);
		expect(first.version).toBe(1);
		const v1 = await publishing.version(ctx.db, documentId, 1);
		expect(v1.snapshot).toMatchObject({
			claims: [{ id: claimId, claimant: 'Minister', rating: { key: 'false', value: 1 } }],
			credits: { reviewers: ['reviewer'] }
		});
		expect(
			(await rejection(publishing.publish(ctx.db, documentId, '', people.reviewer))).status
		).toBe(409);

		// A correction: edit the working copy, review again, publish version 2 with a note.
		const again = await claims.get(ctx.db, claimId);
		await claims.update(
			ctx.db,
			claimId,
			again.version,
			{ rating: 'mostly_false' },
			people.editor.id
		);
		await review.submit(ctx.db, documentId, people.editor);
		await review.decide(
			ctx.db,
			documentId,
			{ decision: 'approve', comment: '', claimComments: [] },
			people.second
		);
		const noNote = await rejection(publishing.publish(ctx.db, documentId, '', people.admin));
		expect(noNote.errors[0].path).toBe('note');
		expect(
			(await publishing.publish(ctx.db, documentId, 'Rating corrected.', people.admin)).version
		).toBe(2);
		expect((await publishing.versions(ctx.db, documentId)).map((v) => [v.version, v.note])).toEqual(
			[
				[2, 'Rating corrected.'],
				[1, null]
			]
		);
		expect((await review.rounds(ctx.db, documentId)).map((r) => [r.number, r.outcome])).toEqual([
			[3, 'approved'],
			[2, 'approved'],
			[1, 'changes_requested']
		]);
	});

	it('keeps published versions immutable in the database itself', async () => {
		await complete(claimId, people.editor);
		await review.submit(ctx.db, documentId, people.editor);
		await review.decide(
			ctx.db,
			documentId,
			{ decision: 'approve', comment: '', claimComments: [] },
			people.reviewer
		);
		await publishing.publish(ctx.db, documentId, '', people.reviewer);
		await expect(
			ctx.db.execute(sql`update published_version set note = 'rewritten'`)
		).rejects.toThrow();
		await expect(ctx.db.execute(sql`delete from published_version`)).rejects.toThrow();
		expect(await countRows(ctx.db, 'published_version')).toBe(1);
		// Files outlive their evidence once a version is published: the version may show them.
		const file = parse(newEvidence, { kind: 'file', stance: 'context' });
		const upload = { name: 'note.txt', bytes: new TextEncoder().encode('kept') };
		const item = await evidence.create(ctx.db, claimId, file, upload, people.editor.id);
		await evidence.remove(ctx.db, item.id, people.editor.id);
		expect(await countRows(ctx.db, 'evidence_file')).toBe(1);
		expect((await rejection(publishing.retract(ctx.db, documentId, '', people.admin))).status).toBe(
			422
		);
		expect(
			(await rejection(publishing.retract(ctx.db, documentId, 'Wrong', people.reviewer))).status
		).toBe(403);
		await publishing.retract(ctx.db, documentId, 'The source was fabricated.', people.admin);
		expect(await documents.get(ctx.db, documentId)).toMatchObject({
			status: 'retracted',
			retractionReason: 'The source was fabricated.'
		});
		expect(await countRows(ctx.db, 'published_version')).toBe(1);
	});

	it('asks for two different reviewers when the setting says so', async () => {
		await settings.write(ctx.db, 'requireTwoApprovals', true);
		await complete(claimId, people.editor);
		await review.submit(ctx.db, documentId, people.editor);
		const approve = { decision: 'approve' as const, comment: '', claimComments: [] };
		expect((await review.decide(ctx.db, documentId, approve, people.reviewer)).status).toBe(
			'in_review'
		);
		expect((await review.decide(ctx.db, documentId, approve, people.reviewer)).status).toBe(
			'in_review'
		);
		expect((await review.decide(ctx.db, documentId, approve, people.second)).status).toBe(
			'approved'
		);
	});

	it('makes exactly one version from eight simultaneous publishes', async () => {
		await complete(claimId, people.editor);
		await review.submit(ctx.db, documentId, people.editor);
		await review.decide(
			ctx.db,
			documentId,
			{ decision: 'approve', comment: '', claimComments: [] },
			people.reviewer
		);
		const results = await Promise.allSettled(
			Array.from({ length: 8 }, () => publishing.publish(ctx.db, documentId, '', people.reviewer))
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		for (const r of results.filter((r) => r.status === 'rejected')) {
			expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
		}
		expect(await countRows(ctx.db, 'published_version')).toBe(1);
	});

	it('leaves one consistent state when approval and a request for changes race', async () => {
		await complete(claimId, people.editor);
		await review.submit(ctx.db, documentId, people.editor);
		const results = await Promise.allSettled([
			review.decide(
				ctx.db,
				documentId,
				{ decision: 'approve', comment: '', claimComments: [] },
				people.reviewer
			),
			review.decide(
				ctx.db,
				documentId,
				{ decision: 'request_changes', comment: 'No', claimComments: [] },
				people.second
			)
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const status = (await documents.get(ctx.db, documentId)).status;
		const [round] = await review.rounds(ctx.db, documentId);
		expect([
			['approved', 'approved'],
			['draft', 'changes_requested']
		]).toContainEqual([status, round.outcome]);
		expect(round.decisions).toHaveLength(1);
	});

	it('lists the queue oldest first with what a reviewer decides by', async () => {
		await complete(claimId, people.editor);
		await review.submit(ctx.db, documentId, people.editor);
		const [entry] = await review.queue(ctx.db);
		expect(entry).toMatchObject({ id: documentId, claims: 1, ratings: { false: 1 }, round: 1 });
		expect(entry.submitter.id).toBe(people.editor.id);
		expect(await review.waiting(ctx.db)).toBe(1);
		expect(await review.queue(ctx.db, { language: 'zh-Hant' })).toEqual([]);
		expect((await rejection(review.take(ctx.db, documentId, people.editor))).status).toBe(403);
		await review.take(ctx.db, documentId, people.reviewer);
		const [taken] = await review.queue(ctx.db, { takenBy: people.reviewer.id });
		expect(taken).toMatchObject({ id: documentId, taker: 'reviewer' });
		expect(await review.queue(ctx.db, { takenBy: people.second.id })).toEqual([]);
	});
});
