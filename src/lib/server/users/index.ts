import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { isUuid, type Database } from '$lib/server/db';
import { user } from '$lib/server/db/schema';
import { AppError, invalid, isUniqueViolation, notFound } from '$lib/server/errors';
import {
	checkPasswordPolicy,
	hashPassword,
	invalidateUserSessions,
	verifyPassword,
	type PasswordProblem
} from '$lib/server/auth';
import type { Role } from '$lib/permissions';

export interface UserSummary {
	id: string;
	email: string;
	name: string;
	roles: Role[];
	disabled: boolean;
	createdAt: Date;
	activeSessions: number;
}

const passwordMessages: Record<PasswordProblem, string> = {
	too_short: 'A password has at least 8 characters.',
	too_long: 'A password has at most 256 characters.',
	too_common: 'This password is one of the most common ones; choose another.'
};

function assertPasswordPolicy(password: string, path = 'password'): void {
	const problem = checkPasswordPolicy(password);
	if (problem) {
		throw invalid(path, problem, passwordMessages[problem]);
	}
}

function summary(row: typeof user.$inferSelect, activeSessions = 0): UserSummary {
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		roles: row.roles as Role[],
		disabled: row.disabledAt !== null,
		createdAt: row.createdAt,
		activeSessions
	};
}

/** Every user, by name, with the number of their live sessions. */
export async function list(db: Database): Promise<UserSummary[]> {
	const rows = await db
		.select({
			user,
			// Written out: drizzle would leave "id" unqualified inside the subquery.
			sessions: sql<number>`(select count(*) from "session" s where s.user_id = "user".id and s.expires_at > now())`
		})
		.from(user)
		.orderBy(asc(user.name), asc(user.email));
	return rows.map((row) => summary(row.user, Number(row.sessions)));
}

/** One user; AppError 404 when there is none with that id. */
export async function get(db: Database, id: string): Promise<UserSummary> {
	const [row] = isUuid(id) ? await db.select().from(user).where(eq(user.id, id)) : [];
	if (!row) {
		throw notFound('No such user.');
	}
	return summary(row);
}

/** Creates a user; AppError 422 for a weak password or an email already in use. */
export async function create(
	db: Database,
	input: { email: string; name: string; password: string; roles: Role[] }
): Promise<UserSummary> {
	assertPasswordPolicy(input.password);
	const passwordHash = await hashPassword(input.password);
	try {
		const [row] = await db
			.insert(user)
			.values({ email: input.email, name: input.name, passwordHash, roles: input.roles })
			.returning();
		return summary(row);
	} catch (err) {
		if (isUniqueViolation(err)) {
			throw invalid('email', 'email_taken', 'A user with this email address already exists.');
		}
		throw err;
	}
}

/**
 * Refuses a change that would leave nobody able to manage users. Call it inside the change's
 * transaction: the lock makes concurrent demotions take turns, so two admins demoting each
 * other cannot both succeed.
 */
async function assertAnotherActiveAdmin(db: Database, exceptId: string): Promise<void> {
	await db.execute(sql`select pg_advisory_xact_lock(7216)`);
	const [other] = await db
		.select({ id: user.id })
		.from(user)
		.where(and(ne(user.id, exceptId), isNull(user.disabledAt), sql`'admin' = any(${user.roles})`))
		.limit(1);
	if (!other) {
		const message = 'At least one active admin must remain.';
		throw new AppError(409, message, [{ path: '', code: 'last_admin', message }]);
	}
}

/** Replaces a user's roles. AppError 409 when it would remove the last active admin. */
export async function setRoles(db: Database, id: string, roles: Role[]): Promise<UserSummary> {
	const current = await get(db, id);
	return db.transaction(async (tx) => {
		if (current.roles.includes('admin') && !roles.includes('admin')) {
			await assertAnotherActiveAdmin(tx, id);
		}
		const [row] = await tx
			.update(user)
			.set({ roles, updatedAt: new Date() })
			.where(eq(user.id, id))
			.returning();
		return summary(row);
	});
}

/**
 * Disables (their sessions end at once) or re-enables a user. AppError 409 when it would
 * disable the last active admin.
 */
export async function setDisabled(db: Database, id: string, disabled: boolean): Promise<void> {
	const current = await get(db, id);
	await db.transaction(async (tx) => {
		if (disabled && current.roles.includes('admin')) {
			await assertAnotherActiveAdmin(tx, id);
		}
		await tx
			.update(user)
			.set({ disabledAt: disabled ? new Date() : null, updatedAt: new Date() })
			.where(eq(user.id, id));
		if (disabled) {
			await invalidateUserSessions(tx, id);
		}
	});
}

/** Sets a new password chosen by an admin; every session of that user ends. */
export async function resetPassword(db: Database, id: string, password: string): Promise<void> {
	await get(db, id);
	assertPasswordPolicy(password);
	const passwordHash = await hashPassword(password);
	await db.transaction(async (tx) => {
		await tx.update(user).set({ passwordHash, updatedAt: new Date() }).where(eq(user.id, id));
		await invalidateUserSessions(tx, id);
	});
}

/**
 * Changes one's own password after checking the current one; every other session ends,
 * `keepSessionId` (the one making the change) stays.
 */
export async function changePassword(
	db: Database,
	id: string,
	change: { current: string; next: string; keepSessionId: string }
): Promise<void> {
	const [row] = await db.select().from(user).where(eq(user.id, id));
	if (!row || !(await verifyPassword(row.passwordHash, change.current))) {
		throw invalid('current', 'wrong_password', 'The current password is not right.');
	}
	assertPasswordPolicy(change.next, 'next');
	const passwordHash = await hashPassword(change.next);
	await db.transaction(async (tx) => {
		await tx.update(user).set({ passwordHash, updatedAt: new Date() }).where(eq(user.id, id));
		await invalidateUserSessions(tx, id, change.keepSessionId);
	});
}

/**
 * Makes sure an active admin with this email and password exists (creating or resetting it),
 * for bootstrapping a production install from ADMIN_EMAIL and ADMIN_PASSWORD.
 */
export async function ensureAdmin(
	db: Database,
	input: { email: string; password: string; name?: string }
): Promise<void> {
	assertPasswordPolicy(input.password);
	const email = input.email.trim().toLowerCase();
	const passwordHash = await hashPassword(input.password);
	await db
		.insert(user)
		.values({ email, name: input.name ?? 'Administrator', passwordHash, roles: ['admin'] })
		.onConflictDoUpdate({
			target: user.email,
			set: {
				passwordHash,
				disabledAt: null,
				roles: sql`array(select distinct unnest(${user.roles} || array['admin']::text[]) order by 1)`,
				updatedAt: new Date()
			}
		});
}

/** AppError 422 unless `id` is an active user with the editor role (work is assigned to them). */
export async function assertAssignable(db: Database, id: string): Promise<void> {
	const [row] = isUuid(id) ? await db.select().from(user).where(eq(user.id, id)) : [];
	if (!row || row.disabledAt || !row.roles.includes('editor')) {
		throw invalid('assigneeId', 'not_an_editor', 'Work can be assigned to active editors only.');
	}
}

/** Active editors and reviewers, by name: who can be mentioned or assigned. */
export function colleagues(db: Database): Promise<{ id: string; name: string; roles: string[] }[]> {
	return db
		.select({ id: user.id, name: user.name, roles: user.roles })
		.from(user)
		.where(and(isNull(user.disabledAt), sql`${user.roles} && array['editor', 'reviewer']::text[]`))
		.orderBy(asc(user.name));
}
