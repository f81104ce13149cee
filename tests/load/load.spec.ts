import { expect, test } from '@playwright/test';
import { runLoad } from './run.js';

// A short run of `npm run test:load` (which runs 200 readers and 20 editors for 60 s): the
// same load and the same checks, for 8 s.

test('readers and editors at once: no 5xx, every acknowledged write stored once and audited', async () => {
	test.setTimeout(150_000);
	const lines: string[] = [];
	const result = await runLoad({
		seconds: 8,
		readers: 100,
		editors: 20,
		serverUrl: process.env.TEST_DATABASE_URL,
		print: (line) => lines.push(line)
	});
	console.log(lines.join('\n'));
	test.info().annotations.push({ type: 'load', description: lines.join('\n') });
	expect(result.serverErrors).toBe(0);
	expect(result.problems).toEqual([]);
	expect(result.writes.claims).toBeGreaterThan(0);
	expect(result.writes.updates).toBeGreaterThan(0);
	expect(result.writes.comments).toBeGreaterThan(0);
	// On a PostgreSQL server (as in CI) readers are answered beside the editors. On PGlite its
	// queries run on the app's one thread, and under this load readers who connect after the
	// editors wait past the run (README: production uses a PostgreSQL server).
	if (process.env.TEST_DATABASE_URL) {
		for (const kind of ['fact-check page', 'claim page', 'fact-checks list', 'feed']) {
			const figure = result.figures.find((item: { kind: string }) => item.kind === kind);
			expect(figure?.requests, `${kind} answered`).toBeGreaterThan(0);
		}
	}
});
