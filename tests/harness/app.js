// The production build (server.js) in a child process, for the tests and benchmarks that need a
// real server: start it, stop it gracefully, kill it outright, start it again on the same data.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The admin every app started here has (ADMIN_EMAIL, ADMIN_PASSWORD). */
export const admin = { email: 'harness@factmark.test', password: 'harness admin passphrase' };

/** The build server.js serves: BUILD_DIR, else `build`. */
export const buildDir = () => process.env.BUILD_DIR ?? 'build';

/** Builds the app unless a build is there already. */
export function ensureBuild() {
	if (!existsSync(`${buildDir()}/handler.js`)) {
		spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	}
}

/**
 * A TCP port nobody listens on now, as the system hands them out.
 * @returns {Promise<number>}
 */
export function freePort() {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @typedef {object} AppOptions
 * @property {Record<string, string>} [env] over the defaults: a fresh embedded database, no
 *   demo, the harness admin, warnings only, no API rate limits
 * @property {string} [dataDir] the embedded database's directory (DATA_DIR), kept by `dispose()`;
 *   by default a temporary one that `dispose()` removes
 * @property {number} [port] by default a free one, kept across restarts
 * @property {'readyz' | 'healthz'} [readyOn] what answers 200 once it is up (`readyz` by default:
 *   the database answers too)
 * @property {boolean} [quiet] keep its output (the last lines, for `output()`) rather than
 *   passing it through
 */

/** One app server, started and stopped as a test needs. */
export class App {
	/** @param {AppOptions} options */
	constructor(options = {}) {
		this.options = options;
		this.ownsDataDir = !options.dataDir;
		this.dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'factmark-app-'));
		this.port = options.port ?? 0;
		/** @type {import('node:child_process').ChildProcess | null} */
		this.child = null;
		/** @type {Promise<number | null> | null} */
		this.exited = null;
		/** @type {string[]} */
		this.lines = [];
	}

	get base() {
		return `http://localhost:${this.port}`;
	}

	/** The environment it runs with. */
	get env() {
		return {
			...process.env,
			PORT: String(this.port),
			DATA_DIR: this.dataDir,
			SEED_DEMO: 'false',
			ADMIN_EMAIL: admin.email,
			ADMIN_PASSWORD: admin.password,
			LOG_LEVEL: 'warn',
			// One test client makes many requests: no per-token or per-address limit.
			API_RATE_LIMIT: '0',
			...this.options.env
		};
	}

	/** True while its process runs. */
	get running() {
		return Boolean(this.child && this.child.exitCode === null && this.child.signalCode === null);
	}

	/** Its last lines of output (stdout and stderr), when quiet. */
	output() {
		return this.lines.join('\n');
	}

	/** Starts the process and waits until it answers on `readyOn`; throws if it never does. */
	async start() {
		if (this.running) {
			throw new Error('The app is running already.');
		}
		ensureBuild();
		this.port ||= await freePort();
		const quiet = this.options.quiet ?? false;
		const child = spawn(process.execPath, ['server.js'], {
			env: this.env,
			stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit']
		});
		this.child = child;
		this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
		for (const stream of [child.stdout, child.stderr]) {
			stream?.setEncoding('utf8');
			stream?.on('data', (/** @type {string} */ chunk) => {
				this.lines.push(...chunk.trimEnd().split('\n'));
				this.lines.splice(0, Math.max(0, this.lines.length - 400));
			});
		}
		const path = this.options.readyOn ?? 'readyz';
		for (let waited = 0; waited < 90_000; waited += 100) {
			if (!this.running) {
				throw new Error(`The app exited while starting.\n${this.output()}`);
			}
			try {
				if ((await fetch(`${this.base}/${path}`)).ok) {
					return this;
				}
			} catch {
				// not listening yet
			}
			await sleep(100);
		}
		await this.kill();
		throw new Error(`The app did not become ready on /${path}.\n${this.output()}`);
	}

	/** Stops it as an operator would (SIGTERM: graceful), by force after 15 s. */
	async stop() {
		if (!this.running) {
			return;
		}
		this.child?.kill('SIGTERM');
		const forced = setTimeout(() => this.child?.kill('SIGKILL'), 15_000);
		await this.exited;
		clearTimeout(forced);
	}

	/** Kills it outright (SIGKILL): nothing of it runs on, as when the machine loses power. */
	async kill() {
		if (!this.running) {
			return;
		}
		this.child?.kill('SIGKILL');
		await this.exited;
	}

	/** Stops it (gracefully, or killed when `how` is 'kill') and starts it again on the same data and port. */
	async restart(how = /** @type {'stop' | 'kill'} */ ('stop')) {
		await (how === 'kill' ? this.kill() : this.stop());
		return this.start();
	}

	/** Stops it and removes the data directory it made. */
	async dispose() {
		await this.stop();
		if (this.ownsDataDir) {
			rmSync(this.dataDir, { recursive: true, force: true });
		}
	}
}

/**
 * An app server started with `options`, ready.
 * @param {AppOptions} [options]
 */
export async function startApp(options) {
	const app = new App(options);
	try {
		return await app.start();
	} catch (error) {
		await app.dispose();
		throw error;
	}
}
