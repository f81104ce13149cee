import * as v from 'valibot';
import { requirePermission } from '$lib/server/auth';
import { MAX_BODY_BYTES, text } from '$lib/server/documents/input';
import { addRevision } from '$lib/server/documents/revisions';
import { api, json, methodNotAllowed, parse, readJson } from '$lib/server/http/problem';

/** Imports the next revision of the text; the report says what became of every claim. */
export const POST = api(async (event) => {
	const user = requirePermission(event, 'document.edit');
	const input = parse(v.strictObject({ text }), await readJson(event, MAX_BODY_BYTES));
	const report = await addRevision(event.locals.db, event.params.id ?? '', input.text, user.id);
	return json(report, 201);
});

export const fallback = methodNotAllowed;
