// `npm test`: the static checks, then every test (Vitest: unit and integration; Playwright:
// end-to-end in Chromium against a production build), then one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

/** @type {[name: string, command: string, args: string[]][]} */
const steps = [
	['prettier', 'npx', ['prettier', '--check', '.']],
	['eslint', 'npx', ['eslint', '.', '--max-warnings', '0']],
	['svelte-check', 'npm', ['run', '--silent', 'check']],
	[
		'vitest',
		'npx',
		[
			'vitest',
			'run',
			'--reporter=default',
			'--reporter=json',
			'--outputFile.json=test-results/vitest.json'
		]
	],
	['build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
	['playwright', 'npx', ['playwright', 'test']]
];

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

let failedStep;
for (const [name, command, args] of steps) {
	console.log(`\n▶ ${name}`);
	const { status } = spawnSync(command, args, {
		stdio: 'inherit',
		env: { ...process.env, FORCE_COLOR: '0' }
	});
	if (status !== 0) {
		failedStep = name;
		break;
	}
}

/**
 * @param {string} file a JSON report
 * @param {(report: any) => { passed: number, failed: number, skipped: number }} read
 */
function counts(file, read) {
	return existsSync(file)
		? read(JSON.parse(readFileSync(file, 'utf8')))
		: { passed: 0, failed: 0, skipped: 0 };
}
const vitest = counts('test-results/vitest.json', (r) => ({
	passed: r.numPassedTests,
	failed: r.numFailedTests,
	skipped: r.numPendingTests + r.numTodoTests
}));
const playwright = counts('test-results/playwright.json', (r) => ({
	passed: r.stats.expected,
	failed: r.stats.unexpected + r.stats.flaky,
	skipped: r.stats.skipped
}));
const passed = vitest.passed + playwright.passed;
const failed =
	vitest.failed +
	playwright.failed +
	(failedStep && vitest.failed + playwright.failed === 0 ? 1 : 0);
const skipped = vitest.skipped + playwright.skipped;

console.log(
	`\nVitest ${vitest.passed} passed, ${vitest.failed} failed; Playwright ${playwright.passed} passed, ${playwright.failed} failed.`
);
if (failedStep) {
	console.log(`The ${failedStep} step failed.`);
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedStep ? 1 : 0);
