/** The headers every response carries, whichever way it was made. */
export function secure(headers: Headers, url: URL, requestId: string): void {
	headers.set('x-content-type-options', 'nosniff');
	headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
	headers.set('x-request-id', requestId);
	if (url.protocol === 'https:') {
		headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	}
	// The embeddable verdict card is the one page other sites may frame.
	if (url.pathname.startsWith('/embed/')) {
		const csp = headers.get('content-security-policy');
		if (csp) {
			headers.set(
				'content-security-policy',
				csp.replace("frame-ancestors 'none'", 'frame-ancestors *')
			);
		}
	}
}

/** The caller's request id when it is a sensible one, else a new one. */
export function requestId(incoming: string | null): string {
	return incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
}
