import { requirePermission } from '$lib/server/auth';
import { AppError } from '$lib/server/errors';
import * as search from '$lib/server/search';
import { readSearch, typeNames } from '$lib/server/search/input';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requirePermission(event, 'document.read');
	const params = event.url.searchParams;
	const q = (params.get('q') ?? '').trim();
	const typeName = params.get('type') ?? '';
	const type = typeName in typeNames ? typeName : '';
	if (!q) {
		return { q, type, items: [], nextCursor: null, problem: null };
	}
	try {
		const input = readSearch(params, 20);
		const found = await search.search(event.locals.db, input.query, {
			type: input.type,
			limit: input.limit,
			offset: input.offset,
			locale: getLocale()
		});
		return { q, type, ...found, problem: null };
	} catch (err) {
		// A search that cannot be run is said beside the box, as a form's error is.
		if (err instanceof AppError && err.status === 422) {
			return { q, type, items: [], nextCursor: null, problem: err.errors[0]?.code ?? 'invalid' };
		}
		throw err;
	}
};
