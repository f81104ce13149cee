import { describe, expect, it } from 'vitest';
import { actions, can, isRole, permissions, roles, type Action, type Role } from '$lib/permissions';

const allowedFor = (action: Action): readonly string[] => permissions[action];

/** Everyone a check can meet: nobody in particular, each role alone, and combinations. */
const holders: [string, Role[]][] = [
	['no roles', []],
	...roles.map((role): [string, Role[]] => [role, [role]]),
	['editor+reviewer', ['editor', 'reviewer']],
	['all roles', [...roles]]
];

describe('the permission table', () => {
	it('lists every action it defines', () => {
		expect([...actions].sort()).toEqual(Object.keys(permissions).sort());
	});

	it.each(actions)('%s names only known roles, or none, and at least one', (action) => {
		expect(allowedFor(action).length).toBeGreaterThan(0);
		for (const entry of allowedFor(action)) {
			expect(entry === 'none' || isRole(entry), `${action}: ${entry}`).toBe(true);
		}
	});

	it('keeps the separations the product relies on', () => {
		expect(can(['admin'], 'document.create')).toBe(false);
		expect(can(['admin'], 'review.decide')).toBe(false);
		expect(can(['editor'], 'user.manage')).toBe(false);
		expect(can(['editor'], 'document.publish')).toBe(false);
		expect(can(['reviewer'], 'document.edit')).toBe(false);
		expect(can(['reviewer'], 'review.decide')).toBe(true);
		expect(actions.filter((action) => can([], action))).toEqual(['account.manage']);
	});
});

describe.each(holders)('can() for %s', (_label, held) => {
	it.each(actions)('%s', (action) => {
		const open = allowedFor(action).includes('none');
		const byRole = held.some((role) => allowedFor(action).includes(role));
		expect(can(held, action)).toBe(open || byRole);
		// A combination of roles may do exactly what one of its roles may do.
		expect(can(held, action)).toBe(open || held.some((role) => can([role], action)));
	});
});

describe('isRole', () => {
	it.each(roles)('accepts %s', (role) => {
		expect(isRole(role)).toBe(true);
	});

	it.each(['none', 'Admin', '', 'root', 1, null, undefined])('refuses %o', (value) => {
		expect(isRole(value)).toBe(false);
	});
});
