import * as annotations from '$lib/server/annotations';
import { requirePermission } from '$lib/server/auth';
import * as documents from '$lib/server/documents';
import { attempt, formData, orErrorPage } from '$lib/server/http/form';
import { fileOrPaste } from '$lib/server/http/upload';
import { isEditable } from '$lib/workflow';
import type { Actions, PageServerLoad } from './$types';

/** The workspace's import control posts here; without JavaScript, this page shows the report. */
export const load: PageServerLoad = async (event) => {
	requirePermission(event, 'document.edit');
	const found = await orErrorPage(documents.get(event.locals.db, event.params.id));
	return { id: found.id, title: found.title, editable: isEditable(found.status) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requirePermission(event, 'document.edit');
		const form = await formData(event);
		return attempt(form, async () => {
			const source = await fileOrPaste(form, annotations.IMPORT_LIMIT_BYTES);
			const body = annotations.parseJson(source);
			const report = await annotations.importOnto(event.locals.db, event.params.id, body, user.id);
			return { report };
		});
	}
};
