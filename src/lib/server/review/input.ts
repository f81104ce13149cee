import * as v from 'valibot';
import { body } from '$lib/server/comments/input';

const comment = v.pipe(
	v.string('A comment is text.'),
	v.trim(),
	v.normalize('NFC'),
	v.maxLength(10_000, 'A comment has at most 10,000 characters.')
);

export const decision = v.strictObject({
	decision: v.picklist(['approve', 'request_changes'], 'decision is approve or request_changes.'),
	comment: v.optional(comment, ''),
	claimComments: v.optional(
		v.pipe(
			v.array(
				v.strictObject({
					claimId: v.pipe(v.string('claimId is a claim id.'), v.uuid('claimId is a claim id.')),
					body
				})
			),
			v.maxLength(500, 'At most 500 claim comments.')
		),
		[]
	)
});

export const publication = v.strictObject({
	note: v.optional(
		v.pipe(
			v.string('A note is text.'),
			v.trim(),
			v.normalize('NFC'),
			v.maxLength(5_000, 'A note has at most 5,000 characters.')
		),
		''
	)
});

export const retraction = v.strictObject({
	reason: v.optional(
		v.pipe(
			v.string('A reason is text.'),
			v.trim(),
			v.normalize('NFC'),
			v.maxLength(5_000, 'A reason has at most 5,000 characters.')
		),
		''
	)
});
