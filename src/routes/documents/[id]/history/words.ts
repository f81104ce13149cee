import type { ClaimRef, Entry, FieldChange, RatingChange } from '$lib/history';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** The History page's words for the events of `$lib/history`, in the UI language. */

const fieldLabels: Record<string, () => string> = {
	quote: m.history_field_quote,
	claimText: m.history_field_claim_text,
	claimant: m.history_field_claimant,
	claimDate: m.history_field_claim_date,
	rating: m.history_field_rating,
	rationale: m.history_field_rationale,
	assigneeId: m.history_field_assignee,
	orphaned: m.history_field_orphaned,
	kind: m.history_field_kind,
	stance: m.history_field_stance,
	url: m.history_field_url,
	title: m.history_field_title,
	publisher: m.history_field_publisher,
	date: m.history_field_date,
	accessedAt: m.history_field_accessed_at,
	note: m.history_field_note,
	fileName: m.history_field_file_name,
	body: m.history_field_body
};

const enumLabels: Record<string, () => string> = {
	link: m.evidence_kind_link,
	quote: m.evidence_kind_quote,
	file: m.evidence_kind_file,
	dataset: m.evidence_kind_dataset,
	statement: m.evidence_kind_statement,
	supports: m.evidence_stance_supports,
	refutes: m.evidence_stance_refutes,
	context: m.evidence_stance_context
};

export function fieldLabel(field: string): string {
	return fieldLabels[field]?.() ?? field;
}

/** An evidence kind or stance in words. */
export function enumLabel(value: string): string {
	return enumLabels[value]?.() ?? value;
}

export function claimLabel(claim: ClaimRef): string {
	if (claim === null) {
		return m.history_claim_unknown();
	}
	return 'number' in claim
		? m.history_claim_number({ n: claim.number })
		: m.history_claim_quote({ quote: claim.quote });
}

function ratingChange(change: RatingChange): string {
	return m.history_rating_change({
		before: change.before?.label ?? m.history_none(),
		after: change.after?.label ?? m.history_none()
	});
}

/** Changed fields as a list in words, a rating change spelled out ("rating Mixed → False"). */
function fieldList(fields: string[], rating: RatingChange | null = null): string {
	const words = fields.map((field) =>
		field === 'rating' && rating ? ratingChange(rating) : fieldLabel(field)
	);
	return new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(words);
}

/** What an entry says happened, as one sentence. */
export function sentence(entry: Entry): string {
	const actor = entry.actor ?? m.history_someone();
	const event = entry.event;
	switch (event.kind) {
		case 'document_create':
			return m.history_document_create({ actor });
		case 'revise':
			return m.history_revise({ actor, ...event });
		case 'assign':
			return event.assignee === null
				? m.history_unassign({ actor })
				: m.history_assign({ actor, name: event.assignee });
		case 'submit':
			return m.history_submit({ actor, round: event.round });
		case 'approve':
			return event.comment
				? m.history_approve_comment({ actor, comment: event.comment })
				: m.history_approve({ actor });
		case 'request_changes':
			return event.comment
				? m.history_request_changes_comment({ actor, comment: event.comment })
				: m.history_request_changes({ actor });
		case 'take':
			return m.history_take({ actor });
		case 'publish':
			return m.history_publish({ actor, version: event.version });
		case 'retract':
			return m.history_retract({ actor, reason: event.reason });
		case 'claim_create':
			return m.history_claim_create({ actor, claim: claimLabel(event.claim) });
		case 'claim_update':
			return m.history_claim_update({
				actor,
				claim: claimLabel(event.claim),
				fields: fieldList(event.fields, event.rating)
			});
		case 'claim_delete':
			return m.history_claim_delete({ actor, claim: claimLabel(event.claim) });
		case 'claim_restore':
			return m.history_claim_restore({ actor, claim: claimLabel(event.claim) });
		case 'evidence_create':
			return m.history_evidence_create({ actor, claim: claimLabel(event.claim) });
		case 'evidence_update':
			return m.history_evidence_update({
				actor,
				claim: claimLabel(event.claim),
				fields: fieldList(event.fields)
			});
		case 'evidence_reorder':
			return m.history_evidence_reorder({ actor, claim: claimLabel(event.claim) });
		case 'evidence_delete':
			return m.history_evidence_delete({ actor, claim: claimLabel(event.claim) });
		case 'comment_create':
			return m.history_comment_create({ actor, claim: claimLabel(event.claim), body: event.body });
		case 'comment_update':
			return m.history_comment_update({ actor, claim: claimLabel(event.claim) });
		case 'comment_delete':
			return m.history_comment_delete({ actor, claim: claimLabel(event.claim) });
		case 'other':
			return m.history_other({ actor, entity: event.entity, action: event.action });
	}
}

/** A value that is neither text to diff, HTML nor a rating, in words. */
export function plainValue(change: FieldChange, value: string | boolean | null): string {
	if (value === null) {
		return '—';
	}
	if (typeof value === 'boolean') {
		return value ? m.history_yes() : m.history_no();
	}
	return change.type === 'enum' ? enumLabel(value) : value;
}
