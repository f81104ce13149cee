import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { validateToken, verifyCredentials } from '$lib/server/auth';
import { session, user } from '$lib/server/db/schema';
import { AppError } from '$lib/server/errors';
import * as users from '$lib/server/users';
import { backends, resetData, useDatabase } from '../helpers/db';
import { createUser, GOOD_PASSWORD, signIn, type TestUser } from '../helpers/factories';

const NEW_PASSWORD = 'a different passphrase, 2026';

describe.each(backends)('account changes end sessions on %s', (kind) => {
	const ctx = useDatabase(kind);
	let alice: TestUser;

	beforeEach(async () => {
		await resetData(ctx.db);
		// Two admins, so that either may be disabled.
		await createUser(ctx.db, { roles: ['admin'] });
		alice = await createUser(ctx.db, { roles: ['admin', 'editor'] });
	});

	const sessionsOf = async (userId: string) =>
		ctx.db.select().from(session).where(eq(session.userId, userId));

	const signInWith = (password: string) =>
		verifyCredentials(ctx.db, { email: alice.email, password, ipAddress: '192.0.2.10' });

	it('disabling a user ends their sessions at once, and re-enabling does not revive them', async () => {
		const { token } = await signIn(ctx.db, alice.id);
		await users.setDisabled(ctx.db, alice.id, true);
		expect(await sessionsOf(alice.id)).toEqual([]);
		expect(await validateToken(ctx.db, token)).toBeNull();
		expect((await users.get(ctx.db, alice.id)).disabled).toBe(true);

		await users.setDisabled(ctx.db, alice.id, false);
		expect(await validateToken(ctx.db, token)).toBeNull();
		expect((await users.get(ctx.db, alice.id)).disabled).toBe(false);
	});

	it('a session of a user disabled behind its back stops working and is deleted', async () => {
		const { token } = await signIn(ctx.db, alice.id);
		await ctx.db.update(user).set({ disabledAt: new Date() }).where(eq(user.id, alice.id));
		expect(await validateToken(ctx.db, token)).toBeNull();
		expect(await sessionsOf(alice.id)).toEqual([]);
	});

	it('changing one’s password ends the other sessions and keeps this one', async () => {
		const [here, laptop, phone] = [
			await signIn(ctx.db, alice.id),
			await signIn(ctx.db, alice.id),
			await signIn(ctx.db, alice.id, new Date(), 'token')
		];
		await users.changePassword(ctx.db, alice.id, {
			current: GOOD_PASSWORD,
			next: NEW_PASSWORD,
			keepSessionId: here.session.id
		});
		expect(await validateToken(ctx.db, here.token)).not.toBeNull();
		expect(await validateToken(ctx.db, laptop.token)).toBeNull();
		expect(await validateToken(ctx.db, phone.token)).toBeNull();
		expect((await signInWith(NEW_PASSWORD)).id).toBe(alice.id);
		await expect(signInWith(GOOD_PASSWORD)).rejects.toMatchObject({ status: 401 });
	});

	it.each([
		['current', { current: 'not my password at all', next: NEW_PASSWORD }, 'wrong_password'],
		['next', { current: GOOD_PASSWORD, next: 'password123' }, 'too_common'],
		['next', { current: GOOD_PASSWORD, next: 'short' }, 'too_short']
	])('a refused password change (%s) changes nothing', async (path, change, code) => {
		const here = await signIn(ctx.db, alice.id);
		const other = await signIn(ctx.db, alice.id);
		const err = await users
			.changePassword(ctx.db, alice.id, { ...change, keepSessionId: here.session.id })
			.catch((e: unknown) => e);
		expect(err).toBeInstanceOf(AppError);
		expect(err).toMatchObject({ status: 422, errors: [{ path, code }] });
		expect(await validateToken(ctx.db, other.token)).not.toBeNull();
		expect((await signInWith(GOOD_PASSWORD)).id).toBe(alice.id);
	});

	it('an admin’s password reset ends every session of that user', async () => {
		const one = await signIn(ctx.db, alice.id);
		const two = await signIn(ctx.db, alice.id, new Date(), 'token');
		await users.resetPassword(ctx.db, alice.id, NEW_PASSWORD);
		expect(await validateToken(ctx.db, one.token)).toBeNull();
		expect(await validateToken(ctx.db, two.token)).toBeNull();
		expect((await signInWith(NEW_PASSWORD)).id).toBe(alice.id);
	});
});
