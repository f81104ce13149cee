import { requirePermission } from '$lib/server/auth';
import { isUuid } from '$lib/server/db';
import { attempt, formData, text } from '$lib/server/http/form';
import * as ratingScale from '$lib/server/rating-scale';
import * as review from '$lib/server/review';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requirePermission(event, 'review.queue');
	const db = event.locals.db;
	const params = event.url.searchParams;
	const [all, scale] = await Promise.all([review.queue(db), ratingScale.list(db)]);
	// The filters offer what the queue holds; a value from an old link that no longer matches
	// anything is dropped rather than showing an empty list under an "All" that is not true.
	const languages = [...new Set(all.map((row) => row.language))].sort();
	const submitters = [...new Map(all.map((row) => [row.submitter.id, row.submitter])).values()];
	submitters.sort((a, b) => a.name.localeCompare(b.name));
	const wantedLanguage = params.get('language') ?? '';
	const wantedSubmitter = params.get('submitter') ?? '';
	const language = languages.includes(wantedLanguage) ? wantedLanguage : '';
	const submitter =
		isUuid(wantedSubmitter) && submitters.some((s) => s.id === wantedSubmitter)
			? wantedSubmitter
			: '';
	const mine = params.get('taken') === 'me';
	const filtered = language !== '' || submitter !== '' || mine;
	return {
		userId: user.id,
		language,
		submitter,
		mine,
		filtered,
		languages,
		submitters,
		ratings: scale.map((row) => {
			const { key, label, color, retired } = ratingScale.toJson(row, getLocale());
			return { key, label, color, retired };
		}),
		total: all.length,
		submissions: filtered
			? await review.queue(db, {
					language: language || undefined,
					submittedBy: submitter || undefined,
					takenBy: mine ? user.id : undefined
				})
			: all
	};
};

export const actions: Actions = {
	/** The reviewer takes a submission: the queue shows it as theirs. */
	take: async (event) => {
		const user = requirePermission(event, 'review.decide');
		const form = await formData(event);
		const id = text(form, 'id');
		return attempt(form, async () => {
			await review.take(event.locals.db, id, user);
			return { taken: id };
		});
	}
};
