import { redirect } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth';
import * as documents from '$lib/server/documents';
import { importFile } from '$lib/server/documents/import';
import { text as textSchema } from '$lib/server/documents/input';
import { addRevision } from '$lib/server/documents/revisions';
import { attempt, formData, orErrorPage, text } from '$lib/server/http/form';
import { parse } from '$lib/server/http/problem';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requirePermission(event, 'document.edit');
	const found = await orErrorPage(documents.get(event.locals.db, event.params.id));
	return { title: found.title, revision: found.revision, id: found.id };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requirePermission(event, 'document.edit');
		const form = await formData(event);
		const report = await attempt(form, async () => {
			const file = form.get('file');
			const imported =
				file instanceof File && file.size > 0
					? await importFile(file.name, new Uint8Array(await file.arrayBuffer()))
					: undefined;
			const newText = parse(textSchema, imported?.text ?? text(form, 'text'));
			return addRevision(event.locals.db, event.params.id, newText, user.id);
		});
		if ('revision' in report) {
			const counts = [
				report.revision,
				report.anchored.length,
				report.moved.length,
				report.orphaned.length
			];
			redirect(303, `/documents/${event.params.id}?revised=${counts.join(',')}`);
		}
		return report;
	}
};
