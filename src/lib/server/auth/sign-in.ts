import { eq } from 'drizzle-orm';
import type { Database } from '$lib/server/db';
import { user } from '$lib/server/db/schema';
import { AppError } from '$lib/server/errors';
import type { Role } from '$lib/permissions';
import { hashPassword, verifyPassword } from './password';
import type { SessionUser } from './session';
import { consume, loginLimits, refund } from './throttle';

/** The one message for every wrong email and password combination. */
export const BAD_CREDENTIALS = 'Wrong email or password.';

let dummyHash: Promise<string> | undefined;

/**
 * Checks an email and password. Throws AppError 401 (one message for every bad combination,
 * disabled accounts included) or 429 when the account or the client address has failed too
 * often lately; an attempt that succeeds does not count against either.
 */
export async function verifyCredentials(
	db: Database,
	credentials: { email: string; password: string; ipAddress: string }
): Promise<SessionUser> {
	const email = credentials.email.trim().toLowerCase();
	const keys = [`login:account:${email}`, `login:address:${credentials.ipAddress}`];
	const [account, address] = await Promise.all([
		consume(db, keys[0], loginLimits.account),
		consume(db, keys[1], loginLimits.address)
	]);
	if (!account.allowed || !address.allowed) {
		const wait = Math.max(
			account.allowed ? 0 : account.retryAfterSeconds,
			address.allowed ? 0 : address.retryAfterSeconds
		);
		throw new AppError(
			429,
			`Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} min.`,
			[],
			{
				'retry-after': String(wait)
			}
		);
	}
	const [found] = await db.select().from(user).where(eq(user.email, email));
	// Hash even for an unknown email, so that timing does not tell which emails exist.
	dummyHash ??= hashPassword('not a real password, only for timing');
	const valid = await verifyPassword(
		found?.passwordHash ?? (await dummyHash),
		credentials.password
	);
	if (!found || !valid || found.disabledAt) {
		throw new AppError(401, BAD_CREDENTIALS);
	}
	await Promise.all(keys.map((key) => refund(db, key)));
	return { id: found.id, email: found.email, name: found.name, roles: found.roles as Role[] };
}
