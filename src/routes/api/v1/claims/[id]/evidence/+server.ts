import { requirePermission } from '$lib/server/auth';
import * as claims from '$lib/server/claims';
import * as evidence from '$lib/server/evidence';
import { MAX_FILE_BYTES } from '$lib/server/evidence/file-type';
import { newEvidence } from '$lib/server/evidence/input';
import {
	api,
	isMultipart,
	json,
	methodNotAllowed,
	parse,
	readForm,
	readJson
} from '$lib/server/http/problem';

export const GET = api(async (event) => {
	requirePermission(event, 'document.read');
	const found = await claims.get(event.locals.db, event.params.id ?? '');
	return json({ items: await evidence.list(event.locals.db, found.id), nextCursor: null });
});

/** JSON, or multipart/form-data with the same fields as text parts and a `file` part. */
export const POST = api(async (event) => {
	const user = requirePermission(event, 'document.edit');
	let body: unknown;
	let upload: evidence.Upload | null = null;
	if (isMultipart(event)) {
		const form = await readForm(event, MAX_FILE_BYTES + 1024 * 1024);
		const fields: Record<string, string> = {};
		for (const [name, value] of form) {
			if (typeof value === 'string') {
				fields[name] = value;
			} else if (name === 'file') {
				upload = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
			}
		}
		body = fields;
	} else {
		body = await readJson(event);
	}
	const input = parse(newEvidence, body);
	const created = await evidence.create(
		event.locals.db,
		event.params.id ?? '',
		input,
		upload,
		user.id
	);
	return json(created, 201, {
		location: `/api/v1/evidence/${created.id}`,
		etag: `"${created.version}"`
	});
});

export const fallback = methodNotAllowed;
