import { error } from '@sveltejs/kit';
import { describe, claimNumbers } from '$lib/history';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import * as audit from '$lib/server/audit';
import { requirePermission } from '$lib/server/auth';
import * as claims from '$lib/server/claims';
import * as documents from '$lib/server/documents';
import { orErrorPage } from '$lib/server/http/form';
import * as publishing from '$lib/server/publishing';
import * as ratingScale from '$lib/server/rating-scale';
import * as review from '$lib/server/review';
import * as users from '$lib/server/users';
import type { PageServerLoad } from './$types';

/** Audit entries per page; "Show older" continues before the last one shown. */
const PAGE = 50;

export const load: PageServerLoad = async (event) => {
	requirePermission(event, 'audit.read');
	const { db } = event.locals;
	const found = await orErrorPage(documents.get(db, event.params.id));
	const raw = event.url.searchParams.get('before');
	if (raw !== null && !/^\d{1,15}$/.test(raw)) {
		error(400, 'before is the id of an entry of this history.');
	}
	const [entries, live, scale, people, rounds, versions] = await Promise.all([
		audit.list(db, found.id, PAGE + 1, raw === null ? undefined : Number(raw)),
		claims.list(db, found.id),
		ratingScale.list(db),
		users.colleagues(db),
		review.rounds(db, found.id),
		publishing.versions(db, found.id)
	]);
	const shown = entries.slice(0, PAGE);
	const activity = describe(shown, {
		claimNumbers: claimNumbers(live.map((row) => ({ id: row.id, orphaned: !!row.orphanedAt }))),
		ratings: new Map(
			scale.map((row) => {
				const { key, label, color, retired } = ratingScale.toJson(row, getLocale());
				return [key, { label, color, retired }];
			})
		),
		people: new Map(people.map((person) => [person.id, person.name])),
		someone: m.history_someone()
	});
	return {
		document: {
			id: found.id,
			title: found.title,
			language: found.language,
			status: found.status,
			retractedAt: found.retractedAt,
			retractionReason: found.retractionReason
		},
		versions,
		// Without their snapshots of every claim: the page shows who decided what.
		rounds: rounds.map((round) => ({
			number: round.number,
			submitter: round.submitter,
			submittedAt: round.submittedAt,
			outcome: round.outcome,
			closedAt: round.closedAt,
			decisions: round.decisions.map(({ reviewer, decision, comment, createdAt }) => ({
				reviewer,
				decision,
				comment,
				createdAt
			}))
		})),
		activity,
		older: entries.length > PAGE ? shown[shown.length - 1].id : null,
		paged: raw !== null
	};
};
