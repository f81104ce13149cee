// The figures each benchmark reports for `npm run bench`'s closing table: bench/run.js names a
// file in BENCH_SUMMARY, and every figure is appended to it as one JSON line. Run on its own, a
// benchmark just prints its own output.
import { appendFileSync } from 'node:fs';

/**
 * Records one figure: `value` and the `baseline` it is compared with (both in `unit`, measured
 * in the same run; baseline null for a count), the `goal` in words, and whether it is `met`
 * (null when the figure has no goal).
 * @param {{ bench: string, figure: string, value: number, baseline: number | null, unit: string, goal: string, met: boolean | null }} figure
 */
export function report(figure) {
	if (process.env.BENCH_SUMMARY) {
		appendFileSync(process.env.BENCH_SUMMARY, `${JSON.stringify(figure)}\n`);
	}
}
