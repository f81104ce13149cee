import { requirePermission } from '$lib/server/auth';
import * as documents from '$lib/server/documents';
import { MAX_BODY_BYTES, newDocument } from '$lib/server/documents/input';
import { readPage } from '$lib/server/http/cursor';
import { api, json, methodNotAllowed, parse, readJson } from '$lib/server/http/problem';

export const GET = api(async (event) => {
	const user = requirePermission(event, 'document.read');
	const assignee = event.url.searchParams.get('assigned') === 'me' ? user.id : undefined;
	const status = documents.statuses.find((s) => s === event.url.searchParams.get('status'));
	const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 200);
	const page = readPage(event.url);
	return json(await documents.listPage(event.locals.db, { status, q, assignee }, page));
});

export const POST = api(async (event) => {
	const user = requirePermission(event, 'document.create');
	const input = parse(newDocument, await readJson(event, MAX_BODY_BYTES));
	const created = await documents.create(event.locals.db, input, user.id);
	return json({ ...documents.toJson(created), text: created.text }, 201, {
		location: `/api/v1/documents/${created.id}`
	});
});

export const fallback = methodNotAllowed;
