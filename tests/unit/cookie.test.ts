import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import {
	ABSOLUTE_TIMEOUT_MS,
	deleteSessionCookie,
	readSessionCookie,
	sessionCookieName,
	setSessionCookie
} from '$lib/server/auth';

type Options = Parameters<Cookies['set']>[2];

/** Records what the code asks of SvelteKit's cookie jar. */
function jar() {
	const stored = new Map<string, { value: string; options: Options }>();
	const deleted: { name: string; options: Options }[] = [];
	const cookies = {
		get: (name: string) => stored.get(name)?.value,
		set: (name: string, value: string, options: Options) =>
			void stored.set(name, { value, options }),
		delete: (name: string, options: Options) => void deleted.push({ name, options })
	} as unknown as Cookies;
	return { cookies, stored, deleted };
}

describe('session cookie', () => {
	it('is __Host- prefixed, Secure, HttpOnly and Lax over https', () => {
		const url = new URL('https://factmark.example/documents');
		const { cookies, stored } = jar();
		setSessionCookie(cookies, url, 'tok');
		expect(sessionCookieName(url)).toBe('__Host-factmark_session');
		expect(stored.get('__Host-factmark_session')).toEqual({
			value: 'tok',
			options: {
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				secure: true,
				maxAge: ABSOLUTE_TIMEOUT_MS / 1000
			}
		});
		expect(readSessionCookie(cookies, url)).toBe('tok');
	});

	it.each(['http://localhost:3000/', 'http://127.0.0.1/', 'http://[::1]:5173/'])(
		'is plain and not Secure on %s',
		(href) => {
			const { cookies, stored } = jar();
			setSessionCookie(cookies, new URL(href), 'tok');
			expect(stored.get('factmark_session')?.options?.secure).toBe(false);
		}
	);

	it('stays Secure on plain http to another host', () => {
		const { cookies, stored } = jar();
		setSessionCookie(cookies, new URL('http://factmark.internal/'), 'tok');
		expect(stored.get('factmark_session')?.options?.secure).toBe(true);
	});

	it('is deleted under the same name and path', () => {
		const { cookies, deleted } = jar();
		deleteSessionCookie(cookies, new URL('https://factmark.example/'));
		expect(deleted).toEqual([
			{ name: '__Host-factmark_session', options: { path: '/', secure: true } }
		]);
	});
});
