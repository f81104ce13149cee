// Imports are relative, not through $lib: `npm run backup` and `npm run restore` load this
// module with tsx (db/backup.js, db/restore.js), outside SvelteKit's aliases.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Database } from '../db';

/**
 * A backup is NDJSON, one JSON value a line, written and read by our own code so that it
 * serves the embedded PGlite and a PostgreSQL server alike (pg_dump cannot read PGlite), and
 * moves data from one to the other:
 *
 *     {"format":"factmark-backup","version":1,"createdAt":…,"migrations":{…}}
 *     {"table":"user","columns":["id",…],"rows":4}
 *     …4 rows, each `to_jsonb(row)`: bytea as "\\x…" hex, timestamps to the microsecond,
 *       arrays as arrays, jsonb as it is…
 *     {"table":"session",…}
 *     …
 *     {"end":true,"tables":23,"sequences":[{"name":"audit_id_seq","value":"41","called":true}]}
 *
 * Tables come parents first (by their foreign keys), so that they insert in file order, and
 * rows in primary-key order, so that backing up the same data gives the same file.
 */
export const FORMAT = 'factmark-backup';
export const FORMAT_VERSION = 1;

export interface MigrationLevel {
	/** How many migrations have run. */
	count: number;
	/** The last one's name in db/meta/_journal.json, and its timestamp there. */
	tag: string | null;
	createdAt: number | null;
}

export interface Header {
	format: typeof FORMAT;
	version: number;
	createdAt: string;
	migrations: MigrationLevel;
}

interface TableStart {
	table: string;
	columns: string[];
	rows: number;
}

export interface SequenceState {
	name: string;
	/** bigint, as text. */
	value: string;
	called: boolean;
}

interface End {
	end: true;
	tables: number;
	sequences: SequenceState[];
}

export interface Summary {
	/** Rows per table, in file order. */
	tables: Record<string, number>;
	rows: number;
}

/** The thing a backup or restore is refused for, said so that someone can act on it. */
export class BackupError extends Error {
	override name = 'BackupError';
}

/** The tables of the `public` schema, parents before the tables referring to them. */
export async function tablesInOrder(db: Database): Promise<string[]> {
	const tables = (
		await rowsOf<{ name: string }>(
			db,
			sql`select table_name as name from information_schema.tables
				where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`
		)
	).map((row) => row.name);
	const references = await rowsOf<{ child: string; parent: string }>(
		db,
		sql`select child.relname as child, parent.relname as parent
			from pg_constraint k
			join pg_class child on child.oid = k.conrelid
			join pg_class parent on parent.oid = k.confrelid
			join pg_namespace n on n.oid = k.connamespace
			where k.contype = 'f' and n.nspname = 'public'`
	);
	const parents = new Map(tables.map((table) => [table, new Set<string>()]));
	for (const { child, parent } of references) {
		if (child === parent) {
			// Its rows would have to be ordered parents first; no table needs that yet.
			throw new BackupError(
				`Table ${child} refers to itself; the backup cannot order its rows yet.`
			);
		}
		parents.get(child)?.add(parent);
	}
	const ordered: string[] = [];
	const placed = new Set<string>();
	while (ordered.length < tables.length) {
		const ready = tables.filter(
			(table) => !placed.has(table) && [...(parents.get(table) ?? [])].every((p) => placed.has(p))
		);
		if (ready.length === 0) {
			const left = tables.filter((table) => !placed.has(table));
			throw new BackupError(`Tables ${left.join(', ')} refer to each other in a cycle.`);
		}
		for (const table of ready) {
			ordered.push(table);
			placed.add(table);
		}
	}
	return ordered;
}

async function columnsOf(db: Database, table: string): Promise<string[]> {
	const rows = await rowsOf<{ name: string }>(
		db,
		sql`select column_name as name from information_schema.columns
			where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'
			order by ordinal_position`
	);
	return rows.map((row) => row.name);
}

/** The primary key's columns, in order, and whether each sorts by a collation. */
async function primaryKeyOf(
	db: Database,
	table: string
): Promise<{ name: string; collatable: boolean }[]> {
	return rowsOf<{ name: string; collatable: boolean }>(
		db,
		sql`select a.attname as name, a.attcollation <> 0 as collatable
			from pg_constraint k
			join pg_class c on c.oid = k.conrelid
			join pg_namespace n on n.oid = c.relnamespace
			join pg_attribute a on a.attrelid = c.oid and a.attnum = any(k.conkey)
			where k.contype = 'p' and n.nspname = 'public' and c.relname = ${table}
			order by array_position(k.conkey, a.attnum)`
	);
}

async function sequences(db: Database): Promise<SequenceState[]> {
	const names = await rowsOf<{ name: string }>(
		db,
		sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where c.relkind = 'S' and n.nspname = 'public' order by 1`
	);
	const states: SequenceState[] = [];
	for (const { name } of names) {
		const [state] = await rowsOf<{ value: string; called: boolean }>(
			db,
			sql`select last_value::text as value, is_called as called from ${sql.identifier(name)}`
		);
		states.push({ name, ...state });
	}
	return states;
}

const journal = (): { entries: { tag: string; when: number }[] } =>
	JSON.parse(readFileSync(resolve('db/meta/_journal.json'), 'utf8'));

/** How far the database is migrated (drizzle's own record of it). */
export async function migrationLevel(db: Database): Promise<MigrationLevel> {
	const [{ migrated }] = await rowsOf<{ migrated: boolean }>(
		db,
		sql`select to_regclass('drizzle.__drizzle_migrations') is not null as migrated`
	);
	if (!migrated) {
		return { count: 0, tag: null, createdAt: null };
	}
	const [row] = await rowsOf<{ count: number; createdAt: string | null }>(
		db,
		sql`select count(*)::int as count, max(created_at)::text as "createdAt"
			from drizzle.__drizzle_migrations`
	);
	const createdAt = row.createdAt === null ? null : Number(row.createdAt);
	const tag = journal().entries.find((entry) => entry.when === createdAt)?.tag ?? null;
	return { count: row.count, tag, createdAt };
}

// How many rows to read at a time: few where a row may hold a 10 MB evidence file.
const fetchSize = (hasBytes: boolean) => (hasBytes ? 4 : 500);

/**
 * Writes every row of every table of `db` to `write`, one NDJSON line each (see FORMAT), from
 * one consistent snapshot (a repeatable-read, read-only transaction). `write` may return a
 * promise, awaited before the next line, to apply back-pressure.
 */
export async function backup(
	db: Database,
	write: (line: string) => void | Promise<void>,
	now = new Date()
): Promise<Summary> {
	return db.transaction(
		async (tx) => {
			// The same file whatever the server's settings: instants in UTC, every float's
			// shortest exact digits, bytes in hex.
			await tx.execute(sql`set local time zone 'UTC'`);
			await tx.execute(sql`set local extra_float_digits = 1`);
			await tx.execute(sql`set local bytea_output = 'hex'`);
			const migrations = await migrationLevel(tx);
			if (migrations.count === 0) {
				throw new BackupError('This database has no Factmark tables: nothing to back up.');
			}
			const header: Header = {
				format: FORMAT,
				version: FORMAT_VERSION,
				createdAt: now.toISOString(),
				migrations
			};
			await write(JSON.stringify(header));
			const summary: Summary = { tables: {}, rows: 0 };
			const tables = await tablesInOrder(tx);
			for (const table of tables) {
				const name = sql.identifier(table);
				const columns = await columnsOf(tx, table);
				const [{ rows }] = await rowsOf<{ rows: number }>(
					tx,
					sql`select count(*)::int as rows from ${name}`
				);
				await write(JSON.stringify({ table, columns, rows } satisfies TableStart));
				const key = await primaryKeyOf(tx, table);
				// Text sorts by bytes ("C"), not by the server's locale: the same order everywhere.
				const order = key.length
					? sql.join(
							key.map(({ name: column, collatable }) =>
								collatable
									? sql`t.${sql.identifier(column)} collate "C"`
									: sql`t.${sql.identifier(column)}`
							),
							sql`, `
						)
					: sql`t::text collate "C"`;
				const [{ bytes }] = await rowsOf<{ bytes: boolean }>(
					tx,
					sql`select exists (select 1 from information_schema.columns
						where table_schema = 'public' and table_name = ${table} and data_type = 'bytea') as bytes`
				);
				await tx.execute(
					sql`declare backup_rows no scroll cursor for
						select to_jsonb(t)::text as line from ${name} t order by ${order}`
				);
				let written = 0;
				for (;;) {
					const batch = await rowsOf<{ line: string }>(
						tx,
						sql.raw(`fetch ${fetchSize(bytes)} from backup_rows`)
					);
					for (const { line } of batch) {
						await write(line);
					}
					written += batch.length;
					if (batch.length < fetchSize(bytes)) {
						break;
					}
				}
				await tx.execute(sql`close backup_rows`);
				summary.tables[table] = written;
				summary.rows += written;
			}
			const end: End = { end: true, tables: tables.length, sequences: await sequences(tx) };
			await write(JSON.stringify(end));
			return summary;
		},
		{ isolationLevel: 'repeatable read', accessMode: 'read only' }
	);
}

/** Reads one line as JSON, saying where when it is not. */
function parseLine(line: string, number: number): unknown {
	try {
		return JSON.parse(line);
	} catch {
		throw new BackupError(`Line ${number} of the backup is not JSON: the file is damaged.`);
	}
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function sameLevel(a: MigrationLevel, b: MigrationLevel): boolean {
	return a.count === b.count && a.createdAt === b.createdAt;
}

const describeLevel = (level: MigrationLevel) =>
	`${level.count} migrations${level.tag ? ` (last ${level.tag})` : ''}`;

// Rows go to the database in batches of at most this many rows or characters.
const batchRows = 500;
const batchChars = 8_000_000;

/**
 * Restores a backup (its lines, in order) into `db`, which must be migrated to the backup's
 * level and hold no rows at all. Everything happens in one transaction that first locks every
 * table: either the whole backup is in, ids, timestamps, files and sequences as they were, or
 * nothing is. Throws BackupError when the file is not a backup, is damaged or incomplete, was
 * made at another migration level, or the database is not empty.
 */
export async function restore(db: Database, lines: AsyncIterable<string>): Promise<Summary> {
	const reader = lines[Symbol.asyncIterator]();
	let lineNumber = 0;
	const next = async (): Promise<string | null> => {
		for (;;) {
			const { value, done } = await reader.next();
			if (done) {
				return null;
			}
			lineNumber += 1;
			if (value.trim() !== '') {
				return value;
			}
		}
	};
	const nextValue = async (): Promise<unknown> => {
		const line = await next();
		return line === null ? null : parseLine(line, lineNumber);
	};

	const header = await nextValue();
	if (!isObject(header) || header.format !== FORMAT) {
		throw new BackupError('This file is not a Factmark backup.');
	}
	if (header.version !== FORMAT_VERSION) {
		throw new BackupError(
			`This backup is in format version ${String(header.version)}; this Factmark reads version ${FORMAT_VERSION}.`
		);
	}
	if (!isObject(header.migrations) || typeof header.migrations.count !== 'number') {
		throw new BackupError('This backup does not say how far its database was migrated.');
	}
	const theirs = header.migrations as unknown as MigrationLevel;
	const ours = await migrationLevel(db);
	if (!sameLevel(theirs, ours)) {
		throw new BackupError(
			`This backup was made at ${describeLevel(theirs)}, the database is at ${describeLevel(ours)}. ` +
				'Restore it with the Factmark version that made it, then upgrade.'
		);
	}

	return db.transaction(async (tx) => {
		const tables = await tablesInOrder(tx);
		const all = sql.join(
			tables.map((table) => sql.identifier(table)),
			sql`, `
		);
		// Nobody writes while we check and fill: no half-restore mixed with other writes.
		await tx.execute(sql`lock table ${all} in access exclusive mode`);
		const filled: string[] = [];
		for (const table of tables) {
			const [{ any }] = await rowsOf<{ any: boolean }>(
				tx,
				sql`select exists (select 1 from ${sql.identifier(table)}) as any`
			);
			if (any) {
				filled.push(table);
			}
		}
		if (filled.length) {
			throw new BackupError(
				`The database is not empty (rows in ${filled.join(', ')}). Restore into a new, empty database.`
			);
		}

		const summary: Summary = { tables: {}, rows: 0 };
		for (;;) {
			const start = await nextValue();
			if (start === null) {
				throw new BackupError('The backup ends early: the file is incomplete.');
			}
			if (!isObject(start)) {
				throw new BackupError(`Line ${lineNumber} of the backup is not what it should be.`);
			}
			if (start.end === true) {
				const end = start as unknown as End;
				const missing = tables.filter((table) => !(table in summary.tables));
				if (missing.length) {
					throw new BackupError(
						`The backup lacks tables this database has: ${missing.join(', ')}.`
					);
				}
				if (end.tables !== tables.length || !Array.isArray(end.sequences)) {
					throw new BackupError(
						`The end of the backup does not match its tables: the file is damaged.`
					);
				}
				for (const sequence of end.sequences) {
					await tx.execute(
						sql`select setval(${`public.${quoteIdent(sequence.name)}`}::regclass, ${sequence.value}::bigint, ${sequence.called})`
					);
				}
				if ((await next()) !== null) {
					throw new BackupError(`The backup goes on after its end, at line ${lineNumber}.`);
				}
				return summary;
			}
			const { table, columns, rows } = start as unknown as TableStart;
			if (typeof table !== 'string' || !tables.includes(table) || table in summary.tables) {
				throw new BackupError(
					`Line ${lineNumber}: the backup has a table ${JSON.stringify(table)} this database has not.`
				);
			}
			if (!Number.isInteger(rows) || rows < 0) {
				throw new BackupError(`Line ${lineNumber}: table ${table} has no row count.`);
			}
			const ourColumns = await columnsOf(tx, table);
			if (!Array.isArray(columns) || [...columns].sort().join() !== [...ourColumns].sort().join()) {
				throw new BackupError(
					`Table ${table} has the columns ${ourColumns.join(', ')} here, the backup ${String(columns)}.`
				);
			}
			let inserted = 0;
			const insert = async (batch: string[]) => {
				try {
					await tx.execute(insertRows(table, ourColumns, `[${batch.join(',')}]`));
				} catch (error) {
					// Not the query: it carries the rows, password hashes and all.
					const reason =
						error instanceof Error && error.cause instanceof Error ? error.cause : error;
					throw new BackupError(
						`Table ${table}, rows ${inserted + 1} to ${inserted + batch.length}: ${reason instanceof Error ? reason.message : String(reason)}`
					);
				}
				inserted += batch.length;
			};
			let batch: string[] = [];
			let chars = 0;
			for (let i = 0; i < rows; i++) {
				const line = await next();
				if (line === null) {
					throw new BackupError('The backup ends early: the file is incomplete.');
				}
				// Rows are PostgreSQL's JSON text (`{"id": …`, a space after the colon); our own
				// lines have none, so a table or end line here means rows are missing.
				if (!line.startsWith('{') || /^\{"(table|end)":[^ ]/.test(line)) {
					throw new BackupError(
						`Line ${lineNumber} should be row ${i + 1} of the ${rows} of ${table}: the file is damaged.`
					);
				}
				if (batch.length >= batchRows || (batch.length > 0 && chars + line.length > batchChars)) {
					await insert(batch);
					batch = [];
					chars = 0;
				}
				batch.push(line);
				chars += line.length;
			}
			if (batch.length) {
				await insert(batch);
			}
			summary.tables[table] = rows;
			summary.rows += rows;
		}
	});
}

function quoteIdent(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/** Inserts rows given as a JSON array of objects, each value through its column's type. */
function insertRows(table: string, columns: string[], json: string): SQL {
	const name = sql.identifier(table);
	const list = sql.join(
		columns.map((column) => sql.identifier(column)),
		sql`, `
	);
	// `overriding system value` keeps the ids of identity columns, should a table have one.
	return sql`insert into ${name} (${list}) overriding system value
		select ${list} from jsonb_populate_recordset(null::${name}, ${json}::jsonb)`;
}
