import { createSession, hashPassword, type SessionKind } from '$lib/server/auth';
import type { Database } from '$lib/server/db';
import { user } from '$lib/server/db/schema';
import * as documents from '$lib/server/documents';
import type { Role } from '$lib/permissions';

/** Passes the password policy; every factory user has it unless told otherwise. */
export const GOOD_PASSWORD = 'correct horse battery staple 42';

let serial = 0;

/** An email address no other factory call has produced in this run. */
export function uniqueEmail(prefix = 'user'): string {
	serial += 1;
	return `${prefix}-${serial}@factmark.test`;
}

// Argon2 is deliberately slow: hash the usual password once per test file, not per user.
let goodHash: Promise<string> | undefined;

export interface TestUser {
	id: string;
	email: string;
	name: string;
	roles: Role[];
	password: string;
}

/**
 * Inserts a user straight into the table (skipping users.create and its policy check) with
 * GOOD_PASSWORD unless `password` is given. Use users.create where creation itself is tested.
 */
export async function createUser(
	db: Database,
	options: {
		roles?: Role[];
		email?: string;
		name?: string;
		password?: string;
		disabled?: boolean;
	} = {}
): Promise<TestUser> {
	const password = options.password ?? GOOD_PASSWORD;
	goodHash ??= hashPassword(GOOD_PASSWORD);
	const passwordHash = options.password ? await hashPassword(password) : await goodHash;
	const email = options.email ?? uniqueEmail(options.roles?.join('-') || 'nobody');
	const [row] = await db
		.insert(user)
		.values({
			email,
			name: options.name ?? `Test ${email.split('@')[0]}`,
			passwordHash,
			roles: options.roles ?? [],
			disabledAt: options.disabled ? new Date() : null
		})
		.returning();
	return { id: row.id, email: row.email, name: row.name, roles: row.roles as Role[], password };
}

/** Signs `userId` in: a session and its token, as at `now`. */
export async function signIn(
	db: Database,
	userId: string,
	now = new Date(),
	kind: SessionKind = 'cookie'
) {
	return createSession(db, userId, { kind, userAgent: 'vitest', ipAddress: '192.0.2.1' }, now);
}

/** A draft document by `createdBy`, through documents.create. */
export async function createDocument(
	db: Database,
	createdBy: string,
	overrides: Partial<documents.NewDocument> = {}
) {
	return documents.create(
		db,
		{
			title: 'A test article',
			text: 'First paragraph.\n\nSecond one.',
			language: 'en',
			...overrides
		},
		createdBy
	);
}
