import { requirePermission } from '$lib/server/auth';
import * as claims from '$lib/server/claims';
import { fields } from '$lib/server/claims/input';
import * as documents from '$lib/server/documents';
import { attempt, orErrorPage, text } from '$lib/server/http/form';
import { parse } from '$lib/server/http/problem';
import { can } from '$lib/permissions';
import * as v from 'valibot';
import { sliceCodePoints } from '$lib/anchoring/codepoints';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requirePermission(event, 'document.read');
	const found = await orErrorPage(documents.get(event.locals.db, event.params.id));
	const rows = await claims.list(event.locals.db, found.id);
	const revised = event.url.searchParams.get('revised')?.split(',').map(Number);
	return {
		document: found,
		// Only what the workspace shows: with thousands of claims every byte counts.
		claims: rows.map((row) => ({
			id: row.id,
			start: row.start,
			end: row.end,
			quote: row.exact,
			claimText: row.claimText,
			claimant: row.claimant,
			claimDate: row.claimDate,
			version: row.version,
			orphaned: row.orphanedAt !== null,
			// An orphan's old context, and its suggested passage to show beside its old words.
			context: row.orphanedAt ? { prefix: row.prefix, suffix: row.suffix } : null,
			suggestion:
				row.orphanedAt && row.suggestionStart !== null && row.suggestionEnd !== null
					? {
							start: row.suggestionStart,
							end: row.suggestionEnd,
							confidence: row.suggestionConfidence ?? 0,
							text: sliceCodePoints(found.text, row.suggestionStart, row.suggestionEnd)
						}
					: null
		})),
		canEdit: can(user.roles, 'document.edit'),
		revised:
			revised?.length === 4 && revised.every(Number.isInteger)
				? { n: revised[0], anchored: revised[1], moved: revised[2], orphaned: revised[3] }
				: null
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
		const user = requirePermission(event, 'document.edit');
		const form = await event.request.formData();
		return attempt(form, async () => {
			const patch = parse(cardFields, {
				claimText: text(form, 'claimText'),
				claimant: text(form, 'claimant'),
				claimDate: text(form, 'claimDate')
			});
			const version = Number(text(form, 'version'));
			const saved = await claims.update(event.locals.db, text(form, 'id'), version, patch, user.id);
			return { saved: saved.id };
		});
	},
	reattach: async (event) => {
		const user = requirePermission(event, 'document.edit');
		const form = await event.request.formData();
		return attempt(form, async () => {
			const target = parse(range, { start: text(form, 'start'), end: text(form, 'end') });
			const version = Number(text(form, 'version'));
			const saved = await claims.reattach(
				event.locals.db,
				text(form, 'id'),
				version,
				target,
				user.id
			);
			return { saved: saved.id };
		});
	},
	delete: async (event) => {
		const user = requirePermission(event, 'document.edit');
		const form = await event.request.formData();
		return attempt(form, async () => {
			const deleted = await claims.remove(event.locals.db, text(form, 'id'), user.id);
			return { deleted: deleted.id };
		});
	},
	restore: async (event) => {
		const user = requirePermission(event, 'document.edit');
		const form = await event.request.formData();
		return attempt(form, async () => {
			const restored = await claims.restore(event.locals.db, text(form, 'id'), user.id);
			return { restored: restored.id };
		});
	}
};
