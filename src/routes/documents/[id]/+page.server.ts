import * as audit from '$lib/server/audit';
import { requirePermission } from '$lib/server/auth';
import * as claims from '$lib/server/claims';
import { fields } from '$lib/server/claims/input';
import * as documents from '$lib/server/documents';
import { attempt, formData, orErrorPage, text } from '$lib/server/http/form';
import { parse } from '$lib/server/http/problem';
import { can } from '$lib/permissions';
import * as v from 'valibot';
import { fail, type RequestEvent } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { AppError } from '$lib/server/errors';
import * as ratingScale from '$lib/server/rating-scale';
import * as publishing from '$lib/server/publishing';
import * as review from '$lib/server/review';
import { decision, publication, retraction } from '$lib/server/review/input';
import * as users from '$lib/server/users';
import { available, isEditable } from '$lib/workflow';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requirePermission(event, 'document.read');
	const found = await orErrorPage(documents.get(event.locals.db, event.params.id));
	const revised = event.url.searchParams.get('revised')?.split(',').map(Number);
	const people = await users.colleagues(event.locals.db);
	const scale = await ratingScale.list(event.locals.db);
	const round = await review.current(event.locals.db, found.id);
	const workflow = {
		transitions: available(found.status, user.roles),
		round,
		takenByMe: round?.takenBy === user.id,
		version: await publishing.latestVersion(event.locals.db, found.id),
		// For the reviewer of a resubmission: what changed in each claim since last time.
		changes:
			found.status === 'in_review' ? await review.changesSince(event.locals.db, found.id) : {}
	};
	// How many changes it has had: back online, the live workspace says how many it missed.
	const changeCount = await audit.count(event.locals.db, found.id);
	// Read last (PGlite answers one query at a time) and, when the page is first opened,
	// streamed after it in the same response: the text shows while thousands of claims are
	// read. The embedded database runs a query in this process, holding it meanwhile, so the
	// read starts once the page has gone out. Reading the page's data again (after a change)
	// waits for them, so that the change is there as soon as the data is.
	const outline = new Promise((sent) => setImmediate(sent)).then(() =>
		claims.outline(event.locals.db, found.id)
	);
	return {
		document: found,
		workflow,
		ratings: scale.map((row) => ratingScale.toJson(row, getLocale())),
		// Editors can be assigned work; editors and reviewers can be mentioned.
		people: people.map(({ id, name, roles }) => ({ id, name, editor: roles.includes('editor') })),
		userId: user.id,
		changeCount,
		canComment: can(user.roles, 'claim.comment'),
		canAssign: can(user.roles, 'document.assign'),
		// A link to one claim (from a notification, say) opens its card, once the claims are in.
		openClaim: event.url.searchParams.get('claim'),
		claims: event.isDataRequest ? await outline : outline,
		canEdit: can(user.roles, 'document.edit') && isEditable(found.status),
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
	claimDate: fields.claimDate,
	rating: v.pipe(
		v.string(),
		v.transform((key) => key || null)
	),
	// Tiptap JSON from the editor; absent before its script runs, and then left as it is.
	rationale: v.optional(v.string()),
	assigneeId: v.pipe(
		v.string(),
		v.transform((id) => id || null)
	)
});

const assignment = v.object({
	assigneeId: v.pipe(
		v.string(),
		v.transform((id) => id || null)
	)
});

/** A claim as it is now, and who changed it last: what a stale save is shown against. */
async function theirs(event: RequestEvent, id: string) {
	const current = await claims.get(event.locals.db, id);
	const by = current.updatedBy ? await users.get(event.locals.db, current.updatedBy) : null;
	return {
		claimText: current.claimText,
		claimant: current.claimant,
		claimDate: current.claimDate,
		rating: current.ratingKey,
		rationale: current.rationale,
		rationaleHtml: current.rationaleHtml,
		assigneeId: current.assigneeId,
		version: current.version,
		by: by?.name ?? '',
		at: current.updatedAt.toISOString()
	};
}

const reviewComments = (form: FormData) =>
	[...form.entries()]
		.filter(
			([name, value]) =>
				name.startsWith('claimComment:') && typeof value === 'string' && value.trim()
		)
		.map(([name, value]) => ({ claimId: name.slice('claimComment:'.length), body: String(value) }));

export const actions: Actions = {
	submit: async (event) => {
		const user = requirePermission(event, 'document.edit');
		const form = await formData(event);
		return attempt(form, async () => {
			await review.submit(event.locals.db, event.params.id, user);
			return { submitted: true };
		});
	},
	decide: async (event) => {
		const user = requirePermission(event, 'review.decide');
		const form = await formData(event);
		return attempt(form, async () => {
			const input = parse(decision, {
				decision: text(form, 'decision'),
				comment: text(form, 'comment'),
				claimComments: reviewComments(form)
			});
			const result = await review.decide(event.locals.db, event.params.id, input, user);
			return { decided: input.decision, status: result.status };
		});
	},
	take: async (event) => {
		const user = requirePermission(event, 'review.decide');
		const form = await formData(event);
		return attempt(form, async () => {
			await review.take(event.locals.db, event.params.id, user);
			return { taken: true };
		});
	},
	publish: async (event) => {
		const user = requirePermission(event, 'document.publish');
		const form = await formData(event);
		return attempt(form, async () => {
			const { note } = parse(publication, { note: text(form, 'note') });
			const published = await publishing.publish(event.locals.db, event.params.id, note, user);
			return { published: published.version };
		});
	},
	retract: async (event) => {
		const user = requirePermission(event, 'document.retract');
		const form = await formData(event);
		return attempt(form, async () => {
			const { reason } = parse(retraction, { reason: text(form, 'reason') });
			await publishing.retract(event.locals.db, event.params.id, reason, user);
			return { retracted: true };
		});
	},
	mark: async (event) => {
		const user = requirePermission(event, 'document.edit');
		const form = await formData(event);
		return attempt(form, async () => {
			const selection = parse(range, { start: text(form, 'start'), end: text(form, 'end') });
			const created = await claims.createAt(event.locals.db, event.params.id, selection, user.id);
			return { marked: created.id };
		});
	},
	save: async (event) => {
		const user = requirePermission(event, 'document.edit');
		const form = await formData(event);
		return attempt(form, async () => {
			const patch = parse(cardFields, {
				claimText: text(form, 'claimText'),
				claimant: text(form, 'claimant'),
				claimDate: text(form, 'claimDate'),
				rating: text(form, 'rating'),
				rationale: form.has('rationale') ? text(form, 'rationale') : undefined,
				assigneeId: text(form, 'assigneeId')
			});
			const version = Number(text(form, 'version'));
			const id = text(form, 'id');
			try {
				const saved = await claims.update(event.locals.db, id, version, patch, user.id);
				return { saved: saved.id };
			} catch (err) {
				// A stale save: say who changed what, so that the card can show it beside their input.
				if (err instanceof AppError && err.status === 412) {
					return fail(412, { message: err.message, errors: [], conflict: await theirs(event, id) });
				}
				throw err;
			}
		});
	},
	assign: async (event) => {
		const user = requirePermission(event, 'document.assign');
		const form = await formData(event);
		return attempt(form, async () => {
			const { assigneeId } = parse(assignment, { assigneeId: text(form, 'assigneeId') });
			await documents.assign(event.locals.db, event.params.id, assigneeId, user.id);
			return { assigned: true };
		});
	},
	reattach: async (event) => {
		const user = requirePermission(event, 'document.edit');
		const form = await formData(event);
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
		const form = await formData(event);
		return attempt(form, async () => {
			const deleted = await claims.remove(event.locals.db, text(form, 'id'), user.id);
			return { deleted: deleted.id };
		});
	},
	restore: async (event) => {
		const user = requirePermission(event, 'document.edit');
		const form = await formData(event);
		return attempt(form, async () => {
			const restored = await claims.restore(event.locals.db, text(form, 'id'), user.id);
			return { restored: restored.id };
		});
	}
};
