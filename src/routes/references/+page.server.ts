import { requirePermission } from '$lib/server/auth';
import * as claimReviews from '$lib/server/claim-reviews';
import { listQuery } from '$lib/server/claim-reviews/input';
import { attempt, formData, text } from '$lib/server/http/form';
import { fileOrPaste } from '$lib/server/http/upload';
import { can } from '$lib/permissions';
import * as v from 'valibot';
import type { Actions, PageServerLoad } from './$types';

const PAGE = 50;

export const load: PageServerLoad = async (event) => {
	const user = requirePermission(event, 'reference.read');
	const params = event.url.searchParams;
	// A page shows the first page for a query it cannot read, rather than an error.
	const parsed = v.safeParse(listQuery, {
		q: params.get('q') ?? undefined,
		cursor: params.get('cursor') ?? undefined
	});
	const { q, cursor } = parsed.success ? parsed.output : { q: '', cursor: 0 };
	const rows = await claimReviews.list(event.locals.db, { q, limit: PAGE, offset: cursor });
	return {
		q,
		// The page shows the fields it keeps, not the JSON-LD as given.
		references: rows
			.slice(0, PAGE)
			.map(claimReviews.toJson)
			.map(({ claimReview: _given, ...shown }) => shown),
		next: rows.length > PAGE ? String(cursor + PAGE) : null,
		canImport: can(user.roles, 'reference.import')
	};
};

export const actions: Actions = {
	import: async (event) => {
		const user = requirePermission(event, 'reference.import');
		const form = await formData(event);
		return attempt(form, async () => {
			const source = await fileOrPaste(form, claimReviews.IMPORT_LIMIT_BYTES);
			const report = await claimReviews.importText(event.locals.db, source, user.id);
			return { report };
		});
	},
	delete: async (event) => {
		requirePermission(event, 'reference.import');
		const form = await formData(event);
		return attempt(form, async () => {
			await claimReviews.remove(event.locals.db, text(form, 'id'));
			return { deleted: true };
		});
	}
};
