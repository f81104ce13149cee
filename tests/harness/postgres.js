// PostgreSQL for the tests that drive a real server: a fresh database on the shared server
// (TEST_DATABASE_URL), or a private cluster of their own, which they may stop and start.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { freePort } from './app.js';

/**
 * A fresh, uniquely named database on the server `serverUrl` names (TEST_DATABASE_URL in CI);
 * `drop()` removes it.
 * @param {string} serverUrl
 */
export async function freshDatabase(serverUrl) {
	const name = `factmark_harness_${randomBytes(5).toString('hex')}`;
	const server = postgres(serverUrl, { max: 1, onnotice: () => {} });
	try {
		await server.unsafe(`create database "${name}"`);
	} finally {
		await server.end({ timeout: 5 });
	}
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return {
		url: url.href,
		drop: async () => {
			const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
			try {
				await dropper.unsafe(`drop database if exists "${name}" with (force)`);
			} finally {
				await dropper.end({ timeout: 5 });
			}
		}
	};
}

/** The newest installed PostgreSQL's programs (Debian's layout), or null. */
function binaries() {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root)
		? readdirSync(root)
				.filter((version) => existsSync(join(root, version, 'bin', 'pg_ctl')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	return process.env.PG_BINDIR ?? (versions.length ? join(root, versions[0], 'bin') : null);
}

/**
 * Why a private cluster cannot run here, or null when it can: PostgreSQL's programs must be
 * installed, and as root (CI) the `postgres` account must exist to run them, since PostgreSQL
 * refuses to run as root.
 */
export function privateClusterUnavailable() {
	if (!binaries()) {
		return 'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl; set PG_BINDIR)';
	}
	if (process.getuid?.() === 0) {
		try {
			execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
		} catch {
			return 'running as root, and there is no postgres account to run PostgreSQL as';
		}
	}
	return null;
}

/**
 * A PostgreSQL cluster of the test's own, in a temporary directory on a free port, which it
 * may stop and start as it likes (the shared server must stay up for every other test).
 */
export class PrivateCluster {
	constructor() {
		const bin = binaries();
		if (!bin) {
			throw new Error(privateClusterUnavailable() ?? 'no PostgreSQL');
		}
		this.bin = bin;
		this.dir = mkdtempSync(join(tmpdir(), 'factmark-pg-'));
		this.port = 0;
		// As root, PostgreSQL runs as `postgres`, which must own its directory.
		this.asRoot = process.getuid?.() === 0;
		if (this.asRoot) {
			const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
			const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
			chownSync(this.dir, uid, gid);
		}
	}

	/** postgres://… of its `postgres` database. */
	get url() {
		return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
	}

	/**
	 * Runs one of PostgreSQL's programs, as `postgres` when we are root.
	 * @param {string} program
	 * @param {string[]} args
	 */
	run(program, args) {
		const path = join(this.bin, program);
		const [command, argv] = this.asRoot
			? ['runuser', ['-u', 'postgres', '--', path, ...args]]
			: [path, args];
		return execFileSync(command, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	}

	/** Creates the cluster and starts it. */
	async init() {
		this.port = await freePort();
		this.run('initdb', [
			'-D',
			join(this.dir, 'data'),
			'-U',
			'postgres',
			'--auth=trust',
			'--encoding=UTF8',
			'--locale=C',
			'--no-sync'
		]);
		this.start();
		return this;
	}

	/** Starts the server and waits until it takes connections. */
	start() {
		this.run('pg_ctl', [
			'-D',
			join(this.dir, 'data'),
			'-l',
			join(this.dir, 'log'),
			'-w',
			'-t',
			'60',
			'-o',
			// Small and quick: the test's data is tiny, and fsync protects against a machine
			// failing, which is not what is tested.
			`-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off -c shared_buffers=16MB -c max_connections=40`,
			'start'
		]);
	}

	/**
	 * Stops the server: `immediate` is a crash (no checkpoint; recovery at the next start),
	 * `fast` a clean shutdown that ends every session.
	 * @param {'fast' | 'immediate'} mode
	 */
	stop(mode = /** @type {'fast' | 'immediate'} */ ('immediate')) {
		this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-m', mode, '-w', 'stop']);
	}

	/** Stops the server if it runs, and removes the cluster. */
	dispose() {
		try {
			this.stop('immediate');
		} catch {
			// not running
		}
		rmSync(this.dir, { recursive: true, force: true });
	}
}
