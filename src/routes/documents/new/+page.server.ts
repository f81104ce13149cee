import { redirect } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth';
import * as documents from '$lib/server/documents';
import { importFile } from '$lib/server/documents/import';
import { newDocument } from '$lib/server/documents/input';
import { attempt, text } from '$lib/server/http/form';
import { parse } from '$lib/server/http/problem';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requirePermission(event, 'document.create');
};

export const actions: Actions = {
	default: async (event) => {
		const user = requirePermission(event, 'document.create');
		const form = await event.request.formData();
		const created = await attempt(form, async () => {
			const file = form.get('file');
			const imported =
				file instanceof File && file.size > 0
					? await importFile(file.name, new Uint8Array(await file.arrayBuffer()))
					: undefined;
			const input = parse(newDocument, {
				title: text(form, 'title') || imported?.title || '',
				text: imported?.text ?? text(form, 'text'),
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
