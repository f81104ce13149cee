import type { Handle, RequestEvent } from '@sveltejs/kit';
import { hit } from '$lib/server/auth/throttle';
import type { Database } from '$lib/server/db';
import { logger } from '$lib/server/log';

/**
 * API rate limits: every `/api/v1/*` request counts against its caller — the token it carries
 * (`Authorization: Bearer`, a login's or a personal access token), else the session of its
 * cookie, else the client's address — in fixed one-minute windows kept in PostgreSQL, so that
 * every instance shares one count. Answers say where the caller stands in the `RateLimit-Policy`
 * and `RateLimit` fields of draft-ietf-httpapi-ratelimit-headers (-11); going over gets a 429.
 */

export type PolicyName = 'token' | 'session' | 'anonymous';

/** A quota of `quota` requests per `windowSeconds`, under `name` in the headers. */
export interface Policy {
	name: PolicyName;
	quota: number;
	windowSeconds: number;
}

/** Requests allowed per window for each kind of caller. */
export type Limits = Record<PolicyName, number>;

export const WINDOW_SECONDS = 60;
export const DEFAULT_LIMITS: Limits = { token: 1200, session: 1200, anonymous: 300 };

/** Where a caller stands in the current window. */
export interface WindowState {
	allowed: boolean;
	/** Requests left in this window (never negative). */
	remaining: number;
	/** Whole seconds until the window resets (at least 1). */
	resetSeconds: number;
}

function limitFrom(value: string | undefined, name: string, fallback: number): number {
	if (value === undefined || value.trim() === '') {
		return fallback;
	}
	if (!/^\d{1,9}$/.test(value.trim())) {
		throw new Error(`${name} must be a whole number of requests per minute (0 for no limit).`);
	}
	return Number(value);
}

/**
 * The limits from API_RATE_LIMIT (per token or session) and API_RATE_LIMIT_ANONYMOUS (per
 * client address), requests per minute; null when API_RATE_LIMIT is 0 (no limits at all).
 * Throws for a value that is not a whole number, so that a typo stops the start.
 */
export function readLimits(env: Record<string, string | undefined>): Limits | null {
	const signedIn = limitFrom(env.API_RATE_LIMIT, 'API_RATE_LIMIT', DEFAULT_LIMITS.token);
	const anonymous = limitFrom(
		env.API_RATE_LIMIT_ANONYMOUS,
		'API_RATE_LIMIT_ANONYMOUS',
		DEFAULT_LIMITS.anonymous
	);
	return signedIn === 0 ? null : { token: signedIn, session: signedIn, anonymous };
}

/** The counter and policy a request counts against. */
export function subjectOf(
	event: Pick<RequestEvent, 'request' | 'locals' | 'getClientAddress'>,
	limits: Limits
): { key: string; policy: Policy } {
	const session = event.locals.session;
	const policy = (name: PolicyName): Policy => ({
		name,
		quota: limits[name],
		windowSeconds: WINDOW_SECONDS
	});
	if (session) {
		// A login's token may come as the cookie or as a bearer token: one count for both.
		const bearer = /^Bearer\s/i.test(event.request.headers.get('authorization') ?? '');
		return { key: `api:session:${session.id}`, policy: policy(bearer ? 'token' : 'session') };
	}
	return { key: `api:address:${event.getClientAddress()}`, policy: policy('anonymous') };
}

/** Where `count` requests in a window that began at `windowStart` leave the caller at `now`. */
export function windowState(
	counted: { count: number; windowStart: Date },
	policy: Policy,
	now: Date
): WindowState {
	const resetsAt = counted.windowStart.getTime() + policy.windowSeconds * 1000;
	return {
		allowed: counted.count <= policy.quota,
		remaining: Math.max(0, policy.quota - counted.count),
		resetSeconds: Math.min(
			policy.windowSeconds,
			Math.max(1, Math.ceil((resetsAt - now.getTime()) / 1000))
		)
	};
}

/** `RateLimit-Policy` and `RateLimit` as structured fields: `"token";q=1200;w=60`. */
export function rateLimitHeaders(policy: Policy, state: WindowState): Record<string, string> {
	return {
		'ratelimit-policy': `"${policy.name}";q=${policy.quota};w=${policy.windowSeconds}`,
		ratelimit: `"${policy.name}";r=${state.remaining};t=${state.resetSeconds}`
	};
}

const who: Record<PolicyName, string> = {
	token: 'token',
	session: 'session',
	anonymous: 'client address without a token'
};

/** The 429 for going over: the draft's quota-exceeded problem, with Retry-After. */
export function tooManyRequests(policy: Policy, state: WindowState): Response {
	const body = {
		type: 'https://iana.org/assignments/http-problem-types#quota-exceeded',
		title: 'Too Many Requests',
		status: 429,
		detail: `At most ${policy.quota} requests a minute per ${who[policy.name]}; try again in ${state.resetSeconds} s.`,
		'violated-policies': [policy.name]
	};
	return new Response(JSON.stringify(body), {
		status: 429,
		headers: {
			'content-type': 'application/problem+json',
			'retry-after': String(state.resetSeconds),
			...rateLimitHeaders(policy, state)
		}
	});
}

/**
 * Counts one request against `subject`, shared by every instance through `db`. Fails only
 * when the database does.
 */
export async function count(
	db: Database,
	subject: { key: string; policy: Policy },
	now = new Date()
): Promise<WindowState> {
	const counted = await hit(db, subject.key, subject.policy.windowSeconds * 1000, now);
	return windowState(counted, subject.policy, now);
}

/**
 * The hook that limits `/api/v1/*`, after authentication has filled `locals`. With the database
 * out of reach it lets requests through uncounted (they will meet the same trouble anyway)
 * rather than refuse every one.
 */
export function apiRateLimits(env: Record<string, string | undefined>): Handle {
	const limits = readLimits(env);
	return async ({ event, resolve }) => {
		if (!limits || !event.url.pathname.startsWith('/api/v1/')) {
			return resolve(event);
		}
		const subject = subjectOf(event, limits);
		let state: WindowState;
		try {
			state = await count(event.locals.db, subject);
		} catch (err) {
			logger.warn({ err, requestId: event.locals.requestId }, 'API rate limit not counted');
			return resolve(event);
		}
		if (!state.allowed) {
			return tooManyRequests(subject.policy, state);
		}
		const response = await resolve(event);
		for (const [name, value] of Object.entries(rateLimitHeaders(subject.policy, state))) {
			response.headers.set(name, value);
		}
		return response;
	};
}
