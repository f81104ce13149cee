import { requirePermission } from '$lib/server/auth';
import * as claimReviews from '$lib/server/claim-reviews';
import { claimReviewImport, listQuery } from '$lib/server/claim-reviews/input';
import { api, json, methodNotAllowed, parse, readJson } from '$lib/server/http/problem';

/** Other fact-checkers' ClaimReviews kept as references, newest first; `?q=` filters. */
export const GET = api(async (event) => {
	requirePermission(event, 'reference.read');
	const params = event.url.searchParams;
	const { q, limit, cursor } = parse(listQuery, {
		q: params.get('q') ?? undefined,
		limit: params.get('limit') ?? undefined,
		cursor: params.get('cursor') ?? undefined
	});
	const rows = await claimReviews.list(event.locals.db, { q, limit, offset: cursor });
	return json({
		items: rows.slice(0, limit).map(claimReviews.toJson),
		nextCursor: rows.length > limit ? String(cursor + limit) : null
	});
});

/** Keeps ClaimReview JSON-LD as references; the report says what was new, updated or refused. */
export const POST = api(async (event) => {
	const user = requirePermission(event, 'reference.import');
	const body = parse(claimReviewImport, await readJson(event, claimReviews.IMPORT_LIMIT_BYTES));
	return json(await claimReviews.importJson(event.locals.db, body, user.id));
});

export const fallback = methodNotAllowed;
