import { m } from '$lib/paraglide/messages';
import type { Role } from '$lib/permissions';

interface FieldErrorLike {
	path: string;
	code: string;
	message: string;
}

const byCode: Record<string, () => string> = {
	too_short: m.error_too_short,
	too_long: m.error_too_long,
	max_length: m.error_too_long,
	max_graphemes: m.error_too_long,
	too_common: m.error_too_common,
	email_taken: m.error_email_taken,
	wrong_password: m.error_wrong_password,
	email: m.error_invalid_email,
	non_empty: m.error_required,
	passwords_differ: m.error_passwords_differ,
	last_admin: m.error_last_admin
};

/** The message, in the UI language, for the error on field `path`, if there is one. */
export function fieldError(
	errors: readonly FieldErrorLike[] | undefined,
	path: string
): string | undefined {
	const error = errors?.find((candidate) => candidate.path === path);
	return error && (byCode[error.code]?.() ?? error.message);
}

export function roleLabel(role: Role): string {
	return { admin: m.role_admin, editor: m.role_editor, reviewer: m.role_reviewer }[role]();
}

export function roleHint(role: Role): string {
	return { admin: m.role_admin_hint, editor: m.role_editor_hint, reviewer: m.role_reviewer_hint }[
		role
	]();
}

export function statusLabel(status: string): string {
	const labels: Record<string, () => string> = {
		draft: m.status_draft,
		in_review: m.status_in_review,
		approved: m.status_approved,
		published: m.status_published,
		retracted: m.status_retracted
	};
	return labels[status]?.() ?? status;
}
