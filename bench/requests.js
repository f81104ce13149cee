// Part of `npm run bench`: request costs of the app's main paths, as ratios against /healthz (which
// touches neither SvelteKit nor the database) measured in the same run, on the production
// build and a fresh embedded database. Loopback only, bounded in count.
import { admin, startServer } from './server.js';
import { report } from './summary.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 300);
const { base, stop } = await startServer();

/** Median milliseconds of `count` sequential runs of `request`, after a warm-up. */
async function median(request, count = rounds) {
	for (let i = 0; i < 20; i++) {
		await request();
	}
	const times = [];
	for (let i = 0; i < count; i++) {
		const started = performance.now();
		const response = await request();
		await response.arrayBuffer();
		if (!response.ok) {
			throw new Error(`HTTP ${response.status}`);
		}
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)];
}

try {
	const login = () =>
		fetch(`${base}/api/v1/auth/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(admin)
		});
	const { token } = await (await login()).json();
	const bearer = { headers: { authorization: `Bearer ${token}` } };
	const cases = [
		['GET /readyz (one database query)', () => fetch(`${base}/readyz`)],
		['GET /api/v1/me (session lookup)', () => fetch(`${base}/api/v1/me`, bearer)],
		['GET /api/v1/users (admin list)', () => fetch(`${base}/api/v1/users`, bearer)],
		['GET /login (server-rendered page)', () => fetch(`${base}/login`)],
		['GET /admin/users (signed-in page)', () => fetch(`${base}/admin/users`, bearer)],
		['POST /api/v1/auth/login (Argon2id)', login, 30]
	];
	const baseline = await median(() => fetch(`${base}/healthz`));
	console.log(`baseline GET /healthz: median ${baseline.toFixed(2)} ms over ${rounds} requests`);
	console.log('ratio to baseline (lower is cheaper):');
	for (const [name, request, count] of cases) {
		const time = await median(request, count);
		console.log(`  ${name.padEnd(40)} ${(time / baseline).toFixed(1).padStart(7)}×`);
		report({
			bench: 'requests',
			figure: `${name}, median (vs GET /healthz)`,
			value: time,
			baseline,
			unit: 'ms',
			goal: '',
			met: null
		});
	}
} finally {
	await stop();
}
