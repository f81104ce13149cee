import type { RequestEvent } from '@sveltejs/kit';
import { eq, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import {
	assertSignInSession,
	createPersonalToken,
	DEFAULT_LIFETIME_DAYS,
	invalidateUserSessions,
	listPersonalTokens,
	listSessions,
	MAX_TOKENS_PER_PERSON,
	newPersonalToken,
	PERSONAL_TOKEN_PREFIX,
	revokePersonalToken,
	sessionIdOf,
	validateToken,
	type Session,
	type SessionUser
} from '$lib/server/auth';
import { session, user } from '$lib/server/db/schema';
import { AppError } from '$lib/server/errors';
import { parse } from '$lib/server/http/problem';
import * as users from '$lib/server/users';
import * as tokensApi from '../../src/routes/api/v1/me/tokens/+server';
import * as tokenApi from '../../src/routes/api/v1/me/tokens/[id]/+server';
import { backends, resetData, rowsOf, useDatabase } from '../helpers/db';
import { createUser, GOOD_PASSWORD, signIn, type TestUser } from '../helpers/factories';

const t0 = new Date('2026-03-01T12:00:00.000Z');
const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const at = (ms: number) => new Date(t0.getTime() + ms);
const bearer = { bearer: true };

describe.each(backends)('personal access tokens on %s', (kind) => {
	const ctx = useDatabase(kind);
	let alice: TestUser;

	beforeEach(async () => {
		await resetData(ctx.db);
		alice = await createUser(ctx.db, { roles: ['editor'], name: 'Alice' });
	});

	const make = (name: string, expiresInDays = DEFAULT_LIFETIME_DAYS, owner = alice.id, now = t0) =>
		createPersonalToken(ctx.db, owner, parse(newPersonalToken, { name, expiresInDays }), now);
	const rowOf = async (id: string) =>
		(await ctx.db.select().from(session).where(eq(session.id, id)))[0];

	it('are made, listed newest first without secrets, and revoked', async () => {
		const first = await make('Newsletter export', 30);
		const second = await make('  Nightly sync  ', 365, alice.id, at(MINUTE));
		expect(first.token).toMatch(new RegExp(`^${PERSONAL_TOKEN_PREFIX}[a-z2-7]{52}$`));
		expect(second.personalToken.name).toBe('Nightly sync');
		expect(first.personalToken).toEqual({
			id: sessionIdOf(first.token),
			name: 'Newsletter export',
			createdAt: t0,
			lastUsedAt: null,
			expiresAt: at(30 * DAY)
		});

		const listed = await listPersonalTokens(ctx.db, alice.id, at(2 * MINUTE));
		expect(listed.map((token) => token.name)).toEqual(['Nightly sync', 'Newsletter export']);
		expect(JSON.stringify(listed)).not.toContain(first.token);

		await revokePersonalToken(ctx.db, alice.id, first.personalToken.id);
		expect(await validateToken(ctx.db, first.token, at(2 * MINUTE), bearer)).toBeNull();
		expect(await listPersonalTokens(ctx.db, alice.id, at(2 * MINUTE))).toHaveLength(1);
	});

	it('store only the token’s hash', async () => {
		const { token } = await make('Hash only');
		const rows = await rowsOf<Record<string, unknown>>(
			ctx.db,
			sql`select * from session where user_id = ${alice.id}`
		);
		expect(rows).toHaveLength(1);
		expect(rows[0].id).toBe(sessionIdOf(token));
		const secretPart = token.slice(PERSONAL_TOKEN_PREFIX.length);
		expect(JSON.stringify(rows)).not.toContain(secretPart);
	});

	it('keep the expiry they were made with, noting use at most once a minute', async () => {
		const { token, personalToken } = await make('Fixed', 30);
		const expiresAt = at(30 * DAY);

		// Used at once: the first use is noted even within the minute.
		const first = await validateToken(ctx.db, token, at(1000), bearer);
		expect(first?.session).toMatchObject({ kind: 'personal', lastSeenAt: at(1000), expiresAt });
		expect((await rowOf(personalToken.id)).lastSeenAt).toEqual(at(1000));

		await validateToken(ctx.db, token, at(30_000), bearer);
		expect((await rowOf(personalToken.id)).lastSeenAt).toEqual(at(1000));

		for (const day of [1, 8, 20, 29]) {
			const used = await validateToken(ctx.db, token, at(day * DAY), bearer);
			expect(used?.session.expiresAt, `day ${day}`).toEqual(expiresAt);
			expect(used?.session.lastSeenAt, `day ${day}`).toEqual(at(day * DAY));
		}
		const [listed] = await listPersonalTokens(ctx.db, alice.id, at(29 * DAY));
		expect(listed.lastUsedAt).toEqual(at(29 * DAY));
		expect(listed.expiresAt).toEqual(expiresAt);

		expect(await validateToken(ctx.db, token, at(30 * DAY - 1), bearer)).not.toBeNull();
		expect(await validateToken(ctx.db, token, expiresAt, bearer)).toBeNull();
		expect(await listPersonalTokens(ctx.db, alice.id, expiresAt)).toEqual([]);
	});

	it('carry exactly their owner’s roles, as they are now', async () => {
		const { token } = await make('Roles');
		expect((await validateToken(ctx.db, token, t0, bearer))?.user).toEqual({
			id: alice.id,
			email: alice.email,
			name: 'Alice',
			roles: ['editor']
		});
		await ctx.db
			.update(user)
			.set({ roles: ['reviewer'] })
			.where(eq(user.id, alice.id));
		expect((await validateToken(ctx.db, token, t0, bearer))?.user.roles).toEqual(['reviewer']);
	});

	it('are refused once their owner is disabled', async () => {
		const { token } = await make('Disabled owner');
		const other = await make('Another');
		await ctx.db.update(user).set({ disabledAt: t0 }).where(eq(user.id, alice.id));
		expect(await validateToken(ctx.db, token, t0, bearer)).toBeNull();

		// Disabling through the users module revokes them all at once.
		await ctx.db.update(user).set({ disabledAt: null }).where(eq(user.id, alice.id));
		await createUser(ctx.db, { roles: ['admin'] });
		await users.setDisabled(ctx.db, alice.id, true);
		expect(await rowOf(other.personalToken.id)).toBeUndefined();
	});

	it('never work as a cookie (or on the live workspace), and are left alone when tried so', async () => {
		const { token, personalToken } = await make('Bearer only');
		expect(await validateToken(ctx.db, token, t0)).toBeNull();
		expect(await validateToken(ctx.db, token, t0, { bearer: false })).toBeNull();
		expect(await rowOf(personalToken.id)).toBeDefined();
		expect(await validateToken(ctx.db, token, t0, bearer)).not.toBeNull();
	});

	it('validate their name and lifetime', async () => {
		const problem = (input: unknown) => {
			try {
				parse(newPersonalToken, input);
			} catch (err) {
				return err instanceof AppError ? err.errors.map((e) => `${e.path}:${e.code}`) : err;
			}
			return [];
		};
		expect(v.parse(newPersonalToken, { name: 'x' }).expiresInDays).toBe(90);
		expect(problem({ name: '   ' })).toEqual(['name:non_empty']);
		expect(problem({})).toEqual(['name:non_empty']);
		expect(problem({ name: 'x'.repeat(101) })).toEqual(['name:max_graphemes']);
		expect(problem({ name: '名'.repeat(100) })).toEqual([]);
		expect(problem({ name: 'x', expiresInDays: 0 })).toEqual(['expiresInDays:min_value']);
		expect(problem({ name: 'x', expiresInDays: 366 })).toEqual(['expiresInDays:max_value']);
		expect(problem({ name: 'x', expiresInDays: 1.5 })).toEqual(['expiresInDays:integer']);
		expect(problem({ name: 'x', expiresInDays: Number('') || NaN })).toEqual([
			'expiresInDays:number'
		]);
		expect(problem({ name: 'x', secret: 'mine' })).toEqual(['secret:strict_object']);
	});

	it('have names unique per person, case aside, and a most per person', async () => {
		const bob = await createUser(ctx.db, { roles: ['reviewer'] });
		await make('CI');
		await expect(make('ci')).rejects.toMatchObject({
			status: 422,
			errors: [{ path: 'name', code: 'token_name_taken' }]
		});
		await make('CI', 30, bob.id);

		for (let i = 1; i < MAX_TOKENS_PER_PERSON; i++) {
			await make(`Script ${i}`);
		}
		await expect(make('One too many')).rejects.toMatchObject({
			status: 409,
			errors: [{ path: 'name', code: 'too_many_tokens' }]
		});
	});

	it('cannot be revoked by anyone but their owner', async () => {
		const bob = await createUser(ctx.db, { roles: ['editor'] });
		const { token, personalToken } = await make('Alice’s');
		const bobs = await signIn(ctx.db, bob.id, t0);
		await expect(revokePersonalToken(ctx.db, bob.id, personalToken.id)).rejects.toMatchObject({
			status: 404
		});
		// Nor is a sign-in session a personal token to revoke.
		await expect(revokePersonalToken(ctx.db, bob.id, bobs.session.id)).rejects.toMatchObject({
			status: 404
		});
		expect(await validateToken(ctx.db, token, t0, bearer)).not.toBeNull();
		expect(await validateToken(ctx.db, bobs.token, t0)).not.toBeNull();
	});

	it('stay off the sessions list and outlive “sign out everywhere else”, not a new password', async () => {
		const here = await signIn(ctx.db, alice.id, new Date());
		const elsewhere = await signIn(ctx.db, alice.id, new Date());
		const { token } = await make('Survivor', 90, alice.id, new Date());
		expect((await listSessions(ctx.db, alice.id)).map((s) => s.id).sort()).toEqual(
			[here.session.id, elsewhere.session.id].sort()
		);

		await invalidateUserSessions(ctx.db, alice.id, here.session.id, { personal: true });
		expect(await validateToken(ctx.db, elsewhere.token)).toBeNull();
		expect(await validateToken(ctx.db, token, new Date(), bearer)).not.toBeNull();

		await users.changePassword(ctx.db, alice.id, {
			current: GOOD_PASSWORD,
			next: 'another long passphrase 7',
			keepSessionId: here.session.id
		});
		expect(await validateToken(ctx.db, token, new Date(), bearer)).toBeNull();
		expect(await validateToken(ctx.db, here.token)).not.toBeNull();
	});

	it('cannot manage tokens themselves', () => {
		expect(() => assertSignInSession({ kind: 'personal' })).toThrow(
			expect.objectContaining({ status: 403 })
		);
		expect(() => assertSignInSession({ kind: 'cookie' })).not.toThrow();
		expect(() => assertSignInSession({ kind: 'token' })).not.toThrow();
	});

	describe('through the API endpoints', () => {
		const call = async (
			handler: (event: RequestEvent) => Response | Promise<Response>,
			who: { user: SessionUser; session: Session } | null,
			init: { method: string; body?: unknown; id?: string }
		) => {
			const url = new URL('http://localhost/api/v1/me/tokens' + (init.id ? `/${init.id}` : ''));
			const request = new Request(url, {
				method: init.method,
				headers: init.body ? { 'content-type': 'application/json' } : {},
				body: init.body ? JSON.stringify(init.body) : undefined
			});
			return handler({
				request,
				url,
				params: { id: init.id },
				locals: { db: ctx.db, user: who?.user ?? null, session: who?.session ?? null }
			} as unknown as RequestEvent);
		};
		const signedIn = async (kindOf: 'cookie' | 'token' = 'cookie') => {
			const { token } = await signIn(ctx.db, alice.id, new Date(), kindOf);
			const found = await validateToken(ctx.db, token);
			if (!found) {
				throw new Error('not signed in');
			}
			return found;
		};

		it('make, list and revoke from a sign-in session', async () => {
			const me = await signedIn('token');
			const created = await call(tokensApi.POST, me, {
				method: 'POST',
				body: { name: 'From the API', expiresInDays: 7 }
			});
			expect(created.status).toBe(201);
			expect(created.headers.get('cache-control')).toBe('no-store');
			const body = await created.json();
			expect(body).toMatchObject({ name: 'From the API', lastUsedAt: null });
			expect(body.token).toMatch(/^fmp_/);

			const listed = await (await call(tokensApi.GET, me, { method: 'GET' })).json();
			expect(listed).toEqual({
				items: [{ ...body, token: undefined, current: false }],
				nextCursor: null
			});
			expect(JSON.stringify(listed)).not.toContain(body.token);

			const removed = await call(tokenApi.DELETE, me, { method: 'DELETE', id: body.id });
			expect(removed.status).toBe(204);
			const again = await call(tokenApi.DELETE, me, { method: 'DELETE', id: body.id });
			expect(again.status).toBe(404);
			expect(again.headers.get('content-type')).toBe('application/problem+json');
		});

		it('refuse a personal token making or revoking tokens, and anyone not signed in', async () => {
			const { token, personalToken } = await make('Leaked', 90, alice.id, new Date());
			const leaked = await validateToken(ctx.db, token, new Date(), bearer);
			if (!leaked) {
				throw new Error('token refused');
			}
			const made = await call(tokensApi.POST, leaked, { method: 'POST', body: { name: 'More' } });
			expect(made.status).toBe(403);
			const revoked = await call(tokenApi.DELETE, leaked, {
				method: 'DELETE',
				id: personalToken.id
			});
			expect(revoked.status).toBe(403);
			// It may see the list, and which one it is.
			const listed = await (await call(tokensApi.GET, leaked, { method: 'GET' })).json();
			expect(listed.items).toEqual([expect.objectContaining({ name: 'Leaked', current: true })]);

			expect((await call(tokensApi.GET, null, { method: 'GET' })).status).toBe(401);
			expect((await call(tokensApi.POST, null, { method: 'POST', body: {} })).status).toBe(401);
		});

		it('answer bad input with 422 and other bodies with 415, never 500', async () => {
			const me = await signedIn();
			const invalid = await call(tokensApi.POST, me, {
				method: 'POST',
				body: { name: '', expiresInDays: '90' }
			});
			expect(invalid.status).toBe(422);
			expect((await invalid.json()).errors.map((e: { path: string }) => e.path)).toEqual([
				'name',
				'expiresInDays'
			]);
			const url = new URL('http://localhost/api/v1/me/tokens');
			const notJson = await tokensApi.POST({
				request: new Request(url, { method: 'POST', body: 'name=x' }),
				url,
				params: {},
				locals: { db: ctx.db, ...me }
			} as unknown as RequestEvent);
			expect(notJson.status).toBe(415);
		});
	});
});
