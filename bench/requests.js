// Part of `npm run bench`: request costs of the app's main paths, as ratios against /healthz (which
// touches neither SvelteKit nor the database) measured in the same run, on the production
// build and a fresh embedded database. Loopback only, bounded in count.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = 4300 + Math.floor(Math.random() * 500);
const base = `http://localhost:${port}`;
const admin = { email: 'bench@factmark.test', password: 'benchmark passphrase' };
const rounds = Number(process.env.BENCH_ROUNDS ?? 300);

if (!existsSync('build/handler.js')) {
	spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
const dataDir = mkdtempSync(join(tmpdir(), 'factmark-bench-'));
const server = spawn('node', ['server.js'], {
	env: {
		...process.env,
		PORT: String(port),
		DATA_DIR: dataDir,
		SEED_DEMO: 'false',
		ADMIN_EMAIL: admin.email,
		ADMIN_PASSWORD: admin.password,
		LOG_LEVEL: 'warn'
	},
	stdio: 'inherit'
});

async function ready() {
	for (let i = 0; i < 120; i++) {
		try {
			if ((await fetch(`${base}/readyz`)).ok) {
				return;
			}
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error('the server did not become ready');
}

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
	await ready();
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
	}
} finally {
	server.kill('SIGTERM');
	await new Promise((resolve) => server.once('exit', resolve));
	rmSync(dataDir, { recursive: true, force: true });
}
