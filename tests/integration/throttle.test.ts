import { beforeEach, describe, expect, it } from 'vitest';
import { consume, deleteStale, loginLimits, refund } from '$lib/server/auth/throttle';
import { backends, countRows, resetData, useDatabase } from '../helpers/db';

const t0 = new Date('2026-03-01T12:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const limit = { max: 3, windowMs: 60_000 };

describe.each(backends)('rate limit counters on %s', (kind) => {
	const ctx = useDatabase(kind);

	beforeEach(async () => {
		await resetData(ctx.db);
	});

	const take = (seconds: number, key = 'test:key') => consume(ctx.db, key, limit, at(seconds));

	it('allow max attempts per window and say when the window resets', async () => {
		expect(await take(0)).toEqual({ allowed: true, retryAfterSeconds: 60 });
		expect(await take(10)).toEqual({ allowed: true, retryAfterSeconds: 50 });
		expect(await take(20)).toEqual({ allowed: true, retryAfterSeconds: 40 });
		expect(await take(45)).toEqual({ allowed: false, retryAfterSeconds: 15 });
		expect(await take(59.5)).toEqual({ allowed: false, retryAfterSeconds: 1 });
	});

	it('start a new window once the old one is over', async () => {
		for (const s of [0, 1, 2, 3]) {
			await take(s);
		}
		expect(await take(60)).toEqual({ allowed: true, retryAfterSeconds: 60 });
		expect(await take(61)).toMatchObject({ allowed: true });
		expect(await take(62)).toMatchObject({ allowed: true });
		expect(await take(63)).toEqual({ allowed: false, retryAfterSeconds: 57 });
	});

	it('count each key on its own', async () => {
		for (const s of [0, 1, 2, 3]) {
			await take(s, 'test:a');
		}
		expect(await take(4, 'test:a')).toMatchObject({ allowed: false });
		expect(await take(4, 'test:b')).toMatchObject({ allowed: true });
	});

	it('give back an attempt with refund, never below zero', async () => {
		await take(0);
		await refund(ctx.db, 'test:key');
		await refund(ctx.db, 'test:key');
		await refund(ctx.db, 'test:missing');
		for (const s of [1, 2, 3]) {
			expect(await take(s)).toMatchObject({ allowed: true });
		}
		expect(await take(4)).toMatchObject({ allowed: false });
		expect(await countRows(ctx.db, 'rate_limit')).toBe(1);
	});

	it('count concurrent attempts exactly', async () => {
		const results = await Promise.all(Array.from({ length: 12 }, () => take(0)));
		expect(results.filter((r) => r.allowed)).toHaveLength(limit.max);
	});

	it('forget counters whose window ended long ago', async () => {
		const longest = Math.max(loginLimits.account.windowMs, loginLimits.address.windowMs) / 1000;
		await take(0, 'test:old');
		await take(longest, 'test:recent');
		await deleteStale(ctx.db, at(longest + 1));
		expect(await countRows(ctx.db, 'rate_limit')).toBe(1);
		expect(await take(longest + 2, 'test:recent')).toMatchObject({ allowed: true });
	});
});
