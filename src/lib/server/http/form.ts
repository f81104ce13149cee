import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { AppError, type FieldError } from '$lib/server/errors';

export interface FormFailure {
	message: string;
	errors: FieldError[];
	values: Record<string, string>;
	/** Seconds to wait, for a 429. */
	retryAfter?: number;
	/** The problem's extensions, as the API would send them. */
	extensions?: Record<string, unknown>;
}

/**
 * Runs a form action's work; an AppError becomes `fail()` with its status, its field errors
 * and the submitted values (passwords left out) so that the form can be shown again.
 */
export async function attempt<T>(
	form: FormData,
	work: () => Promise<T>
): Promise<T | ActionFailure<FormFailure>> {
	try {
		return await work();
	} catch (err) {
		if (err instanceof AppError) {
			const retryAfter = Number(err.headers['retry-after']) || undefined;
			return fail(err.status, {
				message: err.message,
				errors: err.errors,
				values: echo(form),
				retryAfter,
				extensions: err.extensions
			});
		}
		throw err;
	}
}

function echo(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form) {
		if (typeof value === 'string' && !/password|current|next|confirm/i.test(key)) {
			values[key] = value;
		}
	}
	return values;
}

/** A form's text field, or '' when absent or a file. */
export function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

/** For loads: an AppError (a 404, say) becomes SvelteKit's error page with its status. */
export async function orErrorPage<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (err) {
		if (err instanceof AppError) {
			error(err.status, err.message);
		}
		throw err;
	}
}
