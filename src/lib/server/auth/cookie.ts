import type { Cookies } from '@sveltejs/kit';
import { ABSOLUTE_TIMEOUT_MS } from './session';

const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `__Host-` prefixed over https; plain on http (which browsers allow only on localhost). */
export function sessionCookieName(url: URL): string {
	return url.protocol === 'https:' ? '__Host-factmark_session' : 'factmark_session';
}

function isSecure(url: URL): boolean {
	return url.protocol === 'https:' || !loopback.has(url.hostname);
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure except on plain-http localhost. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string): void {
	cookies.set(sessionCookieName(url), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: isSecure(url),
		// The server decides when a session ends; the cookie only needs to outlive it.
		maxAge: ABSOLUTE_TIMEOUT_MS / 1000
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(sessionCookieName(url), { path: '/', secure: isSecure(url) });
}

export function readSessionCookie(cookies: Cookies, url: URL): string | undefined {
	return cookies.get(sessionCookieName(url));
}

/** The value of cookie `name` in a Cookie header, where the request is not SvelteKit's. */
export function cookieValue(header: string | null | undefined, name: string): string | undefined {
	return header
		?.split(/;\s*/)
		.find((pair) => pair.startsWith(`${name}=`))
		?.slice(name.length + 1);
}
