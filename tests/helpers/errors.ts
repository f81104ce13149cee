import { expect } from 'vitest';
import { AppError } from '$lib/server/errors';

/** The AppError a promise rejects with; fails the test when it resolves or throws another. */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
	const err = await promise.then(
		() => new Error('expected a rejection'),
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(AppError);
	return err as AppError;
}
