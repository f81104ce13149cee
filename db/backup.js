// `npm run backup -- <file>`: every table of Factmark's database — DATABASE_URL, else the
// embedded one in DATA_DIR — into <file>, NDJSON (gzipped when the name ends in .gz). With the
// embedded database, stop the server first. src/lib/server/backup has the format.
import { tsImport } from 'tsx/esm/api';

const file = process.argv[2];
if (!file) {
	console.error('Usage: npm run backup -- <file>   (e.g. factmark.ndjson.gz)');
	process.exit(2);
}
const { run } = await tsImport('../src/lib/server/backup/file.ts', import.meta.url);
try {
	console.log(await run('backup', file, process.env));
} catch (error) {
	console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
}
