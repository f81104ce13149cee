import { and, eq, isNull, sql } from 'drizzle-orm';
import * as audit from '$lib/server/audit';
import { anchor, CONFIDENCE_FLOOR, reanchor, type Suggestion } from '$lib/anchoring';
import type { Database } from '$lib/server/db';
import { claim, documentRevision } from '$lib/server/db/schema';
import { AppError } from '$lib/server/errors';
import { canonicalText } from '$lib/text/canonical';
import { assertEditable, lock, touch } from './index';

export interface RevisionReport {
	revision: number;
	anchored: string[];
	moved: string[];
	orphaned: string[];
	suggestions: ({ claimId: string } & Suggestion)[];
}

/**
 * Imports `text` as the document's next revision and re-anchors every claim: anchored (its
 * exact words, same place), moved (its exact words elsewhere, told apart by context) or
 * orphaned (its words changed or are gone), with a suggested passage where a fuzzy match is
 * confident. Nothing is attached to different words without an editor. One transaction.
 * AppError 404, 409 while the document is in review, 422 when the text is unchanged.
 */
export async function addRevision(
	db: Database,
	documentId: string,
	rawText: string,
	userId: string
): Promise<RevisionReport> {
	return db.transaction(async (tx) => {
		// Locked: two revisions at once would both be number n+1.
		const found = await lock(tx, documentId);
		assertEditable(found);
		const text = canonicalText(rawText);
		if (text === found.text) {
			throw new AppError(422, 'This text is the same as the current revision.', [
				{
					path: 'text',
					code: 'unchanged',
					message: 'This text is the same as the current revision.'
				}
			]);
		}
		const rows = await tx
			.select()
			.from(claim)
			.where(and(eq(claim.documentId, found.id), isNull(claim.deletedAt)));
		const live = rows.filter((row) => row.orphanedAt === null);
		const results = reanchor(
			found.text,
			text,
			live.map((row) => ({
				quote: {
					type: 'TextQuoteSelector',
					exact: row.exact,
					prefix: row.prefix,
					suffix: row.suffix
				},
				position: { type: 'TextPositionSelector', start: row.start, end: row.end }
			}))
		);
		const report: RevisionReport = {
			revision: found.revision + 1,
			anchored: [],
			moved: [],
			orphaned: [],
			suggestions: []
		};
		const now = new Date();
		for (const [i, row] of live.entries()) {
			const result = results[i];
			if (result.status === 'orphaned') {
				await orphan(tx, row.id, result.suggestion, now, userId);
				report.orphaned.push(row.id);
				if (result.suggestion) {
					report.suggestions.push({ claimId: row.id, ...result.suggestion });
				}
				continue;
			}
			const { quote } = result.selectors;
			await tx
				.update(claim)
				.set({
					exact: quote.exact,
					prefix: quote.prefix,
					suffix: quote.suffix,
					start: result.start,
					end: result.end,
					version: sql`${claim.version} + 1`,
					updatedAt: now,
					updatedBy: userId
				})
				.where(eq(claim.id, row.id));
			report[result.status].push(row.id);
		}
		// Claims already orphaned by an earlier revision stay orphaned; their suggestion is
		// looked for again in the new text.
		for (const row of rows.filter((candidate) => candidate.orphanedAt !== null)) {
			const found = anchor(text, {
				quote: {
					type: 'TextQuoteSelector',
					exact: row.exact,
					prefix: row.prefix,
					suffix: row.suffix
				}
			});
			const suggestion =
				found && found.confidence >= CONFIDENCE_FLOOR
					? { start: found.start, end: found.end, confidence: found.confidence }
					: null;
			await orphan(tx, row.id, suggestion, row.orphanedAt ?? now, userId);
			report.orphaned.push(row.id);
			if (suggestion) {
				report.suggestions.push({ claimId: row.id, ...suggestion });
			}
		}
		await audit.record(tx, {
			documentId: found.id,
			entity: 'document',
			entityId: found.id,
			action: 'revise',
			actorId: userId,
			before: { revision: found.revision },
			after: report
		});
		await tx.insert(documentRevision).values({
			documentId: found.id,
			number: report.revision,
			text,
			createdBy: userId
		});
		await touch(tx, found.id, { text, revision: report.revision });
		return report;
	});
}

async function orphan(
	db: Database,
	id: string,
	suggestion: Suggestion | null,
	at: Date,
	userId: string
) {
	await db
		.update(claim)
		.set({
			orphanedAt: at,
			suggestionStart: suggestion?.start ?? null,
			suggestionEnd: suggestion?.end ?? null,
			suggestionConfidence: suggestion?.confidence ?? null,
			version: sql`${claim.version} + 1`,
			updatedAt: new Date(),
			updatedBy: userId
		})
		.where(eq(claim.id, id));
}
