import { fail, isActionFailure, type ActionFailure } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth';
import { AppError } from '$lib/server/errors';
import { attempt, formData, text, type FormFailure } from '$lib/server/http/form';
import { parse } from '$lib/server/http/problem';
import * as ratingScale from '$lib/server/rating-scale';
import { newRating, ratingPatch } from '$lib/server/rating-scale/input';
import { getLocale, locales } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requirePermission(event, 'rating_scale.manage');
	const scale = await ratingScale.list(event.locals.db);
	return { ratings: scale.map((row) => ratingScale.toJson(row, getLocale())) };
};

export const actions: Actions = {
	create: async (event) => {
		const user = requirePermission(event, 'rating_scale.manage');
		const form = await formData(event);
		return attemptFor(null, form, async () => {
			const input = parse(newRating, { key: text(form, 'key'), ...fields(form) });
			const created = await ratingScale.create(event.locals.db, input, user.id);
			return { rating: null, created: created.key };
		});
	},
	update: async (event) => {
		const user = requirePermission(event, 'rating_scale.manage');
		const form = await formData(event);
		const key = text(form, 'key');
		return attemptFor(key, form, async () => {
			const patch = parse(ratingPatch, fields(form));
			await ratingScale.update(event.locals.db, key, version(form), patch, user.id);
			return { rating: key, done: 'saved' as const };
		});
	},
	retire: async (event) => {
		const user = requirePermission(event, 'rating_scale.manage');
		const form = await formData(event);
		const key = text(form, 'key');
		const retired = text(form, 'retired') === 'true';
		return attemptFor(key, form, async () => {
			await ratingScale.update(event.locals.db, key, version(form), { retired }, user.id);
			return { rating: key, done: retired ? ('retired' as const) : ('broughtBack' as const) };
		});
	},
	move: async (event) => {
		const user = requirePermission(event, 'rating_scale.manage');
		const form = await formData(event);
		const key = text(form, 'key');
		return attemptFor(key, form, async () => {
			const keys = (await ratingScale.list(event.locals.db)).map((row) => row.key);
			const from = keys.indexOf(key);
			const to = from + (text(form, 'direction') === 'up' ? -1 : 1);
			if (from === -1) {
				throw new AppError(404, 'No such rating.');
			}
			if (to >= 0 && to < keys.length) {
				[keys[from], keys[to]] = [keys[to], keys[from]];
				await ratingScale.reorder(event.locals.db, keys, user.id);
			}
			return { rating: key, done: 'moved' as const };
		});
	}
};

/** The fields that the new-rating and edit forms share, as the input schemas take them. */
function fields(form: FormData) {
	const value = text(form, 'value');
	return {
		labels: perLocale(form, 'labels'),
		descriptions: perLocale(form, 'descriptions'),
		color: text(form, 'color'),
		value: value === '' ? null : Number(value)
	};
}

/** `{en: …, 'zh-Hant': …}` from the fields named `labels.en`, `labels.zh-Hant`. */
function perLocale(form: FormData, name: string): Record<string, string> {
	return Object.fromEntries(locales.map((locale) => [locale, text(form, `${name}.${locale}`)]));
}

/** The version the form was shown with; a missing or odd one is never current (412). */
function version(form: FormData): number {
	return Number(text(form, 'version')) || 0;
}

/**
 * Runs an action as `attempt` does, and marks a failure with the forms it came from: those of
 * the rating `key`, or the new-rating form (null), so that the page shows it beside them only.
 */
async function attemptFor<T>(key: string | null, form: FormData, work: () => Promise<T>) {
	const result = await attempt(form, work);
	// isActionFailure's guard knows no data type, so neither branch narrows by itself; a
	// failure from `attempt` carries a FormFailure.
	if (isActionFailure(result)) {
		const { status, data } = result as ActionFailure<FormFailure>;
		return fail(status, { ...data, rating: key, status });
	}
	return result as T;
}
