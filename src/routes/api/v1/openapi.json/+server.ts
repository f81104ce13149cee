import { json, methodNotAllowed } from '$lib/server/http/problem';
import { openapi } from '$lib/server/openapi';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () =>
	json(openapi, 200, { 'cache-control': 'public, max-age=300' });

export const fallback = methodNotAllowed;
