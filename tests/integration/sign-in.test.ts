import { beforeEach, describe, expect, it } from 'vitest';
import { BAD_CREDENTIALS, verifyCredentials } from '$lib/server/auth';
import { loginLimits } from '$lib/server/auth/throttle';
import { AppError } from '$lib/server/errors';
import { backends, resetData, useDatabase } from '../helpers/db';
import { createUser, GOOD_PASSWORD, uniqueEmail, type TestUser } from '../helpers/factories';

/** What an attempt ended with: the user id, or the AppError's status, message and headers. */
async function outcome(attempt: Promise<{ id: string }>) {
	try {
		return { id: (await attempt).id };
	} catch (err) {
		if (!(err instanceof AppError)) {
			throw err;
		}
		return { status: err.status, message: err.message, headers: err.headers, errors: err.errors };
	}
}

describe.each(backends)('sign-in on %s', (kind) => {
	const ctx = useDatabase(kind);
	let alice: TestUser;

	beforeEach(async () => {
		await resetData(ctx.db);
		alice = await createUser(ctx.db, { roles: ['editor'] });
	});

	const attempt = (email: string, password: string, ipAddress = '192.0.2.1') =>
		outcome(verifyCredentials(ctx.db, { email, password, ipAddress }));

	const refused = { status: 401, message: BAD_CREDENTIALS, headers: {}, errors: [] };

	it('gives the user for the right email and password, however the email is typed', async () => {
		const found = await verifyCredentials(ctx.db, {
			email: `  ${alice.email.toUpperCase()} `,
			password: GOOD_PASSWORD,
			ipAddress: '192.0.2.1'
		});
		expect(found).toEqual({
			id: alice.id,
			email: alice.email,
			name: alice.name,
			roles: ['editor']
		});
	});

	it('answers an unknown email, a wrong password and a disabled account alike', async () => {
		const disabled = await createUser(ctx.db, { roles: ['editor'], disabled: true });
		expect(await attempt('nobody@factmark.test', GOOD_PASSWORD)).toEqual(refused);
		expect(await attempt(alice.email, 'correct horse battery staple 43')).toEqual(refused);
		expect(await attempt(alice.email, '')).toEqual(refused);
		expect(await attempt(disabled.email, GOOD_PASSWORD)).toEqual(refused);
	});

	it('locks an account after too many failures, even from many addresses', async () => {
		const { max } = loginLimits.account;
		for (let i = 1; i <= max; i++) {
			expect(await attempt(alice.email, `wrong password ${i}`, `198.51.100.${i}`)).toEqual(refused);
		}
		const locked = await attempt(alice.email, GOOD_PASSWORD, '198.51.100.200');
		expect(locked).toMatchObject({ status: 429, message: expect.stringMatching(/15 min\./) });
		const retryAfter = Number(
			(locked as { headers: Record<string, string> }).headers['retry-after']
		);
		expect(retryAfter).toBeGreaterThan(loginLimits.account.windowMs / 1000 - 60);
		expect(retryAfter).toBeLessThanOrEqual(loginLimits.account.windowMs / 1000);

		const bob = await createUser(ctx.db, { roles: ['reviewer'] });
		expect(await attempt(bob.email, GOOD_PASSWORD, '203.0.113.9')).toEqual({ id: bob.id });
	});

	it('does not count sign-ins that succeed', async () => {
		const { max } = loginLimits.account;
		for (let i = 0; i < max + 2; i++) {
			expect(await attempt(alice.email, GOOD_PASSWORD)).toEqual({ id: alice.id });
		}
		for (let i = 1; i < max; i++) {
			expect(await attempt(alice.email, 'wrong')).toEqual(refused);
		}
		// max - 1 failures so far; a success in between leaves the count where it was.
		expect(await attempt(alice.email, GOOD_PASSWORD)).toEqual({ id: alice.id });
		expect(await attempt(alice.email, 'wrong')).toEqual(refused);
		expect(await attempt(alice.email, GOOD_PASSWORD)).toMatchObject({ status: 429 });
	});

	it('limits one address across many emails, and only that address', async () => {
		const { max } = loginLimits.address;
		for (let i = 0; i < max; i++) {
			expect(await attempt(uniqueEmail('guess'), GOOD_PASSWORD, '192.0.2.77')).toEqual(refused);
		}
		expect(await attempt(alice.email, GOOD_PASSWORD, '192.0.2.77')).toMatchObject({
			status: 429,
			headers: { 'retry-after': expect.stringMatching(/^\d+$/) }
		});
		expect(await attempt(alice.email, GOOD_PASSWORD, '192.0.2.78')).toEqual({ id: alice.id });
	});
});
