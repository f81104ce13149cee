import { isReachable } from '$lib/server/db';
import { json, problem } from '$lib/server/http/problem';
import type { RequestHandler } from './$types';

/** Ready when the database answers; 503 otherwise, so a load balancer sends traffic elsewhere. */
export const GET: RequestHandler = async ({ locals }) =>
	(await isReachable(locals.db))
		? json({ status: 'ready' }, 200, { 'cache-control': 'no-store' })
		: problem(503, 'The database is not reachable.');
