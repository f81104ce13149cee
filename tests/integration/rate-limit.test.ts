import type { RequestEvent } from '@sveltejs/kit';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '$lib/server/auth';
import { apiRateLimits, count, type Policy } from '$lib/server/http/rate-limit';
import { backends, resetData, useDatabase } from '../helpers/db';

const t0 = new Date('2026-03-01T12:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe.each(backends)('API rate limits on %s', (kind) => {
	const ctx = useDatabase(kind);

	beforeEach(async () => {
		await resetData(ctx.db);
	});

	/** A request as the hook sees it once authentication has run. */
	const event = (
		path: string,
		who: { bearer?: string; session?: Pick<Session, 'id'>; address?: string } = {}
	) =>
		({
			url: new URL(`http://localhost${path}`),
			request: new Request(`http://localhost${path}`, {
				headers: who.bearer ? { authorization: `Bearer ${who.bearer}` } : {}
			}),
			locals: { db: ctx.db, requestId: 'test-request', session: who.session ?? null },
			getClientAddress: () => who.address ?? '192.0.2.1'
		}) as unknown as RequestEvent;
	const ok = () => new Response('{}', { headers: { 'content-type': 'application/json' } });
	let resolved = 0;
	const resolve = () => {
		resolved += 1;
		return Promise.resolve(ok());
	};

	it('share one count per token between two instances, with RateLimit fields, then 429', async () => {
		// Two app instances: two hooks, each with its own configuration, one database.
		const env = { API_RATE_LIMIT: '3', API_RATE_LIMIT_ANONYMOUS: '2' };
		const [first, second] = [apiRateLimits(env), apiRateLimits(env)];
		const token = { bearer: 'secret', session: { id: 'session-a' } };
		resolved = 0;

		const answers = [];
		for (const instance of [first, second, first, second]) {
			answers.push(await instance({ event: event('/api/v1/me', token), resolve }));
		}
		expect(answers.map((response) => response.status)).toEqual([200, 200, 200, 429]);
		expect(resolved).toBe(3);
		expect(answers[0].headers.get('ratelimit-policy')).toBe('"token";q=3;w=60');
		expect(answers.map((response) => response.headers.get('ratelimit'))).toEqual([
			expect.stringMatching(/^"token";r=2;t=(60|59)$/),
			expect.stringMatching(/^"token";r=1;t=\d+$/),
			expect.stringMatching(/^"token";r=0;t=\d+$/),
			expect.stringMatching(/^"token";r=0;t=\d+$/)
		]);
		const refused = answers[3];
		expect(refused.headers.get('content-type')).toBe('application/problem+json');
		const retryAfter = Number(refused.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThanOrEqual(1);
		expect(retryAfter).toBeLessThanOrEqual(60);
		expect(refused.headers.get('ratelimit')).toBe(`"token";r=0;t=${retryAfter}`);
		expect(await refused.json()).toMatchObject({
			status: 429,
			type: 'https://iana.org/assignments/http-problem-types#quota-exceeded',
			'violated-policies': ['token']
		});

		// Someone else's token, and the same person's cookie session, have counts of their own.
		const other = await second({
			event: event('/api/v1/me', { bearer: 'other', session: { id: 'session-b' } }),
			resolve
		});
		expect(other.status).toBe(200);
		const cookie = await first({
			event: event('/api/v1/me', { session: { id: 'session-c' } }),
			resolve
		});
		expect(cookie.headers.get('ratelimit')).toMatch(/^"session";r=2;/);
	});

	it('count anonymous callers per address, and leave other paths alone', async () => {
		const env = { API_RATE_LIMIT: '100', API_RATE_LIMIT_ANONYMOUS: '2' };
		const [first, second] = [apiRateLimits(env), apiRateLimits(env)];
		const statuses = [];
		for (const instance of [first, second, first]) {
			statuses.push((await instance({ event: event('/api/v1/rating-scale'), resolve })).status);
		}
		expect(statuses).toEqual([200, 200, 429]);
		const elsewhere = await second({
			event: event('/api/v1/rating-scale', { address: '198.51.100.9' }),
			resolve
		});
		expect(elsewhere.headers.get('ratelimit')).toMatch(/^"anonymous";r=1;/);

		// Pages, and paths that only look like the API, are not counted.
		for (const path of ['/documents', '/api/v1', '/api/oembed']) {
			const page = await first({ event: event(path), resolve });
			expect(page.status, path).toBe(200);
			expect(page.headers.has('ratelimit'), path).toBe(false);
		}
	});

	it('count nothing when turned off with API_RATE_LIMIT=0', async () => {
		const off = apiRateLimits({ API_RATE_LIMIT: '0' });
		for (let i = 0; i < 5; i++) {
			const response = await off({ event: event('/api/v1/me'), resolve });
			expect(response.status).toBe(200);
			expect(response.headers.has('ratelimit')).toBe(false);
		}
	});

	it('start a fresh window once the last one is over', async () => {
		const policy: Policy = { name: 'token', quota: 2, windowSeconds: 60 };
		const subject = { key: 'api:session:window', policy };
		expect(await count(ctx.db, subject, at(0))).toEqual({
			allowed: true,
			remaining: 1,
			resetSeconds: 60
		});
		expect(await count(ctx.db, subject, at(20))).toEqual({
			allowed: true,
			remaining: 0,
			resetSeconds: 40
		});
		expect(await count(ctx.db, subject, at(59))).toEqual({
			allowed: false,
			remaining: 0,
			resetSeconds: 1
		});
		expect(await count(ctx.db, subject, at(60))).toEqual({
			allowed: true,
			remaining: 1,
			resetSeconds: 60
		});
	});
});
