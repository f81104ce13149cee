import { isHttpError, isRedirect, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import * as v from 'valibot';
import { isUnavailable } from '$lib/server/db/unavailable';
import { AppError, type FieldError } from '$lib/server/errors';
import { assertStorable } from '$lib/server/input';
import { logger } from '$lib/server/log';

const titles: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	409: 'Conflict',
	412: 'Precondition Failed',
	413: 'Content Too Large',
	415: 'Unsupported Media Type',
	422: 'Unprocessable Content',
	428: 'Precondition Required',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	503: 'Service Unavailable'
};

/** An RFC 9457 problem+json response. */
export function problem(
	status: number,
	detail: string,
	extra: {
		errors?: FieldError[];
		headers?: Record<string, string>;
		instance?: string;
		extensions?: Record<string, unknown>;
	} = {}
): Response {
	const body = {
		...extra.extensions,
		type: 'about:blank',
		title: titles[status] ?? 'Error',
		status,
		detail,
		...(extra.instance ? { instance: extra.instance } : {}),
		...(extra.errors?.length
			? { errors: extra.errors.map(({ path, message }) => ({ path, message })) }
			: {})
	};
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/problem+json', ...extra.headers }
	});
}

export const UNAVAILABLE = 'Factmark cannot reach its database just now; try again in a moment.';
export const RETRY_AFTER_SECONDS = 5;

/** 503 problem+json with Retry-After: the database is out of reach for now. */
export function unavailableProblem(): Response {
	return problem(503, UNAVAILABLE, { headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } });
}

/**
 * Wraps an API handler so that every failure becomes problem+json: AppError with its status,
 * SvelteKit's `error()` with its own, the database out of reach a 503, anything else a 500
 * that is logged and never shown.
 */
export function api(handler: RequestHandler): RequestHandler {
	return async (event) => {
		try {
			return await handler(event);
		} catch (err) {
			if (err instanceof AppError) {
				return problem(err.status, err.message, {
					errors: err.errors,
					headers: err.headers,
					extensions: err.extensions
				});
			}
			if (isHttpError(err)) {
				return problem(err.status, err.body.message);
			}
			if (isRedirect(err)) {
				throw err;
			}
			const requestId = event.locals.requestId;
			if (isUnavailable(err)) {
				logger.warn({ requestId, path: event.url.pathname }, 'database unavailable');
				return unavailableProblem();
			}
			logger.error({ err, requestId, path: event.url.pathname }, 'unhandled API error');
			return problem(500, `Something went wrong on our side (request ${requestId}).`);
		}
	};
}

export const JSON_LIMIT_BYTES = 1024 * 1024;

/**
 * Reads a JSON request body of at most `limitBytes`. Fails with 415 for another content type,
 * 413 when too large, 400 for malformed JSON or invalid UTF-8.
 */
export async function readJson(
	event: RequestEvent,
	limitBytes = JSON_LIMIT_BYTES
): Promise<unknown> {
	const type = event.request.headers.get('content-type') ?? '';
	if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
		throw new AppError(415, 'Send the body as application/json.');
	}
	const declared = Number(event.request.headers.get('content-length') ?? 0);
	if (declared > limitBytes) {
		await drain(event.request);
		throw new AppError(413, `The body may be at most ${limitBytes} bytes.`);
	}
	const bytes = await readLimited(event.request, limitBytes);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new AppError(400, 'The body is not valid UTF-8.');
	}
	try {
		return JSON.parse(text);
	} catch {
		throw new AppError(400, 'The body is not valid JSON.');
	}
}

/**
 * Reads and drops the rest of a body (adapter-node stops at BODY_SIZE_LIMIT), so that the
 * client, still sending, receives our 413 rather than a reset connection.
 */
async function drain(request: Request): Promise<void> {
	try {
		const reader = request.body?.getReader();
		while (reader && !(await reader.read()).done) {
			// discard
		}
	} catch {
		// The body ended early or went over the server's limit: nothing more to read.
	}
}

async function readLimited(request: Request, limitBytes: number): Promise<Uint8Array<ArrayBuffer>> {
	if (!request.body) {
		return new Uint8Array();
	}
	const chunks: Uint8Array[] = [];
	let size = 0;
	const reader = request.body.getReader();
	for (;;) {
		const { done, value } = await reader.read().catch(unreadable);
		if (done) {
			break;
		}
		size += value.byteLength;
		if (size > limitBytes) {
			reader.releaseLock();
			await drain(request);
			throw new AppError(413, `The body may be at most ${limitBytes} bytes.`);
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}

/**
 * Why a body could not be read, as an AppError: adapter-node ends the stream with a 413 of its
 * own once the body passes BODY_SIZE_LIMIT (with or without Content-Length), and any other
 * failure is a body cut short.
 */
function unreadable(err: unknown): never {
	if ((err as { status?: unknown })?.status === 413) {
		throw new AppError(413, `The body is too large: ${(err as Error).message}`);
	}
	throw new AppError(400, 'The body could not be read to its end.');
}

/**
 * The version a write starts from, from `If-Match: "<version>"`. AppError 428 without one:
 * changes to versioned resources must say what they change.
 */
export function ifMatch(event: RequestEvent): number {
	const match = event.request.headers.get('if-match')?.match(/^(?:W\/)?"?(\d{1,9})"?$/);
	if (!match) {
		throw new AppError(428, 'Send If-Match with the version you read, as If-Match: "3".');
	}
	return Number(match[1]);
}

/**
 * Reads a multipart/form-data body of at most `limitBytes`. Fails with 415 for another content
 * type, 413 when too large, 400 when it is not well-formed.
 */
export async function readForm(event: RequestEvent, limitBytes: number): Promise<FormData> {
	const type = event.request.headers.get('content-type') ?? '';
	if (!/^multipart\/form-data\b/i.test(type)) {
		throw new AppError(415, 'Send the body as multipart/form-data.');
	}
	const declared = Number(event.request.headers.get('content-length') ?? 0);
	if (declared > limitBytes) {
		await drain(event.request);
		throw new AppError(413, `The body may be at most ${limitBytes} bytes.`);
	}
	const bytes = await readLimited(event.request, limitBytes);
	try {
		return await new Response(bytes, { headers: { 'content-type': type } }).formData();
	} catch {
		throw new AppError(400, 'The body is not well-formed multipart/form-data.');
	}
}

/** True when the request's body is multipart/form-data (else it is taken as JSON). */
export function isMultipart(event: RequestEvent): boolean {
	return /^multipart\/form-data\b/i.test(event.request.headers.get('content-type') ?? '');
}

/**
 * Validates `input` against `schema`; a mismatch is a 422 naming each field's path, and so is
 * text that cannot be stored or nesting beyond reason, wherever it is (see `assertStorable`).
 */
export function parse<TSchema extends v.GenericSchema>(
	schema: TSchema,
	input: unknown
): v.InferOutput<TSchema> {
	assertStorable(input);
	const result = v.safeParse(schema, input, { abortPipeEarly: true });
	if (result.success) {
		return result.output;
	}
	throw new AppError(
		422,
		'The input is not valid.',
		result.issues.map((issue) => ({
			path: v.getDotPath(issue) ?? '',
			code: issue.type,
			message: issue.message
		}))
	);
}

/** A JSON response. */
export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(data), {
		status,
		headers: { 'content-type': 'application/json', ...headers }
	});
}

/** For an API route's `fallback` export: any method it does not define. */
export const methodNotAllowed: RequestHandler = ({ request }) =>
	problem(405, `${request.method} is not allowed here.`);

/** `?limit=` and `?cursor=` of an offset-paged list, as `paginate` reads them. */
export const pageQuery = v.object({
	limit: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^\d{1,3}$/, 'limit is a whole number from 1 to 200.'),
			v.transform(Number),
			v.minValue(1, 'limit is at least 1.'),
			v.maxValue(200, 'limit is at most 200.')
		),
		'50'
	),
	cursor: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^\d{1,9}$/, 'cursor is not one this API gave out.'),
			v.transform(Number)
		),
		'0'
	)
});

/**
 * Pages a list per the API conventions: `?limit=` (default 50, max 200) and the opaque
 * `?cursor=` from the previous page's `nextCursor`.
 */
export function paginate<T>(
	url: URL,
	all: readonly T[]
): { items: T[]; nextCursor: string | null } {
	const { limit, cursor } = parse(pageQuery, {
		limit: url.searchParams.get('limit') ?? undefined,
		cursor: url.searchParams.get('cursor') ?? undefined
	});
	const end = cursor + limit;
	return { items: all.slice(cursor, end), nextCursor: end < all.length ? String(end) : null };
}
