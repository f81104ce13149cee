import { randomBytes } from 'node:crypto';
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { connect, migrate, rowsOf, schema, type Connection, type Database } from '$lib/server/db';
import * as ratingScale from '$lib/server/rating-scale';

export type Backend = 'pglite' | 'postgres';

/** PGlite always; the PostgreSQL server too when TEST_DATABASE_URL names one. */
export function testBackends(): Backend[] {
	return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export const backends = testBackends();

export interface TestDatabase {
	connection: Connection;
	/** Closes the connection and, on a server, drops the database. */
	dispose(): Promise<void>;
}

function adminClient(url: string) {
	return postgres(url, { max: 1, onnotice: () => {} });
}

/**
 * An empty database of `kind`: in-memory PGlite, or a freshly created, uniquely named
 * database on the TEST_DATABASE_URL server. Migrated unless `options.migrate` is false.
 */
export async function openDatabase(
	kind: Backend,
	options: { migrate?: boolean } = {}
): Promise<TestDatabase> {
	let connection: Connection;
	let drop = async () => {};
	if (kind === 'pglite') {
		connection = await connect({ dataDir: 'memory://' });
	} else {
		const serverUrl = process.env.TEST_DATABASE_URL;
		if (!serverUrl) {
			throw new Error('The postgres backend needs TEST_DATABASE_URL.');
		}
		const name = `factmark_test_${randomBytes(6).toString('hex')}`;
		const admin = adminClient(serverUrl);
		try {
			await admin.unsafe(`create database "${name}"`);
		} finally {
			await admin.end({ timeout: 5 });
		}
		const url = new URL(serverUrl);
		url.pathname = `/${name}`;
		connection = await connect({ url: url.href });
		drop = async () => {
			const dropper = adminClient(serverUrl);
			try {
				await dropper.unsafe(`drop database if exists "${name}" with (force)`);
			} finally {
				await dropper.end({ timeout: 5 });
			}
		};
	}
	if (options.migrate !== false) {
		await migrate(connection);
	}
	return {
		connection,
		dispose: async () => {
			try {
				await connection.close();
			} finally {
				await drop();
			}
		}
	};
}

/**
 * Registers beforeAll/afterAll that open a migrated database of `kind` for the enclosing
 * describe block (one per test file and backend: PGlite takes seconds to start).
 */
export function useDatabase(kind: Backend, options: { migrate?: boolean } = {}) {
	let opened: TestDatabase | undefined;
	beforeAll(async () => {
		opened = await openDatabase(kind, options);
	});
	afterAll(async () => {
		await opened?.dispose();
	});
	const current = () => {
		if (!opened) {
			throw new Error('The database is not open yet: use it inside a test or hook.');
		}
		return opened.connection;
	};
	return {
		get connection(): Connection {
			return current();
		},
		get db(): Database {
			return current().db;
		}
	};
}

/** The names of the tables schema.ts defines, sorted: what the migrations must create. */
export const tableNames: string[] = (Object.values(schema) as unknown[])
	.filter((value): value is PgTable => is(value, PgTable))
	.map((table) => getTableName(table))
	.sort();

/**
 * Empties every table and puts the default rating scale back, as on a new installation: a
 * clean slate between tests (much cheaper than a new database).
 */
export async function resetData(db: Database): Promise<void> {
	const tables = sql.join(
		tableNames.map((name) => sql.identifier(name)),
		sql`, `
	);
	await db.execute(sql`truncate ${tables} cascade`);
	await ratingScale.ensureDefaults(db);
}

/** The number of rows in `table`. */
export async function countRows(db: Database, table: string): Promise<number> {
	const rows = await rowsOf<{ count: number }>(
		db,
		sql`select count(*)::int as count from ${sql.identifier(table)}`
	);
	return rows[0].count;
}

export { rowsOf };
