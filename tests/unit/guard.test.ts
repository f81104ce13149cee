import { isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { actions, can, roles, type Role } from '$lib/permissions';
import { requirePermission, requireUser, type SessionUser } from '$lib/server/auth';
import { AppError } from '$lib/server/errors';

function eventFor(path: string, user: SessionUser | null): RequestEvent {
	return { url: new URL(`http://localhost${path}`), locals: { user } } as unknown as RequestEvent;
}

function userWith(held: Role[]): SessionUser {
	return { id: '00000000-0000-4000-8000-000000000001', email: 'u@x.test', name: 'U', roles: held };
}

function thrown(run: () => unknown): unknown {
	try {
		run();
	} catch (err) {
		return err;
	}
	throw new Error('expected a throw');
}

describe('requireUser', () => {
	it('answers the API without a user with 401 and a Bearer challenge', () => {
		const err = thrown(() => requireUser(eventFor('/api/v1/me', null)));
		expect(err).toBeInstanceOf(AppError);
		expect((err as AppError).status).toBe(401);
		expect((err as AppError).headers).toEqual({ 'www-authenticate': 'Bearer' });
	});

	it('sends a page visitor without a user to sign in, and back afterwards', () => {
		const err = thrown(() => requireUser(eventFor('/admin/users?page=2', null)));
		expect(isRedirect(err) && err.status).toBe(303);
		expect(isRedirect(err) && err.location).toBe('/login?redirectTo=%2Fadmin%2Fusers%3Fpage%3D2');
	});
});

const holders: Role[][] = [[], ...roles.map((role) => [role]), [...roles]];

describe.each(holders.map((held) => [held.join('+') || 'no roles', held] as const))(
	'requirePermission for %s',
	(_label, held) => {
		it.each(actions)('%s follows the table, for the API and for pages', (action) => {
			const user = userWith([...held]);
			for (const path of ['/api/v1/things', '/documents']) {
				if (can(held, action)) {
					expect(requirePermission(eventFor(path, user), action)).toBe(user);
				} else {
					const err = thrown(() => requirePermission(eventFor(path, user), action));
					const status = err instanceof AppError ? err.status : isHttpError(err) && err.status;
					expect(status).toBe(403);
					expect(err instanceof AppError).toBe(path.startsWith('/api/'));
				}
			}
		});
	}
);
