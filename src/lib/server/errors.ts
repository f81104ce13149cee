/** What was wrong with one input field: `path` names it (`roles.1`), `code` is stable. */
export interface FieldError {
	path: string;
	code: string;
	message: string;
}

/**
 * A failure the caller can act on, with the HTTP status that describes it. Domain code throws
 * it; endpoints turn it into problem+json and form actions into `fail()`.
 */
export class AppError extends Error {
	constructor(
		readonly status: 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429,
		message: string,
		readonly errors: FieldError[] = [],
		readonly headers: Record<string, string> = {},
		/** Extra members of the problem document (RFC 9457 extensions). */
		readonly extensions: Record<string, unknown> = {}
	) {
		super(message);
		this.name = 'AppError';
	}
}

export function invalid(path: string, code: string, message: string): AppError {
	return new AppError(422, 'The input is not valid.', [{ path, code, message }]);
}

export function notFound(what = 'Not found.'): AppError {
	return new AppError(404, what);
}

/** True for PostgreSQL's unique_violation, from either driver. */
export function isUniqueViolation(error: unknown): boolean {
	const cause = (error as { cause?: unknown })?.cause ?? error;
	return (cause as { code?: string })?.code === '23505';
}
