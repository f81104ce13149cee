// `npm run restore -- <file>`: a backup made by `npm run backup` into an empty database —
// DATABASE_URL, else the embedded one in DATA_DIR (a new directory is fine) — in one
// transaction: all of it or nothing. It refuses a database holding any row.
import { tsImport } from 'tsx/esm/api';

const file = process.argv[2];
if (!file) {
	console.error('Usage: npm run restore -- <file>');
	process.exit(2);
}
const { run } = await tsImport('../src/lib/server/backup/file.ts', import.meta.url);
try {
	console.log(await run('restore', file, process.env));
} catch (error) {
	console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
}
