import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { connect } from '$lib/server/db';
import { isUnavailable } from '$lib/server/db/unavailable';
import { PrivateCluster, privateClusterUnavailable } from '../harness/postgres.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const unavailable = privateClusterUnavailable();

// The app's connection to a PostgreSQL server that crashes and comes back, with transactions in
// flight: they fail as "unavailable" (the app answers 503), nothing throws where no one can
// catch it (postgres.js 3.4.9 did: db/patch-postgres.js), and afterwards the same connection
// serves again and hears notifications again (postgres.js alone would stay deaf).
describe.skipIf(Boolean(unavailable))('a PostgreSQL server that crashes and restarts', () => {
	it('fails what is in flight, then serves and hears notifications again', async () => {
		const cluster = await new PrivateCluster().init();
		const connection = await connect({ url: cluster.url });
		try {
			const heard: string[] = [];
			let listening = 0;
			await connection.listen(
				'restart_test',
				(payload) => heard.push(payload),
				() => listening++
			);
			let running = true;
			let committed = 0;
			const failures: unknown[] = [];
			const work = Array.from({ length: 20 }, async () => {
				while (running) {
					try {
						await connection.db.transaction(async (tx) => {
							await tx.execute(sql`select ${String(Math.random())}::text`);
							await tx.execute(sql`select pg_sleep(0.001)`);
							await tx.execute(sql`select ${String(Math.random())}::text`);
						});
						committed++;
					} catch (error) {
						failures.push(error);
						await sleep(5);
					}
				}
			});
			await sleep(300);
			cluster.stop('immediate');
			await sleep(500);
			cluster.start();
			const before = committed;
			await vi.waitFor(() => expect(committed).toBeGreaterThan(before), { timeout: 10_000 });
			running = false;
			await Promise.all(work);

			expect(failures.length).toBeGreaterThan(0);
			expect(failures.filter((error) => !isUnavailable(error))).toEqual([]);
			await vi.waitFor(
				async () => {
					await connection.db.execute(sql`select pg_notify('restart_test', 'after')`);
					expect(heard).toContain('after');
				},
				{ timeout: 15_000, interval: 500 }
			);
			expect(listening).toBeGreaterThan(1);
		} finally {
			await connection.close();
			cluster.dispose();
		}
	}, 60_000);
});
