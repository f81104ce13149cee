import { describe, expect, it } from 'vitest';
import { roles, type Role } from '$lib/permissions';
import { available, isEditable, refusal, states, transitionNames } from '$lib/workflow';

// The whole table, written out: state × transition × role → the expected answer.
const from: Record<string, string[]> = {
	submit: ['draft', 'published'],
	approve: ['in_review'],
	request_changes: ['in_review'],
	publish: ['approved'],
	retract: ['published']
};
const who: Record<string, Role[]> = {
	submit: ['editor'],
	approve: ['reviewer'],
	request_changes: ['reviewer'],
	publish: ['reviewer', 'admin'],
	retract: ['admin']
};

describe('the workflow table', () => {
	const cases = states.flatMap((state) =>
		transitionNames.flatMap((name) =>
			[...roles.map((role) => [role]), []].map((held) => [state, name, held] as const)
		)
	);

	it.each(cases)('%s × %s × [%s]', (state, name, held) => {
		const expected = !held.some((role) => who[name].includes(role))
			? 'not_allowed'
			: from[name].includes(state)
				? null
				: 'wrong_state';
		expect(refusal(name, state, held)).toBe(expected);
	});

	it('offers the UI exactly the allowed transitions', () => {
		expect(available('in_review', ['reviewer'])).toEqual(['approve', 'request_changes']);
		expect(available('approved', ['reviewer', 'admin'])).toEqual(['publish']);
		expect(available('published', ['editor', 'admin'])).toEqual(['submit', 'retract']);
		expect(available('retracted', ['editor', 'reviewer', 'admin'])).toEqual([]);
	});

	it('freezes text and claims only during review', () => {
		expect(states.filter(isEditable)).toEqual(['draft', 'published', 'retracted']);
	});
});
