// `node bench/anchoring/run.js`: re-anchors 2,000 claims on a ~100,000-character text after a
// revision with realistic publisher edits, with Factmark's anchoring and with a baseline built
// on Hypothesis's strategy (approx-string-match), in the same run, and prints the time each
// takes, what became of the claims, and how many were attached wrongly (which must be none).
// The TypeScript module is loaded through tsx, so plain node runs this file.
import { tsImport } from 'tsx/esm/api';
import { hypothesisAnchor } from './baseline.js';
import { makeFixture } from './fixture.js';
import { report } from '../summary.js';

const anchoring = await tsImport('../../src/lib/anchoring/index.ts', import.meta.url);
const seed = Number(process.env.ANCHORING_SEED ?? 20250110);
const ourRounds = 5;
const baselineRounds = 3;

/** Median milliseconds of `rounds` runs of `run` (after one warm-up run), and its last result. */
function timed(rounds, run) {
	run();
	const times = [];
	let result;
	for (let i = 0; i < rounds; i++) {
		const started = performance.now();
		result = run();
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	return { ms: times[Math.floor(times.length / 2)], result };
}

const fixture = makeFixture(anchoring, { seed });
const { oldText, newText, claims, truth } = fixture;
const oldIndex = new anchoring.CodePointIndex(oldText);
const newIndex = new anchoring.CodePointIndex(newText);
// Hypothesis keeps positions in UTF-16 units: give the baseline its own, outside the timing.
const utf16Claims = claims.map(({ quote, position }) => ({
	quote,
	position: { start: oldIndex.toUtf16(position.start), end: oldIndex.toUtf16(position.end) }
}));

const ours = timed(ourRounds, () => anchoring.reanchor(oldText, newText, claims));
const baseline = timed(baselineRounds, () =>
	utf16Claims.map((selectors) => hypothesisAnchor(newText, selectors))
);

const count = (list, what) => list.filter(what).length;
const sameWords = (i, start, end) =>
	anchoring.sliceCodePoints(newText, start, end) === claims[i].quote.exact;
/** Attached wrongly: to other words, or to another occurrence than the true one, or at all. */
const wrong = (i, start, end) =>
	!sameWords(i, start, end) || truth[i].status === 'orphaned' || truth[i].start !== start;

const ourResults = ours.result;
const ourWrong = count(ourResults, (r, i) => r.status !== 'orphaned' && wrong(i, r.start, r.end));
const missed = count(
	ourResults,
	(r, i) => r.status === 'orphaned' && truth[i].status !== 'orphaned'
);
const relabelled = count(
	ourResults,
	(r, i) =>
		r.status !== 'orphaned' && truth[i].status !== 'orphaned' && r.status !== truth[i].status
);
// The baseline's results are UTF-16 offsets, and may split a surrogate pair: compare in UTF-16.
const baseResults = baseline.result;
const baseSameWords = (i, r) => newText.slice(r.start, r.end) === claims[i].quote.exact;
const baseWrong = count(
	baseResults,
	(r, i) =>
		r &&
		(!baseSameWords(i, r) ||
			truth[i].status === 'orphaned' ||
			newIndex.toUtf16(truth[i].start) !== r.start)
);
const baseExact = count(baseResults, (r, i) => r && baseSameWords(i, r));
const baseFuzzy = count(baseResults, (r, i) => r && !baseSameWords(i, r));

const row = (label, a, b) =>
	console.log(`  ${label.padEnd(46)}${String(a).padStart(12)}${String(b).padStart(14)}`);
const n = (x) => x.toLocaleString('en-US');

console.log('Anchoring benchmark: re-anchoring every claim after a revision');
console.log(
	`  text: ${n(oldIndex.length)} code points (${n(oldText.length)} UTF-16 units), ` +
		`revision: ${n(newIndex.length)} code points, claims: ${n(claims.length)}, seed ${seed}`
);
console.log(
	`  edits: ${Object.entries(fixture.edits)
		.map(([what, k]) => `${what} ${k}`)
		.join(', ')}`
);
console.log(
	`  ground truth: anchored ${count(truth, (t) => t.status === 'anchored')}, ` +
		`moved ${count(truth, (t) => t.status === 'moved')}, ` +
		`orphaned ${count(truth, (t) => t.status === 'orphaned')}`
);
console.log('');
row('', 'Factmark', 'Hypothesis');
row(`time to re-anchor all claims (median ms)`, ours.ms.toFixed(1), baseline.ms.toFixed(1));
row(
	'anchored (exact words, same place)',
	count(ourResults, (r) => r.status === 'anchored'),
	'-'
);
row(
	'moved (exact words elsewhere)',
	count(ourResults, (r) => r.status === 'moved'),
	'-'
);
row(
	'attached to the exact words',
	count(ourResults, (r) => r.status !== 'orphaned'),
	baseExact
);
row('attached to different words (fuzzy)', 0, baseFuzzy);
row(
	'orphaned / not found',
	count(ourResults, (r) => r.status === 'orphaned'),
	count(baseResults, (r) => !r)
);
row(
	'  of which with a suggestion',
	count(ourResults, (r) => r.status === 'orphaned' && r.suggestion),
	'-'
);
row('WRONGLY ANCHORED (must be 0)', ourWrong, baseWrong);
row('missed (orphaned though the words are intact)', missed, '-');
row('anchored/moved label differs from truth', relabelled, '-');
console.log(
	'  (wrong: attached to words other than the quote, or to another occurrence than the true one,' +
		'\n   or at all when the words are gone; the baseline attaches every result it finds)'
);
console.log('');
const ratio = ours.ms / baseline.ms;
console.log(
	`  time ratio (Factmark / baseline): ${ratio.toFixed(3)}   speedup: ${(1 / ratio).toFixed(1)}×`
);
const met = 1 / ratio >= 5 && ourWrong === 0;
report({
	bench: 'anchoring',
	figure: `re-anchor ${n(claims.length)} claims after a revision (vs Hypothesis's strategy)`,
	value: ours.ms,
	baseline: baseline.ms,
	unit: 'ms',
	goal: '≤ 0.2× (5× faster)',
	met: 1 / ratio >= 5
});
report({
	bench: 'anchoring',
	figure: 'claims wrongly anchored',
	value: ourWrong,
	baseline: null,
	unit: 'claims',
	goal: '0',
	met: ourWrong === 0
});
console.log(`  goal (at least 5× faster, zero wrong anchors): ${met ? 'met' : 'NOT met'}`);
process.exitCode = met ? 0 : 1;
