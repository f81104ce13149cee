import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import * as audit from '$lib/server/audit';
import { rowsOf, type Database } from '$lib/server/db';
import {
	audit as auditLog,
	claim,
	comment,
	document,
	reviewDecision,
	reviewRound,
	user
} from '$lib/server/db/schema';
import * as documents from '$lib/server/documents';
import { pageOf, type Page } from '$lib/server/http/cursor';
import { AppError } from '$lib/server/errors';
import * as notifications from '$lib/server/notifications';
import * as settings from '$lib/server/settings';
import type { Role } from '$lib/permissions';
import { refusal, transitions, type TransitionName } from '$lib/workflow';

export interface Actor {
	id: string;
	roles: Role[];
}

export type Lack = 'rating' | 'rationale' | 'evidence' | 'anchor';

/**
 * Locks the document for the rest of the transaction and checks that `actor` may take
 * `transition` from its state: AppError 404, 403 (not allowed) or 409 (wrong state).
 */
export async function lockFor(
	tx: Database,
	documentId: string,
	name: TransitionName,
	actor: Actor
) {
	const locked = await documents.lock(tx, documentId);
	const why = refusal(name, locked.status, actor.roles);
	if (why === 'not_allowed') {
		throw new AppError(403, `You may not ${name.replace('_', ' ')} this document.`);
	}
	if (why === 'wrong_state') {
		const from = transitions[name].from.join(' or ');
		throw new AppError(
			409,
			`Only a document that is ${from} can be ${pastTense[name]}; this one is ${locked.status}.`
		);
	}
	return locked;
}

const pastTense: Record<TransitionName, string> = {
	submit: 'submitted',
	approve: 'approved',
	request_changes: 'sent back',
	publish: 'published',
	retract: 'retracted'
};

/** Each live claim of the document, numbered as in the workspace, with what it still lacks. */
export async function incomplete(db: Database, documentId: string) {
	const rows = await db
		.select({
			id: claim.id,
			exact: claim.exact,
			ratingKey: claim.ratingKey,
			rationaleHtml: claim.rationaleHtml,
			orphanedAt: claim.orphanedAt,
			// Written out: drizzle leaves columns unqualified in a query without joins.
			evidence: sql<number>`(select count(*)::int from evidence e where e.claim_id = "claim".id)`
		})
		.from(claim)
		.where(and(eq(claim.documentId, documentId), isNull(claim.deletedAt)))
		// Numbered as the workspace numbers its cards: orphans first, then in text order.
		.orderBy(
			sql`${claim.orphanedAt} is null`,
			asc(claim.start),
			desc(claim.end),
			asc(claim.createdAt)
		);
	return rows
		.map((row, i) => {
			const checks: [Lack, boolean][] = [
				['rating', !row.ratingKey],
				['rationale', !row.rationaleHtml],
				['evidence', row.evidence === 0],
				['anchor', row.orphanedAt !== null]
			];
			const lacks = checks.filter(([, missing]) => missing).map(([lack]) => lack);
			return { claimId: row.id, number: i + 1, quote: row.exact, lacks };
		})
		.filter((row) => row.lacks.length > 0);
}

/** The claims as submitted, for the next round to show what changed since. */
async function claimSnapshot(tx: Database, documentId: string) {
	const rows = await tx
		.select({
			id: claim.id,
			exact: claim.exact,
			claimText: claim.claimText,
			claimant: claim.claimant,
			claimDate: claim.claimDate,
			rating: claim.ratingKey,
			rationaleHtml: claim.rationaleHtml,
			evidence: sql<
				string[]
			>`(select coalesce(array_agg(e.id::text || ':' || e.version order by e.position), '{}') from evidence e where e.claim_id = "claim".id)`
		})
		.from(claim)
		.where(and(eq(claim.documentId, documentId), isNull(claim.deletedAt)));
	return Object.fromEntries(rows.map(({ id, ...rest }) => [id, rest]));
}

/**
 * Sends a document for review. Refused with 422 — listing each incomplete claim and what it
 * lacks in the problem's `incomplete` member — unless every claim has a rating, a rationale,
 * evidence and its anchor, and there is at least one claim. Notifies the reviewers.
 */
export async function submit(db: Database, documentId: string, actor: Actor) {
	return db.transaction(async (tx) => {
		const locked = await lockFor(tx, documentId, 'submit', actor);
		const missing = await incomplete(tx, locked.id);
		const [{ count }] = await tx
			.select({ count: sql<number>`count(*)::int` })
			.from(claim)
			.where(and(eq(claim.documentId, locked.id), isNull(claim.deletedAt)));
		if (count === 0 || missing.length > 0) {
			throw new AppError(
				422,
				count === 0
					? 'Mark at least one claim before submitting.'
					: `${missing.length} claim(s) are not ready for review.`,
				missing.map((row) => ({
					path: `claims.${row.claimId}`,
					code: 'incomplete',
					message: `Claim ${row.number} lacks: ${row.lacks.join(', ')}.`
				})),
				{},
				{ incomplete: missing }
			);
		}
		const [{ next }] = await tx
			.select({ next: sql<number>`coalesce(max(${reviewRound.number}), 0)::int + 1` })
			.from(reviewRound)
			.where(eq(reviewRound.documentId, locked.id));
		const [round] = await tx
			.insert(reviewRound)
			.values({
				documentId: locked.id,
				number: next,
				submittedBy: actor.id,
				snapshot: await claimSnapshot(tx, locked.id)
			})
			.returning();
		await documents.touch(tx, locked.id, { status: 'in_review' });
		await audit.record(tx, {
			documentId: locked.id,
			entity: 'document',
			entityId: locked.id,
			action: 'submit',
			actorId: actor.id,
			before: { status: locked.status },
			after: { status: 'in_review', round: round.number }
		});
		const reviewers = await tx
			.select({ id: user.id })
			.from(user)
			.where(and(isNull(user.disabledAt), sql`'reviewer' = any(${user.roles})`));
		await notifications.notify(
			tx,
			reviewers
				.filter((r) => r.id !== actor.id)
				.map((r) => ({ userId: r.id, kind: 'submitted', actorId: actor.id, documentId: locked.id }))
		);
		return { status: 'in_review' as const, round: round.number };
	});
}

/** The open round of a document in review. */
async function openRound(tx: Database, documentId: string) {
	const [round] = await tx
		.select()
		.from(reviewRound)
		.where(and(eq(reviewRound.documentId, documentId), isNull(reviewRound.closedAt)))
		.orderBy(desc(reviewRound.number))
		.limit(1);
	if (!round) {
		throw new AppError(409, 'This document has no open review round.');
	}
	return round;
}

/**
 * The four-eyes rule: AppError 403 when `reviewerId` submitted this round or ever wrote a
 * rating or rationale of one of the document's claims (the audit log remembers every one).
 */
async function assertFourEyes(
	tx: Database,
	documentId: string,
	submittedBy: string,
	reviewerId: string
) {
	if (submittedBy === reviewerId) {
		throw new AppError(
			403,
			'You submitted this document; another reviewer must decide (four eyes).'
		);
	}
	const [wrote] = await tx
		.select({ id: auditLog.id })
		.from(auditLog)
		.where(
			and(
				eq(auditLog.documentId, documentId),
				eq(auditLog.entity, 'claim'),
				eq(auditLog.actorId, reviewerId),
				sql`(${auditLog.after} ? 'rating' or ${auditLog.after} ? 'rationale')`
			)
		)
		.limit(1);
	if (wrote) {
		throw new AppError(
			403,
			'You wrote a verdict in this document; another reviewer must decide (four eyes).'
		);
	}
}

export interface Decision {
	decision: 'approve' | 'request_changes';
	comment: string;
	claimComments: { claimId: string; body: string }[];
}

/**
 * A reviewer's decision on a document in review. Approving makes it approved once enough
 * different reviewers approved (two when the setting asks); requesting changes sends it back
 * to the editors, its comments landing in the claims' threads. AppError 403 (not a reviewer,
 * or the four-eyes rule), 409 (not in review), 422 (a claim comment on another document's claim).
 */
export async function decide(db: Database, documentId: string, input: Decision, actor: Actor) {
	return db.transaction(async (tx) => {
		const locked = await lockFor(tx, documentId, input.decision, actor);
		const round = await openRound(tx, locked.id);
		await assertFourEyes(tx, locked.id, round.submittedBy, actor.id);
		const claimIds = input.claimComments.map((c) => c.claimId);
		const known = claimIds.length
			? await tx
					.select({ id: claim.id })
					.from(claim)
					.where(
						and(
							eq(claim.documentId, locked.id),
							inArray(claim.id, claimIds),
							isNull(claim.deletedAt)
						)
					)
			: [];
		const knownIds = new Set(known.map((row) => row.id));
		const stray = input.claimComments.findIndex((c) => !knownIds.has(c.claimId));
		if (stray >= 0) {
			throw new AppError(422, 'The input is not valid.', [
				{
					path: `claimComments.${stray}.claimId`,
					code: 'unknown_claim',
					message: 'Comment on a claim of this document.'
				}
			]);
		}
		await tx
			.insert(reviewDecision)
			.values({
				roundId: round.id,
				reviewerId: actor.id,
				decision: input.decision,
				comment: input.comment
			})
			.onConflictDoUpdate({
				target: [reviewDecision.roundId, reviewDecision.reviewerId],
				set: { decision: input.decision, comment: input.comment, createdAt: new Date() }
			});
		for (const note of input.claimComments) {
			await tx.insert(comment).values({
				claimId: note.claimId,
				authorId: actor.id,
				body: note.body,
				reviewRoundId: round.id
			});
		}
		let status = locked.status;
		if (input.decision === 'request_changes') {
			status = 'draft';
			await closeRound(tx, round.id, 'changes_requested');
		} else {
			const approvals = await tx
				.select({ id: reviewDecision.id })
				.from(reviewDecision)
				.where(and(eq(reviewDecision.roundId, round.id), eq(reviewDecision.decision, 'approve')));
			const needed = (await settings.get(tx, 'requireTwoApprovals')) ? 2 : 1;
			if (approvals.length >= needed) {
				status = 'approved';
				await closeRound(tx, round.id, 'approved');
			}
		}
		if (status !== locked.status) {
			await documents.touch(tx, locked.id, { status });
		}
		await audit.record(tx, {
			documentId: locked.id,
			entity: 'document',
			entityId: locked.id,
			action: input.decision,
			actorId: actor.id,
			before: { status: locked.status },
			after: {
				status,
				round: round.number,
				comment: input.comment,
				claimComments: input.claimComments
			}
		});
		if (status !== locked.status) {
			const kind = status === 'approved' ? 'approved' : 'changes_requested';
			const editors = await involved(tx, locked.id);
			await notifications.notify(
				tx,
				editors
					.filter((id) => id !== actor.id)
					.map((userId) => ({ userId, kind, actorId: actor.id, documentId: locked.id }))
			);
		}
		return { status, round: round.number };
	});
}

async function closeRound(
	tx: Database,
	roundId: string,
	outcome: 'approved' | 'changes_requested'
) {
	await tx
		.update(reviewRound)
		.set({ outcome, closedAt: new Date() })
		.where(eq(reviewRound.id, roundId));
}

/**
 * Everyone who worked on the document: who submitted it, who wrote its claims and verdicts,
 * who reviewed it, and its assignees.
 */
export async function involved(tx: Database, documentId: string): Promise<string[]> {
	const rows = await rowsOf<{ id: string }>(
		tx,
		sql`
		select submitted_by as id from review_round where document_id = ${documentId}
		union select actor_id from audit where document_id = ${documentId} and entity = 'claim' and actor_id is not null
		union select reviewer_id from review_decision d join review_round r on r.id = d.round_id where r.document_id = ${documentId}
		union select assignee_id from document where id = ${documentId} and assignee_id is not null
		union select assignee_id from claim where document_id = ${documentId} and assignee_id is not null`
	);
	return [...new Set(rows.map((row) => row.id))];
}

/**
 * Takes a submission from the queue: its open round is assigned to `actor`, a reviewer.
 * AppError 403, 404 or 409 (not in review).
 */
export async function take(db: Database, documentId: string, actor: Actor) {
	return db.transaction(async (tx) => {
		const locked = await lockFor(tx, documentId, 'approve', actor);
		const round = await openRound(tx, locked.id);
		await tx.update(reviewRound).set({ takenBy: actor.id }).where(eq(reviewRound.id, round.id));
		await audit.record(tx, {
			documentId: locked.id,
			entity: 'document',
			entityId: locked.id,
			action: 'take',
			actorId: actor.id,
			before: { takenBy: round.takenBy },
			after: { takenBy: actor.id }
		});
	});
}

type QueueFilter = { language?: string; submittedBy?: string; takenBy?: string };

/** Submissions waiting for review (the first 1,000), oldest first, with what a reviewer decides by. */
export async function queue(db: Database, filter: QueueFilter = {}) {
	return (await queuePage(db, filter, { limit: 1000, after: null })).items;
}

/** A page of the review queue, oldest first; `nextCursor` continues after its last row. */
export async function queuePage(db: Database, filter: QueueFilter, page: Page) {
	const rows = await db
		.select({
			id: document.id,
			title: document.title,
			language: document.language,
			takenBy: reviewRound.takenBy,
			taker: sql<string | null>`(select name from "user" t where t.id = "review_round".taken_by)`,
			round: reviewRound.number,
			submittedAt: reviewRound.submittedAt,
			submitter: { id: user.id, name: user.name },
			claims: sql<number>`(select count(*)::int from claim c where c.document_id = "document".id and c.deleted_at is null)`,
			ratings: sql<
				Record<string, number>
			>`(select coalesce(jsonb_object_agg(k, n), '{}'::jsonb) from (select rating_key as k, count(*)::int as n from claim where document_id = "document".id and deleted_at is null and rating_key is not null group by rating_key) r)`,
			sortKey: sql<string>`${reviewRound.submittedAt}::text`,
			approvals: sql<number>`(select count(*)::int from review_decision d where d.round_id = "review_round".id and d.decision = 'approve')`
		})
		.from(document)
		.innerJoin(
			reviewRound,
			and(eq(reviewRound.documentId, document.id), isNull(reviewRound.closedAt))
		)
		.innerJoin(user, eq(user.id, reviewRound.submittedBy))
		.where(
			and(
				eq(document.status, 'in_review'),
				filter.language ? eq(document.language, filter.language) : undefined,
				filter.submittedBy ? eq(reviewRound.submittedBy, filter.submittedBy) : undefined,
				filter.takenBy ? eq(reviewRound.takenBy, filter.takenBy) : undefined,
				page.after
					? sql`(${reviewRound.submittedAt}, ${document.id}) > (${page.after.at}::timestamptz, ${page.after.id}::uuid)`
					: undefined
			)
		)
		.orderBy(asc(reviewRound.submittedAt), asc(document.id))
		.limit(page.limit + 1);
	const { items, nextCursor } = pageOf(rows, page, (row) => row.sortKey);
	return { items: items.map(({ sortKey: _, ...row }) => row), nextCursor };
}

/** How many submissions wait: the navigation's badge. */
export async function waiting(db: Database): Promise<number> {
	const [row] = await db
		.select({ count: sql<number>`count(*)::int` })
		.from(document)
		.where(eq(document.status, 'in_review'));
	return row.count;
}

/** A document's review rounds, newest first, with each decision. */
export async function rounds(db: Database, documentId: string) {
	const list = await db
		.select({
			id: reviewRound.id,
			number: reviewRound.number,
			submittedAt: reviewRound.submittedAt,
			submitter: user.name,
			outcome: reviewRound.outcome,
			closedAt: reviewRound.closedAt,
			snapshot: reviewRound.snapshot
		})
		.from(reviewRound)
		.innerJoin(user, eq(user.id, reviewRound.submittedBy))
		.where(eq(reviewRound.documentId, documentId))
		.orderBy(desc(reviewRound.number));
	const decisions = list.length
		? await db
				.select({
					roundId: reviewDecision.roundId,
					reviewer: user.name,
					decision: reviewDecision.decision,
					comment: reviewDecision.comment,
					createdAt: reviewDecision.createdAt
				})
				.from(reviewDecision)
				.innerJoin(user, eq(user.id, reviewDecision.reviewerId))
				.where(
					inArray(
						reviewDecision.roundId,
						list.map((r) => r.id)
					)
				)
				.orderBy(asc(reviewDecision.createdAt))
		: [];
	return list.map((round) => ({
		...round,
		decisions: decisions.filter((d) => d.roundId === round.id)
	}));
}

export type Change = 'new' | 'claim' | 'rating' | 'rationale' | 'evidence';

/**
 * What changed in each claim since the round before the open one (a resubmission): new claims,
 * and claims whose wording, rating, rationale or evidence differ from what was reviewed then.
 * Empty for a first submission.
 */
export async function changesSince(db: Database, documentId: string) {
	const [open, previous] = await db
		.select({ snapshot: reviewRound.snapshot })
		.from(reviewRound)
		.where(eq(reviewRound.documentId, documentId))
		.orderBy(desc(reviewRound.number))
		.limit(2);
	if (!open || !previous) {
		return {};
	}
	type Seen = Awaited<ReturnType<typeof claimSnapshot>>[string];
	const before = previous.snapshot as Record<string, Seen>;
	const now = open.snapshot as Record<string, Seen>;
	const changes: Record<string, Change[]> = {};
	for (const [id, claimNow] of Object.entries(now)) {
		const was = before[id];
		const list: Change[] = !was
			? ['new']
			: [
					...(was.exact !== claimNow.exact ||
					was.claimText !== claimNow.claimText ||
					was.claimant !== claimNow.claimant ||
					was.claimDate !== claimNow.claimDate
						? (['claim'] as const)
						: []),
					...(was.rating !== claimNow.rating ? (['rating'] as const) : []),
					...(was.rationaleHtml !== claimNow.rationaleHtml ? (['rationale'] as const) : []),
					...(JSON.stringify(was.evidence) !== JSON.stringify(claimNow.evidence)
						? (['evidence'] as const)
						: [])
				];
		if (list.length > 0) {
			changes[id] = list;
		}
	}
	return changes;
}

/** The open round of a document in review, with who submitted and who took it; or null. */
export async function current(db: Database, documentId: string) {
	const [round] = await db
		.select({
			number: reviewRound.number,
			submittedAt: reviewRound.submittedAt,
			submitter: user.name,
			takenBy: reviewRound.takenBy
		})
		.from(reviewRound)
		.innerJoin(user, eq(user.id, reviewRound.submittedBy))
		.where(and(eq(reviewRound.documentId, documentId), isNull(reviewRound.closedAt)))
		.limit(1);
	return round ?? null;
}
