import { describe, expect, it } from 'vitest';
import { secure } from '$lib/server/http/security';

const policy =
	"default-src 'self'; script-src 'self' 'nonce-abc'; frame-ancestors 'none'; form-action 'self'";

function headersFor(href: string, csp?: string): Headers {
	const headers = new Headers(csp ? { 'content-security-policy': csp } : {});
	secure(headers, new URL(href), 'request-1234');
	return headers;
}

describe('secure', () => {
	it('sets nosniff, the referrer and permissions policies and the request id on every answer', () => {
		expect(Object.fromEntries(headersFor('http://localhost:3000/api/v1/me'))).toEqual({
			'x-content-type-options': 'nosniff',
			'referrer-policy': 'strict-origin-when-cross-origin',
			'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
			'x-request-id': 'request-1234'
		});
	});

	it('asks for HTTPS from now on (HSTS) only over https', () => {
		expect(headersFor('https://factmark.example/').get('strict-transport-security')).toBe(
			'max-age=31536000; includeSubDomains'
		);
		expect(headersFor('http://factmark.example/').has('strict-transport-security')).toBe(false);
	});

	it('lets other sites frame the embed card alone', () => {
		const embed = headersFor('https://factmark.example/embed/claims/1', policy);
		expect(embed.get('content-security-policy')).toBe(policy.replace("'none'", '*'));
		for (const path of ['/fact-checks/x/claims/1', '/embedded', '/api/embed/claims/1']) {
			expect(
				headersFor(`https://factmark.example${path}`, policy).get('content-security-policy'),
				path
			).toBe(policy);
		}
		// An answer without a policy (JSON, files) does not get one made up.
		expect(
			headersFor('https://factmark.example/embed/claims/1').has('content-security-policy')
		).toBe(false);
	});
});
