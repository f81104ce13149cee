import { dictionary } from '@zxcvbn-ts/language-common';
import { describe, expect, it } from 'vitest';
import {
	checkPasswordPolicy,
	hashPassword,
	MAX_PASSWORD_LENGTH,
	MIN_PASSWORD_LENGTH,
	verifyPassword
} from '$lib/server/auth';

const common = dictionary['passwords-common'];

describe('checkPasswordPolicy', () => {
	it('has the documented bounds', () => {
		expect(MIN_PASSWORD_LENGTH).toBe(8);
		expect(MAX_PASSWORD_LENGTH).toBe(256);
	});

	it('accepts a long passphrase', () => {
		expect(checkPasswordPolicy('correct horse battery staple 42')).toBeNull();
	});

	it.each([
		['', 'too_short'],
		['abc4567', 'too_short'],
		['🦊🦊🦊🦊', 'too_short'], // 8 UTF-16 units, but 4 characters
		['🦊🐼🦉🐙🦀🐝🦋🐢', null],
		['🦊🐼🦉🐙🦀🐝🦋', 'too_short'],
		['x7Rq!p2Z', null]
	])('counts characters, not UTF-16 units: %j → %s', (password, expected) => {
		expect(checkPasswordPolicy(password)).toBe(expected);
	});

	it('allows 256 characters and refuses 257, counting code points', () => {
		expect(checkPasswordPolicy('a1'.repeat(128))).toBeNull();
		expect(checkPasswordPolicy('a1'.repeat(128) + 'b')).toBe('too_long');
		expect(checkPasswordPolicy('🦊'.repeat(256))).toBeNull();
		expect(checkPasswordPolicy('🦊'.repeat(257))).toBe('too_long');
	});

	it.each(['password123', 'iloveyou1', 'qwertyuiop', 'PassWord123', 'QWERTYUIOP'])(
		'refuses the common password %s, whatever its case',
		(password) => {
			expect(common).toContain(password.toLowerCase());
			expect(checkPasswordPolicy(password)).toBe('too_common');
		}
	);
});

describe('hashPassword and verifyPassword', () => {
	it('hash with Argon2id at the OWASP parameters and verify only the right password', async () => {
		const hash = await hashPassword('correct horse battery staple 42');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash, 'correct horse battery staple 42')).toBe(true);
		expect(await verifyPassword(hash, 'correct horse battery staple 43')).toBe(false);
	});

	it('treat composed and decomposed spellings of a password as the same', async () => {
		const composed = 'café crème brûlée';
		const hash = await hashPassword(composed.normalize('NFD'));
		expect(await verifyPassword(hash, composed.normalize('NFC'))).toBe(true);
		expect(await verifyPassword(hash, composed.normalize('NFD'))).toBe(true);
	});

	it('says false for a malformed hash rather than throwing', async () => {
		expect(await verifyPassword('not a hash', 'whatever')).toBe(false);
		expect(await verifyPassword('', '')).toBe(false);
	});
});
