import { describe, expect, it } from 'vitest';
import type { Session } from '$lib/server/auth';
import {
	DEFAULT_LIMITS,
	rateLimitHeaders,
	readLimits,
	subjectOf,
	tooManyRequests,
	windowState,
	type Policy
} from '$lib/server/http/rate-limit';

const t0 = new Date('2026-03-01T12:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const policy: Policy = { name: 'token', quota: 3, windowSeconds: 60 };

describe('windowState', () => {
	it.each([
		// count, seconds since the window began → allowed, remaining, reset
		[1, 0, true, 2, 60],
		[2, 10, true, 1, 50],
		[3, 59.2, true, 0, 1],
		[4, 30, false, 0, 30],
		[400, 45.5, false, 0, 15]
	])('%i requests %ss in', (count, seconds, allowed, remaining, resetSeconds) => {
		expect(windowState({ count, windowStart: t0 }, policy, at(seconds))).toEqual({
			allowed,
			remaining,
			resetSeconds
		});
	});

	it('never says less than a second nor more than the window', () => {
		expect(windowState({ count: 1, windowStart: t0 }, policy, at(59.999)).resetSeconds).toBe(1);
		// A clock a little behind the database's.
		expect(windowState({ count: 1, windowStart: t0 }, policy, at(-2)).resetSeconds).toBe(60);
	});
});

describe('rateLimitHeaders', () => {
	it('writes the draft’s structured fields: a String item with Integer parameters', () => {
		expect(
			rateLimitHeaders(
				{ name: 'anonymous', quota: 300, windowSeconds: 60 },
				{ allowed: true, remaining: 299, resetSeconds: 60 }
			)
		).toEqual({
			'ratelimit-policy': '"anonymous";q=300;w=60',
			ratelimit: '"anonymous";r=299;t=60'
		});
	});
});

describe('tooManyRequests', () => {
	it('is a quota-exceeded problem with Retry-After matching the effective window', async () => {
		const response = tooManyRequests(policy, { allowed: false, remaining: 0, resetSeconds: 17 });
		expect(response.status).toBe(429);
		expect(response.headers.get('content-type')).toBe('application/problem+json');
		expect(response.headers.get('retry-after')).toBe('17');
		expect(response.headers.get('ratelimit')).toBe('"token";r=0;t=17');
		expect(response.headers.get('ratelimit-policy')).toBe('"token";q=3;w=60');
		expect(await response.json()).toMatchObject({
			type: 'https://iana.org/assignments/http-problem-types#quota-exceeded',
			status: 429,
			detail: expect.stringContaining('17 s'),
			'violated-policies': ['token']
		});
	});
});

describe('readLimits', () => {
	it('has generous defaults', () => {
		expect(readLimits({})).toEqual(DEFAULT_LIMITS);
		expect(DEFAULT_LIMITS).toEqual({ token: 1200, session: 1200, anonymous: 300 });
	});

	it('reads both variables, and 0 turns limits off', () => {
		expect(readLimits({ API_RATE_LIMIT: '50', API_RATE_LIMIT_ANONYMOUS: ' 7 ' })).toEqual({
			token: 50,
			session: 50,
			anonymous: 7
		});
		expect(readLimits({ API_RATE_LIMIT: '0' })).toBeNull();
		expect(readLimits({ API_RATE_LIMIT: '' })).toEqual(DEFAULT_LIMITS);
	});

	it.each(['-1', '1.5', 'lots', '1e3'])('refuses %s', (value) => {
		expect(() => readLimits({ API_RATE_LIMIT: value })).toThrow(/API_RATE_LIMIT/);
		expect(() => readLimits({ API_RATE_LIMIT_ANONYMOUS: value })).toThrow(
			/API_RATE_LIMIT_ANONYMOUS/
		);
	});
});

describe('subjectOf', () => {
	const event = (headers: Record<string, string>, session: Pick<Session, 'id'> | null) => ({
		request: new Request('http://localhost/api/v1/me', { headers }),
		locals: { session } as App.Locals,
		getClientAddress: () => '192.0.2.7'
	});

	it('counts a bearer token per token, a cookie per session, anyone else per address', () => {
		expect(subjectOf(event({ authorization: 'Bearer x' }, { id: 'abc' }), DEFAULT_LIMITS)).toEqual({
			key: 'api:session:abc',
			policy: { name: 'token', quota: 1200, windowSeconds: 60 }
		});
		expect(subjectOf(event({}, { id: 'abc' }), DEFAULT_LIMITS)).toEqual({
			key: 'api:session:abc',
			policy: { name: 'session', quota: 1200, windowSeconds: 60 }
		});
		// A bearer token that is not valid leaves the request anonymous.
		expect(subjectOf(event({ authorization: 'Bearer nope' }, null), DEFAULT_LIMITS)).toEqual({
			key: 'api:address:192.0.2.7',
			policy: { name: 'anonymous', quota: 300, windowSeconds: 60 }
		});
	});
});
