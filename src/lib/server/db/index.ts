import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export { schema };

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Connection {
	db: Database;
	kind: 'pglite' | 'postgres';
	/** The server's URL; absent for PGlite. */
	url?: string;
	/**
	 * Hears the notifications on `channel`; `onListening` runs each time listening (re)starts,
	 * after which anything notified while the connection was down is lost.
	 */
	listen(
		channel: string,
		onNotify: (payload: string) => void,
		onListening?: () => void
	): Promise<void>;
	close(): Promise<void>;
}

const migrationsFolder = resolve('db');

/**
 * Where the app keeps its database, from the environment: DATABASE_URL, else PGlite in
 * `$DATA_DIR/pgdata` (`./data` by default).
 */
export function databaseOptions(env: Record<string, string | undefined>): {
	url?: string;
	dataDir: string;
} {
	return { url: env.DATABASE_URL, dataDir: resolve(env.DATA_DIR ?? 'data', 'pgdata') };
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it runs, as someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Claims PGlite's directory for this process (`<dataDir>.lock` holds its pid) and returns the
 * release. PGlite itself takes no lock, and two processes on one directory — a running server
 * and `npm run backup`, say — would read stale pages and overwrite each other's. Throws when a
 * live process holds the directory; a lock left by a process that died is taken over.
 */
function lockDataDir(dataDir: string): () => void {
	const lock = `${dataDir}.lock`;
	for (;;) {
		try {
			writeFileSync(lock, String(process.pid), { flag: 'wx' });
			return () => rmSync(lock, { force: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
				throw error;
			}
		}
		let holder: number;
		try {
			holder = Number(readFileSync(lock, 'utf8'));
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
				continue; // released meanwhile
			}
			throw error;
		}
		// Our own pid there was left by an earlier run with the same pid (a container's process 1).
		if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
			throw new Error(
				`The embedded database in ${dataDir} is in use by process ${holder} (a running Factmark?). Stop it first (two processes must not open one PGlite directory), or delete ${lock} if that process is not Factmark.`
			);
		}
		rmSync(lock, { force: true });
	}
}

/**
 * Opens the database: the PostgreSQL server at `url` when given, otherwise an embedded
 * PGlite stored in `dataDir` (or in memory when `dataDir` is `memory://`).
 */
export async function connect(options: { url?: string; dataDir?: string }): Promise<Connection> {
	if (options.url) {
		const { default: postgres } = await import('postgres');
		const { drizzle } = await import('drizzle-orm/postgres-js');
		const { backoff, keepListening } = await import('./listen');
		const client = postgres(options.url, { max: 10, onnotice: () => {}, backoff });
		const url = options.url;
		let stopListening = async () => {};
		return {
			db: drizzle(client, { schema }),
			kind: 'postgres',
			url,
			listen: async (channel, onNotify, onListening) => {
				stopListening = await keepListening(url, channel, onNotify, onListening);
			},
			close: async () => {
				await stopListening();
				await client.end({ timeout: 5 });
			}
		};
	}
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const dataDir = options.dataDir ?? 'memory://';
	let release = () => {};
	if (!dataDir.startsWith('memory://')) {
		mkdirSync(dataDir, { recursive: true });
		release = lockDataDir(dataDir);
	}
	const client = await PGlite.create(dataDir).catch((error: unknown) => {
		release();
		throw error;
	});
	return {
		db: drizzle(client, { schema }),
		kind: 'pglite',
		listen: async (channel, onNotify, onListening) => {
			await client.listen(channel, onNotify);
			onListening?.();
		},
		close: () => client.close().finally(release)
	};
}

/** Applies every migration in `db/` that has not run yet. Safe to call at every start. */
export async function migrate(connection: Connection): Promise<void> {
	if (connection.kind === 'pglite') {
		const { migrate } = await import('drizzle-orm/pglite/migrator');
		await migrate(connection.db as never, { migrationsFolder });
		return;
	}
	const { default: postgres } = await import('postgres');
	const { drizzle } = await import('drizzle-orm/postgres-js');
	const { migrate } = await import('drizzle-orm/postgres-js/migrator');
	// One connection, so that the advisory lock and the migration share it: several
	// instances may start together, and one migrates while the others wait.
	const client = postgres(connection.url ?? '', { max: 1, onnotice: () => {} });
	try {
		await client`select pg_advisory_lock(7215)`;
		await migrate(drizzle(client), { migrationsFolder });
	} finally {
		await client.end({ timeout: 5 });
	}
}

/** True for an id of the shape the database gives out; anything else cannot be a row. */
export function isUuid(value: string): boolean {
	return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** Runs a raw query and returns its rows, whichever driver is behind `db`. */
export async function rowsOf<T>(db: Database, query: SQL): Promise<T[]> {
	const result: unknown = await db.execute(query);
	// postgres.js returns the rows themselves, PGlite an object holding them.
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * `list` in chunks of `size`: a statement holds at most 65,535 parameters, so many rows are
 * written a chunk at a time.
 */
export function inChunks<T>(list: readonly T[], size = 1000): T[][] {
	return Array.from({ length: Math.ceil(list.length / size) }, (_, i) =>
		list.slice(i * size, (i + 1) * size)
	);
}

/** True when the database answers a trivial query. */
export async function isReachable(db: Database): Promise<boolean> {
	try {
		await db.execute(sql`select 1`);
		return true;
	} catch {
		return false;
	}
}
