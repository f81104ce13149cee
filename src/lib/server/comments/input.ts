import * as v from 'valibot';

export const body = v.pipe(
	v.string('A comment is text.'),
	v.trim(),
	v.normalize('NFC'),
	v.nonEmpty('Write a comment first.'),
	v.maxLength(10_000, 'A comment has at most 10,000 characters.')
);

export const newComment = v.strictObject({
	body: v.optional(body, ''),
	parentId: v.optional(
		v.nullable(v.pipe(v.string('parentId is a comment id.'), v.uuid('parentId is a comment id.'))),
		null
	)
});

export const commentPatch = v.strictObject({ body: v.optional(body, '') });
