import { invalid } from '$lib/server/errors';

/**
 * Checks that `wanted` names each of `known` exactly once, as a new order for them must.
 * AppError 422 (at `path`) otherwise.
 */
export function assertPermutation(wanted: string[], known: string[], path: string): void {
	const names = new Set(known);
	if (
		wanted.length !== known.length ||
		new Set(wanted).size !== wanted.length ||
		wanted.some((name) => !names.has(name))
	) {
		throw invalid(
			path,
			'not_a_permutation',
			`List each of the ${known.length} items exactly once.`
		);
	}
}
