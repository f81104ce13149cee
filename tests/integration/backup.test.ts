import { execFile, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonalToken, createSession, verifyCredentials } from '$lib/server/auth';
import * as throttle from '$lib/server/auth/throttle';
import { backup, restore, tablesInOrder } from '$lib/server/backup';
import * as claims from '$lib/server/claims';
import * as presence from '$lib/server/collab/presence';
import * as comments from '$lib/server/comments';
import { connect, migrate, rowsOf, type Database } from '$lib/server/db';
import { document, user } from '$lib/server/db/schema';
import { seedDemo, type DemoLogin } from '$lib/server/demo';
import * as evidence from '$lib/server/evidence';
import { newEvidence } from '$lib/server/evidence/input';
import { parse } from '$lib/server/http/problem';
import * as publishing from '$lib/server/publishing';
import * as search from '$lib/server/search';
import * as settings from '$lib/server/settings';
import { parseQuery } from '$lib/search';
import { backends, openDatabase, tableNames, useDatabase } from '../helpers/db';

// A PNG signature, then every byte value: what a bytea must give back exactly.
const fileBytes = Uint8Array.from([
	0x89,
	0x50,
	0x4e,
	0x47,
	0x0d,
	0x0a,
	0x1a,
	0x0a,
	...Array.from({ length: 256 }, (_, i) => i)
]);

/**
 * The demo (documents in every state, a published version, reviews, comments, notifications,
 * audit, search rows, other fact-checkers' ClaimReviews) and whatever it leaves empty: an
 * evidence file, sessions and a personal access token, a presence, a rate-limit counter,
 * settings with awkward characters.
 */
async function seedEverything(db: Database): Promise<{ logins: DemoLogin[]; evidenceId: string }> {
	const logins = (await seedDemo(db)) ?? [];
	const [lin] = await db.select().from(user).where(eq(user.email, 'lin@factmark.test'));
	const [draft] = await db.select().from(document).where(eq(document.status, 'draft'));
	const [claim] = await claims.list(db, draft.id);
	const item = await evidence.create(
		db,
		claim.id,
		parse(newEvidence, { kind: 'file', stance: 'supports', title: '圖表 📈' }),
		{ name: 'chart.png', bytes: fileBytes },
		lin.id
	);
	await comments.create(
		db,
		claim.id,
		{ body: 'Quotes " \\ back\\slash, a line\nbreak, \u2028, عربى, 🧪', parentId: null },
		lin.id
	);
	await createSession(db, lin.id, { kind: 'cookie', userAgent: 'Firefox', ipAddress: '192.0.2.7' });
	await db.execute(
		sql`update "session" set last_seen_at = '2026-01-02T03:04:05.123456Z' where user_agent = 'Firefox'`
	);
	await createPersonalToken(db, lin.id, { name: 'nightly import', expiresInDays: 30 });
	await presence.enter(db, 'socket-1', draft.id, lin.id);
	await throttle.hit(db, 'login:address:192.0.2.7', 60_000);
	await settings.writeAll(db, { organisationName: 'Fact「Mark」 ✓', requireTwoApprovals: true });
	await search.indexPending(db);
	return { logins, evidenceId: item.id };
}

/** Every row of `table` in its text form, sorted: equal lists mean equal tables. */
async function contents(db: Database, table: string): Promise<string[]> {
	return db.transaction(async (tx) => {
		// The text of a timestamp depends on the session; make it the same on both sides.
		await tx.execute(sql`set local time zone 'UTC'`);
		await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
		await tx.execute(sql`set local extra_float_digits = 1`);
		const rows = await rowsOf<{ row: string }>(
			tx,
			sql`select t::text as row from ${sql.identifier(table)} t`
		);
		return rows.map((row) => row.row).sort();
	});
}

async function publicTables(db: Database): Promise<string[]> {
	const rows = await rowsOf<{ name: string }>(
		db,
		sql`select table_name as name from information_schema.tables
			where table_schema = 'public' and table_type = 'BASE TABLE'`
	);
	return rows.map((row) => row.name).sort();
}

async function backupLines(db: Database): Promise<string[]> {
	const lines: string[] = [];
	await backup(db, (line) => void lines.push(line));
	return lines;
}

async function* iterate(lines: string[]): AsyncGenerator<string> {
	yield* lines;
}

/** The table sections of a backup: name and row count, in file order. */
function sections(lines: string[]): { table: string; rows: number }[] {
	return lines
		.map((line) => JSON.parse(line) as Record<string, unknown>)
		.filter((value) => typeof value.table === 'string' && Array.isArray(value.columns))
		.map((value) => ({ table: value.table as string, rows: value.rows as number }));
}

async function emptyTables(db: Database): Promise<string[]> {
	const empty: string[] = [];
	for (const table of tableNames) {
		if ((await contents(db, table)).length === 0) {
			empty.push(table);
		}
	}
	return empty;
}

describe.each(backends)('a backup of %s', (kind) => {
	const source = useDatabase(kind);
	let seeded: Awaited<ReturnType<typeof seedEverything>>;
	let lines: string[];

	beforeAll(async () => {
		seeded = await seedEverything(source.db);
		lines = await backupLines(source.db);
	});

	it('holds every table of the database and of schema.ts, parents before children', async () => {
		const tables = sections(lines).map((section) => section.table);
		expect([...tables].sort()).toEqual(await publicTables(source.db));
		expect([...tables].sort()).toEqual(tableNames);
		expect(tables).toEqual(await tablesInOrder(source.db));
		const references = await rowsOf<{ child: string; parent: string }>(
			source.db,
			sql`select c.relname as child, p.relname as parent from pg_constraint k
				join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
				where k.contype = 'f'`
		);
		expect(references.length).toBeGreaterThan(20);
		for (const { child, parent } of references) {
			expect(tables.indexOf(parent), `${parent} before ${child}`).toBeLessThan(
				tables.indexOf(child)
			);
		}
	});

	it('has rows of every table, so that each one’s round trip is tested', () => {
		// A new table fails here until seedEverything gives it rows.
		const empty = sections(lines).filter((section) => section.rows === 0);
		expect(empty.map((section) => section.table)).toEqual([]);
	});

	it('keeps ids, bytes, timestamps and JSON as they are', () => {
		const file = lines.find((line) => line.includes('"sha256": '));
		expect(file).toContain(`"\\\\x${Buffer.from(fileBytes).toString('hex')}"`);
		// Microseconds, not just the milliseconds of a JavaScript Date.
		expect(lines.find((line) => line.includes('"Firefox"'))).toContain(
			'"last_seen_at": "2026-01-02T03:04:05.123456+00:00"'
		);
		expect(JSON.parse(lines[0])).toMatchObject({
			format: 'factmark-backup',
			version: 1,
			migrations: {
				count: JSON.parse(readFileSync('db/meta/_journal.json', 'utf8')).entries.length
			}
		});
	});

	it.each(backends)('restores into an empty %s database, row for row', async (target) => {
		const restored = await openDatabase(target);
		const db = restored.connection.db;
		try {
			const summary = await restore(db, iterate(lines));
			expect(summary.rows).toBe(sections(lines).reduce((sum, s) => sum + s.rows, 0));
			for (const table of tableNames) {
				expect(await contents(db, table), table).toEqual(await contents(source.db, table));
			}
			// Backing the copy up gives the same file, but for when it was made.
			expect((await backupLines(db)).slice(1)).toEqual(lines.slice(1));

			// The copy works: the demo logins, the evidence file, the published version, search,
			// and the next audit entry numbered after the restored ones.
			const [admin] = seeded.logins;
			expect(await verifyCredentials(db, { ...admin, ipAddress: '192.0.2.9' })).toMatchObject({
				email: admin.email
			});
			const { bytes } = await evidence.file(db, seeded.evidenceId);
			expect(Buffer.from(bytes).equals(Buffer.from(fileBytes))).toBe(true);
			const [published] = await db.select().from(document).where(eq(document.status, 'published'));
			expect((await publishing.versions(db, published.id)).map((v) => v.version)).toEqual([1]);
			const query = parseQuery(published.title.slice(0, 4));
			expect(query).not.toBeNull();
			const found =
				query && (await search.search(db, query, { limit: 5, offset: 0, locale: 'en' }));
			expect(found?.items.map((item) => item.id)).toContain(published.id);
			const next = await rowsOf<{ id: number; max: number }>(
				db,
				sql`select nextval('audit_id_seq')::int as id, (select max(id)::int from audit) as max`
			);
			expect(next[0].id).toBe(next[0].max + 1);
		} finally {
			await restored.dispose();
		}
	});

	describe('refuses, restoring nothing', () => {
		let target: Awaited<ReturnType<typeof openDatabase>>;
		beforeAll(async () => {
			target = await openDatabase(kind);
		});
		afterAll(async () => {
			await target?.dispose();
		});

		it('a database that holds rows, and leaves them alone', async () => {
			const before = await contents(source.db, 'audit');
			await expect(restore(source.db, iterate(lines))).rejects.toThrow(
				/^The database is not empty \(rows in .*user.*\)\. Restore into a new, empty database\.$/
			);
			expect(await contents(source.db, 'audit')).toEqual(before);
		});

		it.each([
			['a file cut short', (l: string[]) => l.slice(0, -5), /ends early/],
			['a file without its end', (l: string[]) => l.slice(0, -1), /ends early/],
			[
				'a row its column refuses',
				(l: string[]) => l.map((line) => line.replace(/"email": "admin@/, '"email": "ADMIN@')),
				/^Table user, rows 1 to 4: .*"user_email_lowercase"$/
			],
			[
				'a row of a missing parent',
				(l: string[]) =>
					l.map((line) =>
						line.includes('"exact": ')
							? line.replace(/"document_id": "[^"]+"/, `"document_id": "${randomUUID()}"`)
							: line
					),
				/^Table claim, rows 1 to \d+: .*violates foreign key constraint/
			],
			[
				'a file with a row left out',
				(l: string[]) => l.filter((line) => !line.includes('"sha256": ')),
				/^Line \d+ should be row 1 of the 1 of evidence_file: the file is damaged\.$/
			],
			[
				'a line that is not a row',
				(l: string[]) => l.map((line, i) => (i === 2 ? line.slice(3) : line)),
				/^Line 3 should be row 1 of the \d+ of \w+: the file is damaged\.$/
			],
			[
				'a row cut short',
				(l: string[]) => l.map((line, i) => (i === 2 ? line.slice(0, -3) : line)),
				/^Table \w+, rows 1 to \d+: invalid input syntax for type json/
			],
			[
				'another migration level',
				(l: string[]) => [l[0].replace(/"count":\d+/, '"count":3'), ...l.slice(1)],
				/^This backup was made at 3 migrations \(last \w+\), the database is at \d+ migrations \(last \w+\)\. Restore it with the Factmark version that made it, then upgrade\.$/
			],
			[
				'a file that is not a backup',
				() => ['{"hello":"world"}'],
				/^This file is not a Factmark backup\.$/
			],
			[
				'another format version',
				(l: string[]) => [l[0].replace('"version":1', '"version":2'), ...l.slice(1)],
				/format version 2; this Factmark reads version 1/
			]
		])('%s', async (_case, damage, message) => {
			await expect(restore(target.connection.db, iterate(damage(lines)))).rejects.toThrow(message);
			expect(await emptyTables(target.connection.db)).toEqual(tableNames);
		});
	});
});

describe('npm run backup and npm run restore', () => {
	const run = promisify(execFile);
	const script = (name: string, file: string, env: Record<string, string>) =>
		run('node', [`db/${name}.js`, file], {
			env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env }
		});
	const dir = mkdtempSync(join(tmpdir(), 'factmark-backup-'));
	const source = { DATA_DIR: join(dir, 'source') };
	let server: { url: string; drop(): Promise<void> } | undefined;

	beforeAll(async () => {
		const connection = await connect({ dataDir: join(source.DATA_DIR, 'pgdata') });
		try {
			await migrate(connection);
			await seedEverything(connection.db);
			// The server holds its directory: a backup beside it must not open it.
			await expect(script('backup', join(dir, 'refused.ndjson'), source)).rejects.toMatchObject({
				code: 1,
				stderr: expect.stringMatching(
					/^Backup failed: The embedded database in .*source\/pgdata is in use by process \d+/
				)
			});
		} finally {
			await connection.close();
		}
		if (process.env.TEST_DATABASE_URL) {
			const name = `factmark_test_restore_${process.pid}`;
			const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
			await admin.unsafe(`drop database if exists "${name}"`);
			await admin.unsafe(`create database "${name}"`);
			await admin.end();
			const url = new URL(process.env.TEST_DATABASE_URL);
			url.pathname = `/${name}`;
			server = {
				url: url.href,
				drop: async () => {
					const dropper = postgres(process.env.TEST_DATABASE_URL ?? '', { max: 1 });
					await dropper.unsafe(`drop database if exists "${name}" with (force)`);
					await dropper.end();
				}
			};
		}
	});

	afterAll(async () => {
		await server?.drop();
		rmSync(dir, { recursive: true, force: true });
	});

	it('back up the embedded database and restore it into a new one, or onto a server', async () => {
		// A lock left by a server that died (SIGKILL, a crash) does not stand in the way.
		writeFileSync(join(source.DATA_DIR, 'pgdata.lock'), String(spawnSync('true').pid));
		const file = join(dir, 'factmark.ndjson.gz');
		const made = await script('backup', file, source);
		expect(made.stdout).toMatch(/^Backed up \d+ tables, [\d,]+ rows from .* to .*\.gz \(.* MB\)/);
		expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

		const target: Record<string, string> = server
			? { DATABASE_URL: server.url }
			: { DATA_DIR: join(dir, 'target') };
		const restored = await script('restore', file, target);
		expect(restored.stdout).toMatch(/^Restored \d+ tables, [\d,]+ rows from /);
		await expect(script('restore', file, target)).rejects.toMatchObject({
			code: 1,
			stderr: expect.stringContaining('Restore failed: The database is not empty')
		});

		// The restored database backs up to the same content.
		await script('backup', join(dir, 'again.ndjson'), target);
		const body = (text: string) => text.split('\n').slice(1);
		expect(body(readFileSync(join(dir, 'again.ndjson'), 'utf8'))).toEqual(
			body(gunzipSync(readFileSync(file)).toString('utf8'))
		);
	}, 180_000);

	it('say how to use them', async () => {
		await expect(run('node', ['db/backup.js'])).rejects.toMatchObject({
			code: 2,
			stderr: expect.stringContaining('Usage: npm run backup -- <file>')
		});
	});
});
