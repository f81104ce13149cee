import { isUuid } from '$lib/server/db';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyCredentials } from '$lib/server/auth';
import { AppError } from '$lib/server/errors';
import { parse } from '$lib/server/http/problem';
import * as users from '$lib/server/users';
import { newUser } from '$lib/server/users/input';
import { backends, countRows, resetData, useDatabase } from '../helpers/db';
import { createUser, GOOD_PASSWORD, signIn } from '../helpers/factories';

/** The AppError a promise is rejected with. */
async function rejection(promise: Promise<unknown>): Promise<AppError> {
	const err = await promise.then(
		() => new Error('expected a rejection'),
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(AppError);
	return err as AppError;
}

const lastAdmin = { status: 409, errors: [{ path: '', code: 'last_admin' }] };

describe.each(backends)('users on %s', (kind) => {
	const ctx = useDatabase(kind);

	beforeEach(async () => {
		await resetData(ctx.db);
	});

	const signInAs = (email: string, password: string) =>
		verifyCredentials(ctx.db, { email, password, ipAddress: '192.0.2.5' });

	describe('create', () => {
		it('stores a user parsed from the API input, who can then sign in', async () => {
			const input = parse(newUser, {
				email: ' Ada.Lovelace@Example.ORG ',
				name: 'Ada Lovelace',
				password: GOOD_PASSWORD,
				roles: ['reviewer', 'editor', 'reviewer']
			});
			const created = await users.create(ctx.db, input);
			expect(created).toMatchObject({
				email: 'ada.lovelace@example.org',
				name: 'Ada Lovelace',
				roles: ['editor', 'reviewer'],
				disabled: false,
				activeSessions: 0
			});
			expect(isUuid(created.id)).toBe(true);
			expect(await users.get(ctx.db, created.id)).toEqual(created);
			expect((await signInAs('ada.lovelace@example.org', GOOD_PASSWORD)).id).toBe(created.id);
		});

		it('refuses an email already in use, whatever its case, with 422 on the email field', async () => {
			await users.create(
				ctx.db,
				parse(newUser, { email: 'a@x.test', name: 'A', password: GOOD_PASSWORD })
			);
			const again = parse(newUser, { email: 'A@X.TEST', name: 'B', password: GOOD_PASSWORD });
			const err = await rejection(users.create(ctx.db, again));
			expect(err).toMatchObject({ status: 422, errors: [{ path: 'email', code: 'email_taken' }] });
			expect(await countRows(ctx.db, 'user')).toBe(1);
		});

		it.each([
			['too_short', 'short'],
			['too_common', 'password123'],
			['too_long', 'x'.repeat(257)]
		])('refuses a password that is %s with 422 on the password field', async (code, password) => {
			const input = { email: 'weak@x.test', name: 'W', password, roles: [] };
			const err = await rejection(users.create(ctx.db, input));
			expect(err).toMatchObject({ status: 422, errors: [{ path: 'password', code }] });
			expect(await countRows(ctx.db, 'user')).toBe(0);
		});
	});

	describe('get and list', () => {
		it('answer 404 for an id that is no user’s, well-formed or not', async () => {
			await expect(users.get(ctx.db, 'not-a-uuid')).rejects.toMatchObject({ status: 404 });
			await expect(users.get(ctx.db, "1' or '1'='1")).rejects.toMatchObject({ status: 404 });
			const unknown = '3f2c1a4e-5b6d-4e8f-9a0b-1c2d3e4f5a6b';
			await expect(users.get(ctx.db, unknown)).rejects.toMatchObject({ status: 404 });
		});

		it('list everyone by name with their live sessions counted', async () => {
			const bea = await createUser(ctx.db, { name: 'Bea', roles: ['editor'] });
			const al = await createUser(ctx.db, { name: 'Al', roles: ['reviewer'], disabled: true });
			const cy = await createUser(ctx.db, { name: 'Cy', roles: [] });
			await signIn(ctx.db, bea.id);
			await signIn(ctx.db, bea.id);
			await signIn(ctx.db, cy.id, new Date(Date.now() - 8 * 24 * 60 * 60 * 1000)); // expired
			const listed = await users.list(ctx.db);
			expect(
				listed.map(({ id, activeSessions, disabled }) => ({ id, activeSessions, disabled }))
			).toEqual([
				{ id: al.id, activeSessions: 0, disabled: true },
				{ id: bea.id, activeSessions: 2, disabled: false },
				{ id: cy.id, activeSessions: 0, disabled: false }
			]);
		});
	});

	describe('roles and the last admin', () => {
		it('setRoles replaces the roles', async () => {
			const someone = await createUser(ctx.db, { roles: ['editor'] });
			expect((await users.setRoles(ctx.db, someone.id, ['reviewer'])).roles).toEqual(['reviewer']);
			expect((await users.get(ctx.db, someone.id)).roles).toEqual(['reviewer']);
			expect((await users.setRoles(ctx.db, someone.id, [])).roles).toEqual([]);
		});

		it('keep the only active admin an admin and enabled (409)', async () => {
			const admin = await createUser(ctx.db, { roles: ['admin', 'editor'] });
			await createUser(ctx.db, { roles: ['admin'], disabled: true });
			await createUser(ctx.db, { roles: ['editor'] });

			expect(await rejection(users.setRoles(ctx.db, admin.id, ['editor']))).toMatchObject(
				lastAdmin
			);
			expect(await rejection(users.setDisabled(ctx.db, admin.id, true))).toMatchObject(lastAdmin);
			expect(await users.get(ctx.db, admin.id)).toMatchObject({
				roles: ['admin', 'editor'],
				disabled: false
			});
			// Changes that keep the admin role are fine.
			expect((await users.setRoles(ctx.db, admin.id, ['admin'])).roles).toEqual(['admin']);
		});

		it('let an admin lose the role or be disabled when another active admin remains', async () => {
			const first = await createUser(ctx.db, { roles: ['admin'] });
			const second = await createUser(ctx.db, { roles: ['admin'] });
			await users.setDisabled(ctx.db, first.id, true);
			expect((await users.get(ctx.db, first.id)).disabled).toBe(true);
			// Now `second` is the only active one.
			expect(await rejection(users.setRoles(ctx.db, second.id, ['reviewer']))).toMatchObject(
				lastAdmin
			);
			await users.setDisabled(ctx.db, first.id, false);
			expect((await users.setRoles(ctx.db, second.id, ['reviewer'])).roles).toEqual(['reviewer']);
		});

		it('answer 404 for changes to a user who does not exist', async () => {
			const unknown = '3f2c1a4e-5b6d-4e8f-9a0b-1c2d3e4f5a6b';
			await expect(users.setRoles(ctx.db, unknown, ['admin'])).rejects.toMatchObject({
				status: 404
			});
			await expect(users.setDisabled(ctx.db, unknown, true)).rejects.toMatchObject({ status: 404 });
			await expect(users.resetPassword(ctx.db, unknown, GOOD_PASSWORD)).rejects.toMatchObject({
				status: 404
			});
		});
	});

	describe('ensureAdmin', () => {
		const email = 'root@factmark.test';
		const later = 'a brand new admin passphrase';

		it('creates an admin, then resets it: new password, admin role added, enabled again', async () => {
			await users.ensureAdmin(ctx.db, { email: ' Root@Factmark.test ', password: GOOD_PASSWORD });
			const [created] = await users.list(ctx.db);
			expect(created).toMatchObject({ email, name: 'Administrator', roles: ['admin'] });
			expect((await signInAs(email, GOOD_PASSWORD)).id).toBe(created.id);

			await createUser(ctx.db, { roles: ['admin'] });
			await users.setRoles(ctx.db, created.id, ['reviewer', 'editor']);
			await users.setDisabled(ctx.db, created.id, true);

			await users.ensureAdmin(ctx.db, { email, password: later });
			expect(await users.get(ctx.db, created.id)).toMatchObject({
				roles: ['admin', 'editor', 'reviewer'],
				disabled: false
			});
			expect(await countRows(ctx.db, 'user')).toBe(2);
			expect((await signInAs(email, later)).id).toBe(created.id);
			await expect(signInAs(email, GOOD_PASSWORD)).rejects.toMatchObject({ status: 401 });
		});

		it('refuses a weak password', async () => {
			await expect(
				users.ensureAdmin(ctx.db, { email, password: 'admin123' })
			).rejects.toMatchObject({
				status: 422,
				errors: [{ path: 'password', code: 'too_common' }]
			});
			expect(await countRows(ctx.db, 'user')).toBe(0);
		});
	});

	describe('concurrent changes', () => {
		it('two admins demoting or disabling each other at once leave one active admin', async () => {
			for (const change of [
				(id: string) => users.setRoles(ctx.db, id, ['editor']),
				(id: string) => users.setDisabled(ctx.db, id, true)
			]) {
				await resetData(ctx.db);
				const a = await createUser(ctx.db, { roles: ['admin'] });
				const b = await createUser(ctx.db, { roles: ['admin'] });
				const results = await Promise.allSettled([change(a.id), change(b.id)]);
				expect(results.filter((result) => result.status === 'rejected')).toHaveLength(1);
				const admins = (await users.list(ctx.db)).filter(
					(user) => user.roles.includes('admin') && !user.disabled
				);
				expect(admins).toHaveLength(1);
			}
		});
	});
});
