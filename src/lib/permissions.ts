/**
 * Who may do what: the one permission table. Every load, form action and endpoint asks it
 * (through `requirePermission` on the server); the UI asks it to decide what to offer.
 */
export const roles = ['admin', 'editor', 'reviewer'] as const;
export type Role = (typeof roles)[number];

export const permissions = {
	'document.read': ['editor', 'reviewer', 'admin'],
	'document.create': ['editor'],
	'document.edit': ['editor'],
	'document.assign': ['editor'],
	'claim.comment': ['editor', 'reviewer'],
	'review.queue': ['reviewer'],
	'review.decide': ['reviewer'],
	'document.publish': ['reviewer', 'admin'],
	'document.retract': ['admin'],
	'audit.read': ['editor', 'reviewer', 'admin'],
	/** Other fact-checkers' ClaimReviews kept for claim matching: read by all staff, kept by editors. */
	'reference.read': ['editor', 'reviewer', 'admin'],
	'reference.import': ['editor'],
	'user.manage': ['admin'],
	'rating_scale.manage': ['admin'],
	'settings.manage': ['admin'],
	/** One's own password, sessions and notifications: anyone signed in, whatever their roles. */
	'account.manage': ['admin', 'editor', 'reviewer', 'none']
} as const satisfies Record<string, readonly (Role | 'none')[]>;

export type Action = keyof typeof permissions;

export const actions = Object.keys(permissions) as Action[];

/** True when someone holding `userRoles` may take `action`. */
export function can(userRoles: readonly Role[], action: Action): boolean {
	const allowed: readonly string[] = permissions[action];
	return allowed.includes('none') || userRoles.some((role) => allowed.includes(role));
}

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (roles as readonly string[]).includes(value);
}
