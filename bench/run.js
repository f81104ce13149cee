// `npm run bench`: every benchmark in bench/, one after another. Each prints its figures as
// ratios against a baseline measured in the same run.
import { spawnSync } from 'node:child_process';

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

let failed = false;
for (const [title, file] of benches) {
	console.log(`\n▶ ${title}`);
	failed = spawnSync('node', [file], { stdio: 'inherit' }).status !== 0 || failed;
}
process.exit(failed ? 1 : 0);
