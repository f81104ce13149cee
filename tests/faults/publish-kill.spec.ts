import { PGlite } from '@electric-sql/pglite';
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import postgres from 'postgres';
import { approve, auditLog, completeDraft, team } from '../harness/api.js';
import { App, sleep } from '../harness/app.js';
import { PrivateCluster, freshDatabase, privateClusterUnavailable } from '../harness/postgres.js';

// The app killed with SIGKILL in the middle of a publish leaves either no new version or a
// complete one, never part of one: on a PostgreSQL server and on the embedded PGlite (`npm
// start`), whose data directory must also survive the kill. Each attempt fires a publish of a
// document with many claims, kills the process at some moment, starts it again on the same
// data and checks what it finds.

type Query = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

interface Fixture {
	app: App;
	people: Awaited<ReturnType<typeof team>>;
	doc: { id: string; slug: string; claims: string[] };
	/** How many versions there are. */
	versions: number;
	/** What each attempt found, for the report. */
	log: string[];
}

/**
 * Fires the next publish, waits for `moment` and kills the app, then starts it again and
 * checks, through the API and the public pages, that there is no new version or a complete
 * one, and the document's state agrees. Approves the document again after a new version.
 */
async function attempt(
	f: Fixture,
	label: string,
	moment: (answer: Promise<number | 'cut off'>) => Promise<unknown>
) {
	const note = f.versions ? `Correction ${f.versions + 1}` : undefined;
	const publishing = f.people.reviewer
		.call('POST', `documents/${f.doc.id}/publish`, note ? { note } : {})
		.then((answer) => answer.status)
		.catch(() => 'cut off' as const);
	await moment(publishing);
	await f.app.kill();
	const answered = await publishing;
	await f.app.start();

	const n = f.doc.claims.length;
	const found = await f.people.editor.ok('GET', `documents/${f.doc.id}`);
	const publishes = (await auditLog(f.people.editor, f.doc.id)).filter(
		(e) => e.action === 'publish'
	);
	const json = await fetch(`${f.app.base}/api/v1/public/fact-checks/${f.doc.slug}`);
	const page = await fetch(`${f.app.base}/fact-checks/${f.doc.slug}`);
	const html = await page.text();
	const version = json.ok ? (await json.json()).version : 0;
	expect([f.versions, f.versions + 1], label).toContain(version);
	const complete = version === f.versions + 1;
	expect(publishes.length, label).toBe(version);
	if (answered === 201) {
		expect(complete, `${label}: answered 201, so it is there`).toBe(true);
	}
	if (version === 0) {
		expect(json.status).toBe(404);
		expect(page.status).toBe(404);
	} else {
		const latest = await (
			await fetch(`${f.app.base}/api/v1/public/fact-checks/${f.doc.slug}/versions/${version}`)
		).json();
		expect(latest.claims.length, label).toBe(n);
		expect(latest.claimReviews.length, label).toBe(n);
		expect(page.status).toBe(200);
		expect(html.match(/<article id="claim-/g)?.length ?? 0, label).toBe(n);
	}
	expect(found.status, label).toBe(complete ? 'published' : 'approved');
	f.log.push(
		`${label}: ${complete ? `version ${version}, complete` : 'no new version'} (${answered})`
	);
	if (complete) {
		f.versions = version;
		await approve(f.people, f.doc.id);
	}
	return complete;
}

/** Checks the tables themselves: every version whole, the search rows of the latest. */
async function checkTables(query: Query, f: Fixture) {
	const n = f.doc.claims.length;
	const versions = await query(
		`select version, jsonb_array_length(snapshot->'claims') as claims
		 from published_version where document_id = $1 order by version`,
		[f.doc.id]
	);
	expect(versions).toEqual(
		Array.from({ length: f.versions }, (_, i) => ({ version: i + 1, claims: n }))
	);
	const [rows] = await query(
		`select count(*)::int as n, min(version) as low, max(version) as high
		 from published_claim where document_id = $1`,
		[f.doc.id]
	);
	expect(rows).toEqual({ n, low: f.versions, high: f.versions });
	const [publishes] = await query(
		`select count(*)::int as n from audit where document_id = $1 and action = 'publish'`,
		[f.doc.id]
	);
	expect(publishes.n).toBe(f.versions);
}

async function prepare(app: App, claims: number, log: string[]): Promise<Fixture> {
	const people = await team(app.base);
	const doc = await completeDraft(people.editor, claims, `Killed while publishing ${claims}`);
	await approve(people, doc.id);
	return { app, people, doc, versions: 0, log };
}

test.describe.configure({ timeout: 180_000 });

test('killed mid-publish on a PostgreSQL server: no version or a complete one', async () => {
	const shared = process.env.TEST_DATABASE_URL;
	const why = shared ? null : privateClusterUnavailable();
	test.skip(Boolean(why), `no PostgreSQL server: no TEST_DATABASE_URL, and ${why}`);
	const cluster = shared ? null : await new PrivateCluster().init();
	const database = await freshDatabase(shared ?? cluster?.url ?? '');
	const sql = postgres(database.url, { max: 1, onnotice: () => {} });
	const query: Query = (text, params = []) => sql.unsafe(text, params as never[]);
	const app = new App({ quiet: true, env: { DATABASE_URL: database.url } });
	const log: string[] = [];
	try {
		await app.start();
		const f = await prepare(app, 80, log);
		const until = async (what: string, condition: string, params: unknown[] = []) => {
			for (let i = 0; i < 3000; i++) {
				const [row] = await query(`select (${condition}) as yes`, params);
				if (row.yes) {
					return;
				}
				await sleep(1);
			}
			throw new Error(`never saw ${what}`);
		};
		// The app's other sessions run one statement per transaction; publishing runs many.
		const inPublish = `exists (select 1 from pg_stat_activity where datname = current_database()
			and pid <> pg_backend_pid() and backend_xid is not null and xact_start < query_start)`;
		const versionRowWritten = `exists (select 1 from pg_locks l join pg_class c on c.oid = l.relation
			where c.relname = 'published_version' and l.mode = 'RowExclusiveLock'
			and l.pid <> pg_backend_pid() and l.database = (select oid from pg_database where datname = current_database()))`;

		await attempt(f, 'killed as the request arrives', async () => {});
		await attempt(f, 'killed while reading the claims', () =>
			until('the publish transaction', inPublish)
		);
		await attempt(f, 'killed after writing the version row, before committing', () =>
			until('the version row written', versionRowWritten)
		);
		await attempt(f, 'killed just after committing', () =>
			until(
				'the version committed',
				`(select count(*) from published_version where document_id = $1) > $2`,
				[f.doc.id, f.versions]
			)
		);
		// Killed inside the transaction, seen from PostgreSQL's side: it rolled back.
		const inside = log.filter((line) => / (reading|writing) /.test(line));
		expect(inside.some((line) => line.includes('no new version'))).toBe(true);
		expect(f.versions).toBeGreaterThan(0);
		await checkTables(query, f);
	} finally {
		test.info().annotations.push({ type: 'attempts', description: log.join('; ') });
		console.log(`PostgreSQL server: ${log.join('; ')}`);
		await app.dispose();
		await sql.end({ timeout: 5 });
		await database.drop();
		cluster?.dispose();
	}
});

test('killed mid-publish on PGlite: no version or a complete one, and the data directory survives', async () => {
	const app = new App({ quiet: true });
	const log: string[] = [];
	try {
		await app.start();
		const f = await prepare(app, 40, log);
		// No view into PGlite from outside: kills at delays after the request (a publish just
		// after a start takes about a second here), then one right after the answer, which must
		// find the version it acknowledged on disk.
		for (const delay of [100, 300]) {
			await attempt(f, `killed ${delay} ms in`, () => sleep(delay));
		}
		expect(await attempt(f, 'killed as it answered', (answer) => answer)).toBe(true);
		await app.stop();
		// The data directory opens, and holds exactly what the API said.
		const db = await PGlite.create(join(app.dataDir, 'pgdata'));
		try {
			await checkTables(async (text, params) => (await db.query(text, params)).rows as never, f);
		} finally {
			await db.close();
		}
	} finally {
		test.info().annotations.push({ type: 'attempts', description: log.join('; ') });
		console.log(`PGlite: ${log.join('; ')}`);
		await app.dispose();
	}
});
