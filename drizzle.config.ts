import { defineConfig } from 'drizzle-kit';

const url = process.env.DATABASE_URL;

export default defineConfig({
	schema: './src/lib/server/db/schema.ts',
	out: './db',
	dialect: 'postgresql',
	...(url
		? { dbCredentials: { url } }
		: { driver: 'pglite', dbCredentials: { url: `${process.env.DATA_DIR ?? './data'}/pgdata` } })
});
