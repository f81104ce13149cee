// What `npm run backup` and `npm run restore` do (db/backup.js, db/restore.js load it with
// tsx, hence the relative imports): the database named by the environment, to and from a file.
import {
	createReadStream,
	createWriteStream,
	openSync,
	readSync,
	closeSync,
	renameSync,
	rmSync
} from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { pipeline } from 'node:stream';
import { finished } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { connect, databaseOptions, migrate, type Database } from '../db';
import { backup, restore, type Summary } from './index';

/**
 * Backs `db` up into `file`, gzipped when its name ends in `.gz`. The file appears only once
 * complete (it is written beside, then renamed), so a failed backup never leaves one that
 * looks whole.
 */
export async function backupToFile(db: Database, file: string): Promise<Summary> {
	const partial = `${file}.partial`;
	const out = createWriteStream(partial);
	const gzip = file.endsWith('.gz') ? createGzip() : null;
	const sink = gzip ?? out;
	const failed = new Promise<never>((_resolve, reject) => {
		out.once('error', reject);
		gzip?.once('error', reject);
	});
	failed.catch(() => {});
	gzip?.pipe(out);
	try {
		const summary = await backup(db, async (line) => {
			if (!sink.write(`${line}\n`)) {
				await Promise.race([once(sink, 'drain'), failed]);
			}
		});
		sink.end();
		await Promise.race([finished(out), failed]);
		renameSync(partial, file);
		return summary;
	} catch (error) {
		out.destroy();
		rmSync(partial, { force: true });
		throw error;
	}
}

/** The file's lines, gunzipped when it is gzip (by its first bytes, whatever its name). */
async function* linesOf(file: string): AsyncGenerator<string> {
	const fd = openSync(file, 'r');
	const magic = Buffer.alloc(2);
	readSync(fd, magic, 0, 2, 0);
	closeSync(fd);
	const raw = createReadStream(file);
	const input =
		magic[0] === 0x1f && magic[1] === 0x8b ? pipeline(raw, createGunzip(), () => {}) : raw;
	const decoder = new StringDecoder('utf8');
	// A line may be tens of megabytes (an evidence file): gather its pieces, join them once.
	let pieces: string[] = [];
	for await (const chunk of input) {
		const text = decoder.write(chunk as Buffer);
		let start = 0;
		let end: number;
		while ((end = text.indexOf('\n', start)) !== -1) {
			pieces.push(text.slice(start, end));
			yield pieces.join('');
			pieces = [];
			start = end + 1;
		}
		pieces.push(text.slice(start));
	}
	pieces.push(decoder.end());
	const last = pieces.join('');
	if (last !== '') {
		yield last;
	}
}

/** Restores `file` (plain or gzipped) into `db`: see `restore` for what is refused. */
export function restoreFromFile(db: Database, file: string): Promise<Summary> {
	return restore(db, linesOf(file));
}

/**
 * `npm run backup -- <file>` and `npm run restore -- <file>` on the database of `env`
 * (DATABASE_URL, else PGlite in DATA_DIR, as the app opens it). A restore first migrates the
 * target, which may be a new, empty directory or database. Returns what to tell the person.
 */
export async function run(
	command: 'backup' | 'restore',
	file: string,
	env: Record<string, string | undefined>
): Promise<string> {
	const options = databaseOptions(env);
	const where = options.url ? 'the PostgreSQL server of DATABASE_URL' : options.dataDir;
	if (command === 'backup' && !options.url && !(await stat(options.dataDir).catch(() => null))) {
		throw new Error(`There is no database in ${options.dataDir}: set DATA_DIR or DATABASE_URL.`);
	}
	const started = performance.now();
	const connection = await connect(options);
	try {
		let summary: Summary;
		if (command === 'backup') {
			summary = await backupToFile(connection.db, file);
		} else {
			await migrate(connection);
			summary = await restoreFromFile(connection.db, file);
		}
		const tables = Object.keys(summary.tables).length;
		const size = (await stat(file)).size;
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		const what = `${tables} tables, ${summary.rows.toLocaleString('en')} rows`;
		return command === 'backup'
			? `Backed up ${what} from ${where} to ${file} (${megabytes(size)}) in ${seconds} s.`
			: `Restored ${what} from ${file} into ${where} in ${seconds} s.`;
	} finally {
		await connection.close();
	}
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
