import { mkdirSync } from 'node:fs';
import { defineConfig } from 'drizzle-kit';

// `npm run db:migrate` migrates DATABASE_URL when set, else the embedded database in DATA_DIR
// (the app also migrates at every start).
const url = process.env.DATABASE_URL;
const dataDir = `${process.env.DATA_DIR ?? './data'}/pgdata`;
if (!url) {
	mkdirSync(dataDir, { recursive: true });
}

export default defineConfig({
	schema: './src/lib/server/db/schema.ts',
	out: './db',
	dialect: 'postgresql',
	...(url ? { dbCredentials: { url } } : { driver: 'pglite', dbCredentials: { url: dataDir } })
});
