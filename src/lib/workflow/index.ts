import { can, type Action, type Role } from '$lib/permissions';

/**
 * The review workflow as data: the states a document passes through, the transitions between
 * them, who may take each (an action of the permission table) and the checks each needs. The
 * server refuses every other move (409 for a wrong state, 403 for the wrong person); the UI
 * offers only what `available` returns.
 */
export const states = ['draft', 'in_review', 'approved', 'published', 'retracted'] as const;
export type State = (typeof states)[number];

/** What the server verifies before a transition, beyond state and role. */
export type Check =
	/** Every claim has a rating, a rationale, evidence and its anchor; there is a claim. */
	| 'complete'
	/** The reviewer neither submitted it nor wrote a verdict in it. */
	| 'four_eyes'
	/** From version 2 on, a public note says what the correction changed. */
	| 'correction_note'
	/** A retraction says publicly why. */
	| 'reason';

export interface Transition {
	from: readonly State[];
	to: State;
	permission: Action;
	checks: readonly Check[];
}

export const transitions = {
	/** An editor sends the working copy for review: a new draft, or corrections after publishing. */
	submit: {
		from: ['draft', 'published'],
		to: 'in_review',
		permission: 'document.edit',
		checks: ['complete']
	},
	/** Approved once enough different reviewers approve (one, or two when the setting says so). */
	approve: {
		from: ['in_review'],
		to: 'approved',
		permission: 'review.decide',
		checks: ['four_eyes']
	},
	/** Back to the editors, with comments; the claims' threads keep them. */
	request_changes: {
		from: ['in_review'],
		to: 'draft',
		permission: 'review.decide',
		checks: ['four_eyes']
	},
	/** The next immutable version, made in one transaction. */
	publish: {
		from: ['approved'],
		to: 'published',
		permission: 'document.publish',
		checks: ['correction_note']
	},
	/** Withdrawn publicly; the versions stay readable. */
	retract: {
		from: ['published'],
		to: 'retracted',
		permission: 'document.retract',
		checks: ['reason']
	}
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof transitions;
export const transitionNames = Object.keys(transitions) as TransitionName[];

/** Why a transition cannot be taken now, or null when state and role allow it. */
export function refusal(
	name: TransitionName,
	state: State,
	roles: readonly Role[]
): 'wrong_state' | 'not_allowed' | null {
	const transition: Transition = transitions[name];
	if (!can(roles, transition.permission)) {
		return 'not_allowed';
	}
	return transition.from.includes(state) ? null : 'wrong_state';
}

/** The transitions someone holding `roles` may take from `state`: what the UI offers. */
export function available(state: State, roles: readonly Role[]): TransitionName[] {
	return transitionNames.filter((name) => refusal(name, state, roles) === null);
}

/** True while the text, claims, verdicts and evidence may change (not during review). */
export function isEditable(state: State): boolean {
	return state !== 'in_review' && state !== 'approved';
}
