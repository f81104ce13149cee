import { error, fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import { AppError, type FieldError } from '$lib/server/errors';
import { assertStorable } from '$lib/server/input';

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
 * The form posted to an action. SvelteKit's `error(400)` when the body is not a well-formed
 * form (a multipart body cut short, say), which would otherwise fail the action with a 500; a
 * body over BODY_SIZE_LIMIT keeps adapter-node's 413.
 */
export async function formData(event: RequestEvent): Promise<FormData> {
	try {
		return await event.request.formData();
	} catch (err) {
		if ((err as { status?: unknown })?.status === 413) {
			throw err;
		}
		error(400, 'The form could not be read: it is not well-formed.');
	}
}

/**
 * Runs a form action's work; an AppError becomes `fail()` with its status, its field errors
 * and the submitted values (passwords left out) so that the form can be shown again. A text
 * field holding U+0000 fails (422) before any work, whichever field it is: an id, a key or a
 * password reaches the database as well as the fields a schema checks.
 */
export async function attempt<T>(
	form: FormData,
	work: () => Promise<T>
): Promise<T | ActionFailure<FormFailure>> {
	try {
		for (const [name, value] of form) {
			if (typeof value === 'string') {
				assertStorable(value, name);
			}
		}
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
