import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

// OWASP ASVS 5 appendix C minimum for Argon2id (algorithm 2).
const argon2Options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;

const commonPasswords = new Set(dictionary['passwords-common']);

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common';

/** Checks a new password against the policy; returns what is wrong, or null when it is fine. */
export function checkPasswordPolicy(password: string): PasswordProblem | null {
	const length = [...password.normalize('NFC')].length;
	if (length < MIN_PASSWORD_LENGTH) {
		return 'too_short';
	}
	if (length > MAX_PASSWORD_LENGTH) {
		return 'too_long';
	}
	if (commonPasswords.has(password.toLowerCase())) {
		return 'too_common';
	}
	return null;
}

/** Argon2id hash in PHC string form. */
export function hashPassword(password: string): Promise<string> {
	return hash(password.normalize('NFC'), argon2Options);
}

/** True when `password` matches `passwordHash`; false for a malformed hash too. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password.normalize('NFC'));
	} catch {
		return false;
	}
}
