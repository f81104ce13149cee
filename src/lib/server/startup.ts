import { deleteExpiredSessions } from '$lib/server/auth';
import { deleteStale } from '$lib/server/auth/throttle';
import { connect, databaseOptions, migrate, type Connection, type Database } from '$lib/server/db';
import { seedDemo, type DemoLogin } from '$lib/server/demo';
import { CHANNEL, deliver } from '$lib/server/events';
import { logger } from '$lib/server/log';
import * as ratingScale from '$lib/server/rating-scale';
import * as search from '$lib/server/search';
import * as users from '$lib/server/users';

/**
 * Brings the database up at server start: connects (DATABASE_URL, else PGlite in DATA_DIR),
 * migrates, puts the default rating scale in place, creates or resets the admin from ADMIN_EMAIL + ADMIN_PASSWORD, and on a database
 * without users seeds the demo unless SEED_DEMO=false, printing its logins once.
 */
export async function start(env: Record<string, string | undefined>): Promise<Connection> {
	const connection = await connect(databaseOptions(env));
	await migrate(connection);
	await connection.listen(CHANNEL, deliver, () => deliver(null));
	await ratingScale.ensureDefaults(connection.db);
	logger.info({ database: connection.kind }, 'database ready');
	if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
		await users.ensureAdmin(connection.db, {
			email: env.ADMIN_EMAIL,
			password: env.ADMIN_PASSWORD
		});
		logger.info({ email: env.ADMIN_EMAIL }, 'admin account ready');
	}
	if (env.SEED_DEMO !== 'false') {
		const logins = await seedDemo(connection.db);
		if (logins) {
			printLogins(logins);
		}
	}
	// Rows written before search existed (or by a path that skipped it) become searchable.
	const indexed = await search.indexPending(connection.db);
	if (indexed > 0) {
		logger.info({ indexed }, 'search index brought up to date');
	}
	await tidy(connection.db);
	// Expired sessions and old sign-in counters are harmless but pile up; sweep them hourly.
	setInterval(() => void tidy(connection.db).catch(() => {}), 60 * 60 * 1000).unref();
	return connection;
}

async function tidy(db: Database): Promise<void> {
	await deleteExpiredSessions(db);
	await deleteStale(db);
}

function printLogins(logins: DemoLogin[]): void {
	const width = Math.max(...logins.map((login) => login.email.length));
	const lines = logins.map(
		(login) => `  ${login.email.padEnd(width)}  ${login.password}  ${login.roles.join(', ')}`
	);
	// Printed once, on the console rather than in the JSON log, for the person starting the demo.
	console.log(['', 'Factmark demo accounts (shown only now; keep them):', ...lines, ''].join('\n'));
}
