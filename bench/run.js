// `npm run bench`: every benchmark in bench/, one after another. Each prints its figures as
// ratios against a baseline measured in the same run, and reports the main ones (summary.js)
// for one table at the end: each figure, its baseline, the ratio and the goal.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const benches = [
	['anchoring: re-anchoring 2,000 claims after a revision', 'bench/anchoring/run.js'],
	['requests: the cost of the main paths', 'bench/requests.js'],
	['workspace: opening a long text with 2,000 claims in Chromium', 'bench/workspace.js'],
	[
		'public pages: readers of a published fact-check, against a static file',
		'bench/public-pages.js'
	],
	['collab: a change announced to 100 live clients, against a bare Hocuspocus', 'bench/collab.js'],
	[
		'search: search, claim matching and lists on 100,000 documents and 1,000,000 claims',
		'bench/search.js'
	]
];

const only = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'factmark-bench-'));
const summary = join(dir, 'summary.jsonl');
let failed = false;
for (const [title, file] of benches) {
	if (only.length && !only.some((name) => file.includes(name))) {
		continue;
	}
	console.log(`\n▶ ${title}`);
	const env = { ...process.env, BENCH_SUMMARY: summary };
	failed = spawnSync('node', [file], { stdio: 'inherit', env }).status !== 0 || failed;
}

const figures = existsSync(summary)
	? readFileSync(summary, 'utf8')
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line))
	: [];
rmSync(dir, { recursive: true, force: true });
const number = (value) =>
	Number.isInteger(value) ? String(value) : value >= 100 ? value.toFixed(0) : value.toFixed(1);
const rows = figures.map(({ bench, figure, value, baseline, unit, goal, met }) => [
	bench,
	figure,
	`${number(value)} ${unit}`,
	baseline === null ? '' : `${number(baseline)} ${unit}`,
	baseline ? `${(value / baseline).toFixed(2)}×` : '',
	goal,
	met === null ? '' : met ? 'yes' : 'NO'
]);
console.log('\n▶ summary: each figure beside its baseline, measured in the same run');
table([['bench', 'figure', 'value', 'baseline', 'ratio', 'goal', 'met'], ...rows]);

/** Prints `lines` as columns, the first as a header; numbers and ratios right-aligned. */
function table(lines) {
	const widths = lines[0].map((_, i) => Math.max(...lines.map((line) => line[i].length)));
	const right = new Set([2, 3, 4]);
	const format = (line) =>
		line
			.map((cell, i) => (right.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
			.join('  ')
			.trimEnd();
	console.log(format(lines[0]));
	console.log(widths.map((width) => '─'.repeat(width)).join('  '));
	for (const line of lines.slice(1)) {
		console.log(format(line));
	}
}
process.exit(failed ? 1 : 0);
