import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { migrate, type Database } from '$lib/server/db';
import { backends, openDatabase, rowsOf, tableNames, useDatabase } from '../helpers/db';

const journal: { entries: unknown[] } = JSON.parse(readFileSync('db/meta/_journal.json', 'utf8'));

async function tablesIn(db: Database): Promise<string[]> {
	const rows = await rowsOf<{ table_name: string }>(
		db,
		sql`select table_name from information_schema.tables where table_schema = 'public'`
	);
	return rows.map((row) => row.table_name).sort();
}

async function appliedMigrations(db: Database): Promise<number> {
	const rows = await rowsOf<{ count: number }>(
		db,
		sql`select count(*)::int as count from drizzle.__drizzle_migrations`
	);
	return rows[0].count;
}

it('the schema defines at least the foundation tables', () => {
	expect(tableNames).toEqual(expect.arrayContaining(['document', 'rate_limit', 'session', 'user']));
});

describe.each(backends)('migrations on %s', (kind) => {
	const ctx = useDatabase(kind, { migrate: false });

	it('create every table on an empty database, and running them again changes nothing', async () => {
		expect(await tablesIn(ctx.db)).toEqual([]);

		await migrate(ctx.connection);
		expect(await tablesIn(ctx.db)).toEqual(tableNames);
		expect(await appliedMigrations(ctx.db)).toBe(journal.entries.length);

		await ctx.db.execute(
			sql`insert into "user" (email, name, password_hash) values ('keep@factmark.test', 'Keep', 'x')`
		);
		await migrate(ctx.connection);
		expect(await tablesIn(ctx.db)).toEqual(tableNames);
		expect(await appliedMigrations(ctx.db)).toBe(journal.entries.length);
		const users = await rowsOf<{ email: string }>(ctx.db, sql`select email from "user"`);
		expect(users).toEqual([{ email: 'keep@factmark.test' }]);
	});

	it('refuses an email that is not lowercase, and one already in use', async () => {
		await migrate(ctx.connection);
		const insert = (email: string) =>
			ctx.db.execute(
				sql`insert into "user" (email, name, password_hash) values (${email}, 'X', 'x')`
			);
		await expect(insert('Upper@factmark.test')).rejects.toThrow();
		await insert('twice@factmark.test');
		await expect(insert('twice@factmark.test')).rejects.toThrow();
	});

	it('deletes the sessions of a deleted user', async () => {
		await migrate(ctx.connection);
		await ctx.db.execute(sql`
			with u as (
				insert into "user" (email, name, password_hash) values ('gone@factmark.test', 'G', 'x')
				returning id
			)
			insert into "session" (id, user_id, kind, expires_at) select 'sid', id, 'cookie', now() from u`);
		await ctx.db.execute(sql`delete from "user" where email = 'gone@factmark.test'`);
		const left = await rowsOf(ctx.db, sql`select id from "session" where id = 'sid'`);
		expect(left).toEqual([]);
	});

	it.runIf(kind === 'postgres')(
		'let several instances migrate the same database at once',
		async () => {
			const fresh = await openDatabase(kind, { migrate: false });
			try {
				await Promise.all([1, 2, 3].map(() => migrate(fresh.connection)));
				expect(await tablesIn(fresh.connection.db)).toEqual(tableNames);
				expect(await appliedMigrations(fresh.connection.db)).toBe(journal.entries.length);
			} finally {
				await fresh.dispose();
			}
		}
	);
});
