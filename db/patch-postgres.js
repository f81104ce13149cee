// Run at every install (package.json "prepare"): a fix to postgres.js 3.4.9, its latest release,
// for a crash when PostgreSQL goes away (porsager/postgres#1154 and #1208, the fix of #1209).
// A small write is flushed on the next turn of the event loop; when the connection closed in
// between, the flush wrote to a socket that is no more, an exception nothing can catch, and the
// whole app died — met here as PostgreSQL restarted under load
// (tests/faults/database-restart.spec.ts). Closing also left that flush armed, and its bytes
// waiting, for the socket of the next connection. Now a flush without a socket fails the
// connection's queries with CONNECTION_CLOSED (the app answers 503), and closing drops both.
// Safe to run again; leaves another version alone, saying so.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const root = 'node_modules/postgres';
const marker = '// factmark: patched';

const edits = [
	[
		'  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
		`  function nextWrite(fn) {\n    ${marker}\n    if (!socket) {\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      return false\n    }\n    const x = socket.write(chunk, fn)`
	],
	[
		'    clearImmediate(nextWriteTimer)\n    if (socket) {',
		'    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    if (socket) {'
	],
	[
		"    clearImmediate(nextWriteTimer)\n    socket.removeListener('data', data)",
		"    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    socket.removeListener('data', data)"
	]
];

if (existsSync(`${root}/package.json`)) {
	const { version } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
	if (version !== '3.4.9') {
		console.warn(`db/patch-postgres.js: postgres ${version} is not 3.4.9; not patched.`);
	} else {
		for (const file of ['src', 'cjs/src', 'cf/src'].map((dir) => `${root}/${dir}/connection.js`)) {
			let code = readFileSync(file, 'utf8');
			if (code.includes(marker)) {
				continue;
			}
			for (const [before, after] of edits) {
				if (!code.includes(before)) {
					throw new Error(`db/patch-postgres.js: ${file} is not as expected; not patched.`);
				}
				code = code.replace(before, after);
			}
			writeFileSync(file, code);
		}
	}
}
