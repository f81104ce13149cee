import { m } from '$lib/paraglide/messages';

/** A failed import as a form action returns it (see attempt in $lib/server/http/form). */
export interface ImportFailure {
	message?: unknown;
	errors?: { path: string; code: string; message: string }[];
	extensions?: { code?: unknown; max?: unknown };
}

const messages: Record<string, (max: number) => string> = {
	invalid_json: () => m.import_error_invalid_json(),
	not_utf8: () => m.import_error_not_utf8(),
	too_large: () => m.import_error_too_large(),
	not_annotations: () => m.annotations_error_not_annotations(),
	paged: () => m.annotations_error_paged(),
	no_annotations: () => m.annotations_error_no_annotations(),
	no_json_ld: () => m.references_error_no_json_ld(),
	no_claim_review: () => m.references_error_no_claim_review()
};

/**
 * Why an annotation or ClaimReview import was refused as a whole, in the UI language: by the
 * problem's `code` where the server gave one, else its English message. `tooMany` words the
 * limit of the import at hand.
 */
export function importError(failure: ImportFailure, tooMany: (max: number) => string): string {
	const code = failure.extensions?.code;
	const max = Number(failure.extensions?.max) || 0;
	if (failure.errors?.some((error) => error.code === 'non_empty')) {
		return m.import_error_empty();
	}
	if (code === 'too_many') {
		return tooMany(max);
	}
	return (typeof code === 'string' && messages[code]?.(max)) || String(failure.message ?? '');
}
