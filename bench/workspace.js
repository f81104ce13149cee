// Part of `npm run bench`: how long the workspace takes to open in Chromium for a
// 100,000-character text with 2,000 claims, against the same text without claims, opened
// alternately in the same run. Loopback only.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { admin, login, startServer } from './server.js';
import { report } from './summary.js';

const rounds = Number(process.env.BENCH_ROUNDS_WORKSPACE ?? 7);
const claimCount = 2000;
const editor = {
	email: 'bench-editor@factmark.test',
	name: 'Bench',
	password: 'benchmark editor pass',
	roles: ['editor']
};

/** About 100,000 characters: the sample article's paragraphs, numbered, repeated. */
function bigText() {
	const source = readFileSync('seeds/sample-article.zh-Hant.txt', 'utf8')
		.split(/\n\s*\n/)
		.slice(1);
	const paragraphs = [];
	for (let n = 0; paragraphs.join('\n\n').length < 100_000; n++) {
		paragraphs.push(`${n + 1}. ${source[n % source.length].trim()}`);
	}
	return paragraphs.join('\n\n');
}

const { base, stop } = await startServer();
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
});
try {
	const adminToken = await login(base, admin);
	await fetch(`${base}/api/v1/users`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
		body: JSON.stringify(editor)
	});
	const token = await login(base, editor);
	const auth = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
	const text = bigText();
	const create = async (title) => {
		const response = await fetch(`${base}/api/v1/documents`, {
			method: 'POST',
			headers: auth,
			body: JSON.stringify({ title, text, language: 'zh-Hant' })
		});
		return (await response.json()).id;
	};
	const plain = await create('Without claims');
	const marked = await create('With claims');
	const length = [...text].length;
	const codePoints = [...text];
	const started = performance.now();
	// Spread over the text; some overlap their neighbours. Imported as W3C annotations, in one
	// request.
	const annotations = Array.from({ length: claimCount }, (_, i) => {
		const start = Math.floor((i * (length - 40)) / claimCount);
		const end = start + 10 + (i % 7) * 5;
		const exact = codePoints.slice(start, end).join('');
		return {
			type: 'Annotation',
			target: {
				selector: [
					{ type: 'TextQuoteSelector', exact },
					{ type: 'TextPositionSelector', start, end }
				]
			}
		};
	});
	const imported = await fetch(`${base}/api/v1/documents/${marked}/annotations`, {
		method: 'POST',
		headers: auth,
		body: JSON.stringify(annotations)
	});
	const result = await imported.json();
	if (result.anchored?.length !== claimCount) {
		throw new Error(`import: HTTP ${imported.status} ${JSON.stringify(result).slice(0, 300)}`);
	}
	console.log(
		`text: ${length.toLocaleString('en')} code points; ${claimCount} claims imported through the API in ${((performance.now() - started) / 1000).toFixed(1)} s`
	);

	const context = await browser.newContext();
	await context.addCookies([{ name: 'factmark_session', value: token, url: base }]);
	const page = await context.newPage();
	/**
	 * Milliseconds from navigation to the text and its highlights on screen. Waited for with
	 * querySelector, which stops at the first match: a locator would find all 4,000 highlights
	 * at every check, time the workspace does not spend.
	 */
	const open = async (id, withClaims) => {
		const t0 = performance.now();
		await page.goto(`${base}/documents/${id}`);
		await page.waitForFunction(
			(selector) => document.querySelector(selector),
			withClaims ? '.source p [data-claim]' : '.source p',
			{ polling: 'raf' }
		);
		return performance.now() - t0;
	};
	const times = { plain: [], marked: [] };
	await open(plain, false);
	await open(marked, true);
	for (let i = 0; i < rounds; i++) {
		times.plain.push(await open(plain, false));
		times.marked.push(await open(marked, true));
	}
	const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
	const [a, b] = [median(times.plain), median(times.marked)];
	console.log(
		`open the workspace, median of ${rounds} (ms): without claims ${a.toFixed(0)}, with ${claimCount} claims ${b.toFixed(0)}`
	);
	const samples = (list) => list.map((ms) => ms.toFixed(0)).join(' ');
	console.log(`  each (ms): without ${samples(times.plain)}; with ${samples(times.marked)}`);
	console.log(
		`ratio (with / without): ${(b / a).toFixed(2)}×   goal: at most 1.5×: ${b / a <= 1.5 ? 'met' : 'NOT met'}`
	);
	report({
		bench: 'workspace',
		figure: `open a 100,000-character text with ${claimCount} claims (vs without claims)`,
		value: b,
		baseline: a,
		unit: 'ms',
		goal: '≤ 1.5×',
		met: b / a <= 1.5
	});
} finally {
	await browser.close();
	await stop();
}
