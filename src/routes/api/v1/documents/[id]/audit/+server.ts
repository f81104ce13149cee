import * as v from 'valibot';
import { requirePermission } from '$lib/server/auth';
import * as audit from '$lib/server/audit';
import * as documents from '$lib/server/documents';
import { api, json, methodNotAllowed, parse } from '$lib/server/http/problem';

const page = v.object({
	limit: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^\d{1,3}$/, 'limit is 1 to 200.'),
			v.transform(Number),
			v.minValue(1, 'limit is 1 to 200.'),
			v.maxValue(200, 'limit is 1 to 200.')
		),
		'50'
	),
	cursor: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^\d{1,15}$/, 'cursor is not one this API gave out.'),
			v.transform(Number)
		)
	)
});

/** The document's audit entries, newest first; `nextCursor` continues with older ones. */
export const GET = api(async (event) => {
	requirePermission(event, 'audit.read');
	const found = await documents.get(event.locals.db, event.params.id ?? '');
	const { limit, cursor } = parse(page, {
		limit: event.url.searchParams.get('limit') ?? undefined,
		cursor: event.url.searchParams.get('cursor') ?? undefined
	});
	const items = await audit.list(event.locals.db, found.id, limit + 1, cursor);
	const more = items.length > limit;
	return json({
		items: items.slice(0, limit),
		nextCursor: more ? String(items[limit - 1].id) : null
	});
});

export const fallback = methodNotAllowed;
