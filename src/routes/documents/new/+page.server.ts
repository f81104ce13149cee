import { redirect } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth';
import * as documents from '$lib/server/documents';
import { importFile } from '$lib/server/documents/import';
import { newDocument } from '$lib/server/documents/input';
import { attempt, formData, text } from '$lib/server/http/form';
import { parse } from '$lib/server/http/problem';
import type { Actions, PageServerLoad } from './$types';

/** A title for a text that came without one: its first line, shortened. */
function firstLine(body: string): string {
	const line = body.trim().split('\n')[0]?.trim() ?? '';
	const chars = [...line];
	return chars.length > 120 ? `${chars.slice(0, 119).join('')}…` : line;
}

export const load: PageServerLoad = (event) => {
	requirePermission(event, 'document.create');
};

export const actions: Actions = {
	default: async (event) => {
		const user = requirePermission(event, 'document.create');
		const form = await formData(event);
		const created = await attempt(form, async () => {
			const file = form.get('file');
			const imported =
				file instanceof File && file.size > 0
					? await importFile(file.name, new Uint8Array(await file.arrayBuffer()))
					: undefined;
			const body = imported?.text ?? text(form, 'text');
			const input = parse(newDocument, {
				title: text(form, 'title') || imported?.title || firstLine(body),
				text: body,
				language: text(form, 'language') || undefined,
				sourceUrl: text(form, 'sourceUrl'),
				publisher: text(form, 'publisher'),
				author: text(form, 'author'),
				publishedAt: text(form, 'publishedAt')
			});
			return documents.create(event.locals.db, input, user.id);
		});
		if ('id' in created) {
			redirect(303, `/documents/${created.id}`);
		}
		return created;
	}
};
