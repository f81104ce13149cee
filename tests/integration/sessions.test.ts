import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import {
	ABSOLUTE_TIMEOUT_MS,
	deleteExpiredSessions,
	generateToken,
	IDLE_TIMEOUT_MS,
	invalidateOwnSession,
	invalidateSession,
	invalidateUserSessions,
	listSessions,
	liveSessions,
	sessionIdOf,
	validateToken
} from '$lib/server/auth';
import { session, user } from '$lib/server/db/schema';
import { backends, resetData, useDatabase } from '../helpers/db';
import { createUser, signIn, type TestUser } from '../helpers/factories';

const t0 = new Date('2026-03-01T12:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

describe.each(backends)('sessions on %s', (kind) => {
	const ctx = useDatabase(kind);
	let alice: TestUser;

	beforeEach(async () => {
		await resetData(ctx.db);
		alice = await createUser(ctx.db, { roles: ['editor', 'reviewer'], name: 'Alice' });
	});

	const rowOf = async (id: string) =>
		(await ctx.db.select().from(session).where(eq(session.id, id)))[0];

	it('tell which open sessions may still read: not expired, not disabled, roles kept', async () => {
		const bob = await createUser(ctx.db, { roles: ['editor'], name: 'Bob' });
		const cara = await createUser(ctx.db, { roles: ['reviewer'], name: 'Cara' });
		const fresh = await signIn(ctx.db, alice.id);
		const expired = await signIn(ctx.db, alice.id, new Date(Date.now() - ABSOLUTE_TIMEOUT_MS));
		const disabled = await signIn(ctx.db, bob.id);
		const demoted = await signIn(ctx.db, cara.id);
		await ctx.db.update(user).set({ disabledAt: new Date() }).where(eq(user.id, bob.id));
		await ctx.db.update(user).set({ roles: [] }).where(eq(user.id, cara.id));

		const ids = [fresh, expired, disabled, demoted].map((s) => s.session.id);
		expect(await liveSessions(ctx.db, [...ids, 'gone'], 'document.read')).toEqual(
			new Set([fresh.session.id])
		);
		expect(await liveSessions(ctx.db, [], 'document.read')).toEqual(new Set());
	});

	it('validate a new token to its user, storing only the token’s hash', async () => {
		const { token, session: created } = await signIn(ctx.db, alice.id, t0);
		expect(created.id).toBe(sessionIdOf(token));
		expect(created.expiresAt).toEqual(at(IDLE_TIMEOUT_MS));
		expect(await rowOf(token)).toBeUndefined();

		const found = await validateToken(ctx.db, token, at(10_000));
		expect(found?.user).toEqual({
			id: alice.id,
			email: alice.email,
			name: 'Alice',
			roles: ['editor', 'reviewer']
		});
		expect(found?.session).toMatchObject({ id: created.id, kind: 'cookie', userAgent: 'vitest' });
	});

	it('know nothing of an unknown token', async () => {
		await signIn(ctx.db, alice.id, t0);
		expect(await validateToken(ctx.db, generateToken(), t0)).toBeNull();
	});

	it('end after the idle timeout, deleting the row', async () => {
		const { token, session: created } = await signIn(ctx.db, alice.id, t0);
		expect(await validateToken(ctx.db, token, at(IDLE_TIMEOUT_MS))).toBeNull();
		expect(await rowOf(created.id)).toBeUndefined();
		expect(await validateToken(ctx.db, token, t0)).toBeNull();
	});

	it('slide the idle expiry when used, never past the absolute maximum', async () => {
		const { token, session: created } = await signIn(ctx.db, alice.id, t0);

		const renewed = await validateToken(ctx.db, token, at(2 * MINUTE));
		expect(renewed?.session.lastSeenAt).toEqual(at(2 * MINUTE));
		expect(renewed?.session.expiresAt).toEqual(at(2 * MINUTE + IDLE_TIMEOUT_MS));
		expect((await rowOf(created.id)).expiresAt).toEqual(at(2 * MINUTE + IDLE_TIMEOUT_MS));

		// Within a minute of the last write, nothing is written.
		const soon = await validateToken(ctx.db, token, at(2 * MINUTE + 30_000));
		expect(soon?.session.lastSeenAt).toEqual(at(2 * MINUTE));

		// Used every six days, it lives until the absolute maximum and no longer.
		for (const day of [6, 12, 18, 24, 29]) {
			const used = await validateToken(ctx.db, token, at(day * DAY));
			const expected = Math.min(day * DAY + IDLE_TIMEOUT_MS, ABSOLUTE_TIMEOUT_MS);
			expect(used?.session.expiresAt, `day ${day}`).toEqual(at(expected));
		}
		expect(await validateToken(ctx.db, token, at(ABSOLUTE_TIMEOUT_MS - 1))).not.toBeNull();
		expect(await validateToken(ctx.db, token, at(ABSOLUTE_TIMEOUT_MS))).toBeNull();
	});

	it('end one session with invalidateSession', async () => {
		const one = await signIn(ctx.db, alice.id, t0);
		const other = await signIn(ctx.db, alice.id, t0);
		await invalidateSession(ctx.db, one.session.id);
		expect(await validateToken(ctx.db, one.token, t0)).toBeNull();
		expect(await validateToken(ctx.db, other.token, t0)).not.toBeNull();
	});

	it('end all of a user’s sessions but the one kept, and nobody else’s', async () => {
		const bob = await createUser(ctx.db, { roles: ['editor'] });
		const [a1, a2, a3] = [
			await signIn(ctx.db, alice.id, t0),
			await signIn(ctx.db, alice.id, t0),
			await signIn(ctx.db, alice.id, t0)
		];
		const b1 = await signIn(ctx.db, bob.id, t0);

		await invalidateUserSessions(ctx.db, alice.id, a2.session.id);
		expect(await validateToken(ctx.db, a1.token, t0)).toBeNull();
		expect(await validateToken(ctx.db, a2.token, t0)).not.toBeNull();
		expect(await validateToken(ctx.db, a3.token, t0)).toBeNull();

		await invalidateUserSessions(ctx.db, alice.id);
		expect(await validateToken(ctx.db, a2.token, t0)).toBeNull();
		expect(await validateToken(ctx.db, b1.token, t0)).not.toBeNull();
	});

	it('let a user end their own session but not someone else’s', async () => {
		const bob = await createUser(ctx.db, { roles: ['editor'] });
		const mine = await signIn(ctx.db, alice.id, t0);
		const theirs = await signIn(ctx.db, bob.id, t0);
		expect(await invalidateOwnSession(ctx.db, alice.id, theirs.session.id)).toBe(false);
		expect(await validateToken(ctx.db, theirs.token, t0)).not.toBeNull();
		expect(await invalidateOwnSession(ctx.db, alice.id, mine.session.id)).toBe(true);
		expect(await validateToken(ctx.db, mine.token, t0)).toBeNull();
	});

	it('list the live sessions, most recently used first, and sweep expired ones', async () => {
		const old = await signIn(ctx.db, alice.id, at(-10 * DAY));
		const earlier = await signIn(ctx.db, alice.id, at(-2 * DAY));
		const later = await signIn(ctx.db, alice.id, at(-1 * DAY));
		const live = await listSessions(ctx.db, alice.id, t0);
		expect(live.map((s) => s.id)).toEqual([later.session.id, earlier.session.id]);

		await deleteExpiredSessions(ctx.db, t0);
		expect(await rowOf(old.session.id)).toBeUndefined();
		expect(await rowOf(earlier.session.id)).toBeDefined();
	});
});
