import * as v from 'valibot';
import { roles } from '$lib/permissions';

export const email = v.pipe(
	v.string('Enter an email address.'),
	v.trim(),
	v.toLowerCase(),
	v.nonEmpty('Enter an email address.'),
	v.maxLength(254, 'An email address has at most 254 characters.'),
	v.email('Enter a valid email address.')
);

export const name = v.pipe(
	v.string('Enter a name.'),
	v.trim(),
	v.normalize('NFC'),
	v.nonEmpty('Enter a name.'),
	v.maxGraphemes(100, 'A name has at most 100 characters.')
);

// The policy (length, common passwords) is checked by checkPasswordPolicy.
export const password = v.string('Enter a password.');

export const roleList = v.pipe(
	v.array(v.picklist(roles, 'Roles are admin, editor and reviewer.'), 'Roles must be a list.'),
	v.transform((list) => [...new Set(list)].sort())
);

// A missing field is treated as empty, so that it gets the field's own message.
export const newUser = v.strictObject({
	email: v.optional(email, ''),
	name: v.optional(name, ''),
	password: v.optional(password, ''),
	roles: v.optional(roleList, [])
});

export const login = v.object({
	email: v.optional(v.pipe(v.string('Enter your email address.'), v.maxLength(254)), ''),
	password: v.optional(v.pipe(v.string('Enter your password.'), v.maxLength(1024)), '')
});
