import { describe, expect, it } from 'vitest';
import { generateToken, sessionIdOf } from '$lib/server/auth';

describe('generateToken', () => {
	it('gives 256 random bits as 52 lowercase base32 characters', () => {
		const token = generateToken();
		// 256 bits / 5 bits per character = 51.2, so 52 characters without padding.
		expect(token).toMatch(/^[a-z2-7]{52}$/);
	});

	it('never repeats itself', () => {
		const tokens = new Set(Array.from({ length: 1000 }, generateToken));
		expect(tokens.size).toBe(1000);
	});
});

describe('sessionIdOf', () => {
	it('is the SHA-256 of the token in lowercase hex', () => {
		expect(sessionIdOf('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
		expect(sessionIdOf('')).toBe(
			'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
		);
	});

	it('gives 64 hex characters for a real token and differs from it', () => {
		const token = generateToken();
		expect(sessionIdOf(token)).toMatch(/^[0-9a-f]{64}$/);
		expect(sessionIdOf(token)).toBe(sessionIdOf(token));
		expect(sessionIdOf(token)).not.toContain(token);
	});
});
