// Starts the production build on a fresh embedded database for a benchmark, with an admin
// and an editor to act as. Loopback only.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const admin = { email: 'bench@factmark.test', password: 'benchmark passphrase' };

/** A running server (`env` over the defaults): its base URL, and `stop()` which also removes its data. */
export async function startServer(env = {}) {
	if (!existsSync(`${process.env.BUILD_DIR ?? 'build'}/handler.js`)) {
		spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	}
	const port = 4300 + Math.floor(Math.random() * 500);
	const base = `http://localhost:${port}`;
	const dataDir = mkdtempSync(join(tmpdir(), 'factmark-bench-'));
	const server = spawn('node', ['server.js'], {
		env: {
			...process.env,
			PORT: String(port),
			DATA_DIR: dataDir,
			SEED_DEMO: 'false',
			ADMIN_EMAIL: admin.email,
			ADMIN_PASSWORD: admin.password,
			LOG_LEVEL: 'warn',
			// A benchmark is one client making many requests: no per-token limit.
			API_RATE_LIMIT: '0',
			...env
		},
		stdio: 'inherit'
	});
	const stop = async () => {
		server.kill('SIGTERM');
		await new Promise((resolve) => server.once('exit', resolve));
		rmSync(dataDir, { recursive: true, force: true });
	};
	for (let i = 0; i < 120; i++) {
		try {
			if ((await fetch(`${base}/readyz`)).ok) {
				return { base, stop };
			}
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	await stop();
	throw new Error('the server did not become ready');
}

/** Signs in through the API; returns the token. */
export async function login(base, person) {
	const response = await fetch(`${base}/api/v1/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(person)
	});
	return (await response.json()).token;
}
