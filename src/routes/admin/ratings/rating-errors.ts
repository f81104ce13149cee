import { fieldError } from '$lib/messages';
import { m } from '$lib/paraglide/messages';

interface FieldErrorLike {
	path: string;
	code: string;
	message: string;
}

// The server's messages for these are English; these say the same in the UI language.
const byPath: Record<string, Record<string, () => string>> = {
	key: { regex: m.ratings_error_key },
	labels: { check: m.ratings_error_label_needed },
	color: { regex: m.ratings_error_color_format, check: m.ratings_error_color_light }
};

/** The message, in the UI language, for the error on rating field `path`, if there is one. */
export function ratingError(
	errors: readonly FieldErrorLike[] | undefined,
	path: string
): string | undefined {
	const error = errors?.find((candidate) => candidate.path === path);
	if (!error) {
		return undefined;
	}
	if (path === 'value') {
		return m.ratings_error_value();
	}
	return byPath[path]?.[error.code]?.() ?? fieldError(errors, path);
}
