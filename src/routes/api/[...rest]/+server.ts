import { problem } from '$lib/server/http/problem';
import type { RequestHandler } from './$types';

/** Any path under /api that no route serves. */
export const fallback: RequestHandler = ({ url }) =>
	problem(404, `There is no API resource at ${url.pathname}.`);
