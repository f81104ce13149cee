// Part of `npm run bench`: readers on the demo's published sample article, 50 at a time, against
// a static file of the same size served by the same server in the same run. Goal: the page at
// ≥ 80% of the static file's rate. Also what a reader downloads: the page's HTML and the
// JavaScript it loads, gzipped.
import autocannon from 'autocannon';
import { rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { startServer } from './server.js';
import { report } from './summary.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const demo = { SEED_DEMO: 'true', ADMIN_EMAIL: '' };
// The static twin lives in the build's client files, which the server lists when it starts.
const twin = 'build/client/bench-same-size.html';

/** Requests per second and p99 latency of `url`, 50 connections, after a warm-up. */
async function load(url) {
	await autocannon({ url, connections: 50, duration: 1 });
	const result = await autocannon({ url, connections: 50, duration: seconds });
	if (result.non2xx || result.errors) {
		throw new Error(`${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
	}
	return { rate: result.requests.average, p99: result.latency.p99 };
}

/** The sample article's public path, on a server just started. */
async function samplePage(base) {
	const { items } = await (await fetch(`${base}/api/v1/public/fact-checks`)).json();
	const sample = items.find((item) => item.language === 'zh-Hant');
	return `/fact-checks/${encodeURIComponent(sample.slug)}`;
}

/**
 * The JavaScript a page loads, file by file with its gzipped size: the entry modules the page
 * imports, the route nodes it names (node_ids), and everything they import statically.
 */
async function scriptsOf(html, pageUrl) {
	const queue = [...html.matchAll(/import\("([^"]+\.js)"\)/g)].map(
		([, path]) => new URL(path, pageUrl).href
	);
	const nodes = JSON.parse(html.match(/node_ids: (\[[\d, ]+\])/)?.[1] ?? '[]');
	const sizes = new Map();
	while (queue.length) {
		const url = queue.shift();
		if (sizes.has(url)) {
			continue;
		}
		const code = await (await fetch(url)).text();
		sizes.set(url, gzipSync(code).length);
		const imports = [...code.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)].map(
			([, path]) => path
		);
		if (url.includes('/entry/app.')) {
			for (const id of nodes) {
				imports.push(...(code.match(new RegExp(`\\.\\./nodes/${id}\\.[\\w-]+\\.js`)) ?? []));
			}
		}
		queue.push(...imports.map((path) => new URL(path, url).href));
	}
	return sizes;
}

// First the page's size, for its static twin; then a server that serves both.
const first = await startServer(demo);
try {
	writeFileSync(twin, await (await fetch(`${first.base}${await samplePage(first.base)}`)).text());
} finally {
	await first.stop();
}
const { base, stop } = await startServer(demo);
try {
	const page = await samplePage(base);
	const html = await (await fetch(`${base}${page}`)).text();
	const baseline = await load(`${base}/bench-same-size.html`);
	const dynamic = await load(`${base}${page}`);
	const rendered = await load(`${base}${page}?rendered-anew`);
	const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
	console.log(
		`baseline: the static twin (${kib(Buffer.byteLength(html))}), ${Math.round(baseline.rate)} requests/s, p99 ${baseline.p99} ms; 50 connections, ${seconds} s each`
	);
	// The goal is the page's as served; rendering it anew shows what keeping it in memory saves.
	for (const [name, { rate, p99 }, goal] of [
		["the sample article's fact-check page", dynamic, true],
		['the same page, rendered on every request', rendered, false]
	]) {
		const ratio = `${Math.round((rate / baseline.rate) * 100)}%`;
		console.log(`  ${name.padEnd(42)} ${ratio.padStart(5)} of the baseline   p99 ${p99} ms`);
		report({
			bench: 'public pages',
			figure: `${name}, requests/s (vs its static twin)`,
			value: rate,
			baseline: baseline.rate,
			unit: 'req/s',
			goal: goal ? '≥ 0.8×' : 'reported',
			met: goal ? rate / baseline.rate >= 0.8 : null
		});
	}
	console.log('  goal: the page at ≥ 80% of the baseline');
	const scripts = await scriptsOf(html, `${base}${page}`);
	const js = [...scripts.values()].reduce((sum, bytes) => sum + bytes, 0);
	console.log(
		`transferred: the page's HTML ${kib(Buffer.byteLength(html))} (${kib(gzipSync(html).length)} gzipped); the JavaScript it loads, ${scripts.size} files, ${kib(js)} gzipped`
	);
} finally {
	await stop();
	rmSync(twin, { force: true });
}
