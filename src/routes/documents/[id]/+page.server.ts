import { requirePermission } from '$lib/server/auth';
import * as claims from '$lib/server/claims';
import { fields } from '$lib/server/claims/input';
import * as documents from '$lib/server/documents';
import { attempt, orErrorPage, text } from '$lib/server/http/form';
import { parse } from '$lib/server/http/problem';
import { can } from '$lib/permissions';
import * as v from 'valibot';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requirePermission(event, 'document.read');
	const found = await orErrorPage(documents.get(event.locals.db, event.params.id));
	const rows = await claims.list(event.locals.db, found.id);
	return {
		document: found,
		claims: rows.map(claims.toJson),
		canEdit: can(user.roles, 'document.edit')
	};
};

const range = v.object({
	start: v.pipe(v.string(), v.regex(/^\d{1,9}$/), v.transform(Number)),
	end: v.pipe(v.string(), v.regex(/^\d{1,9}$/), v.transform(Number))
});

const cardFields = v.object({
	claimText: fields.claimText,
	claimant: fields.claimant,
	claimDate: fields.claimDate
});

export const actions: Actions = {
	mark: async (event) => {
		const user = requirePermission(event, 'document.edit');
		const form = await event.request.formData();
		return attempt(form, async () => {
			const selection = parse(range, { start: text(form, 'start'), end: text(form, 'end') });
			const created = await claims.createAt(event.locals.db, event.params.id, selection, user.id);
			return { marked: created.id };
		});
	},
	save: async (event) => {
		requirePermission(event, 'document.edit');
		const form = await event.request.formData();
		return attempt(form, async () => {
			const patch = parse(cardFields, {
				claimText: text(form, 'claimText'),
				claimant: text(form, 'claimant'),
				claimDate: text(form, 'claimDate')
			});
			const version = Number(text(form, 'version'));
			const saved = await claims.update(event.locals.db, text(form, 'id'), version, patch);
			return { saved: saved.id };
		});
	},
	delete: async (event) => {
		requirePermission(event, 'document.edit');
		const form = await event.request.formData();
		return attempt(form, async () => {
			const deleted = await claims.remove(event.locals.db, text(form, 'id'));
			return { deleted: deleted.id };
		});
	},
	restore: async (event) => {
		requirePermission(event, 'document.edit');
		const form = await event.request.formData();
		return attempt(form, async () => {
			const restored = await claims.restore(event.locals.db, text(form, 'id'));
			return { restored: restored.id };
		});
	}
};
