import * as publishing from '$lib/server/publishing';
import * as ratingScale from '$lib/server/rating-scale';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

export const load: PageServerLoad = async ({ locals, url }) => {
	// Public: anyone may read what has been published, so there is no permission check here.
	// publicList returns published versions only; drafts never reach this page.
	const db = locals.db;
	const params = url.searchParams;
	const [all, scale] = await Promise.all([publishing.publicList(db), ratingScale.list(db)]);
	const languages = [...new Set(all.map((row) => row.language))].sort();
	const ratings = scale.map((row) => {
		const { key, label, color, retired } = ratingScale.toJson(row, getLocale());
		return { key, label, color, retired };
	});
	const q = (params.get('q') ?? '').trim().slice(0, 200);
	const wantedRating = params.get('rating') ?? '';
	const wantedLanguage = params.get('language') ?? '';
	// A value from an old link that matches nothing offered is dropped, not silently kept.
	const rating = ratings.some((r) => r.key === wantedRating) ? wantedRating : '';
	const language = languages.includes(wantedLanguage) ? wantedLanguage : '';
	const filtered = q !== '' || rating !== '' || language !== '';
	const found = filtered
		? await publishing.publicList(db, {
				q: q || undefined,
				rating: rating || undefined,
				language: language || undefined
			})
		: all;
	const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
	const wantedPage = Number(params.get('page') ?? '1');
	const page = Number.isInteger(wantedPage) ? Math.min(Math.max(wantedPage, 1), pages) : 1;
	return {
		q,
		rating,
		language,
		filtered,
		languages,
		ratings,
		page,
		pages,
		total: all.length,
		items: found.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
	};
};
