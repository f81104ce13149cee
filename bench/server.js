// Starts the production build on a fresh embedded database for a benchmark, with an admin to
// act as: tests/harness/app.js, which the fault and load tests share. Loopback only.
import { admin, startApp } from '../tests/harness/app.js';

export { admin };

/** A running server (`env` over the defaults): its base URL, and `stop()` which also removes its data. */
export async function startServer(env = {}) {
	const app = await startApp({ env });
	return { base: app.base, stop: () => app.dispose() };
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
