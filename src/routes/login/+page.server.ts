import { redirect } from '@sveltejs/kit';
import { createSession, setSessionCookie, verifyCredentials } from '$lib/server/auth';
import { attempt, formData, text } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

/** Only a path on this site, so that a crafted link cannot send someone elsewhere. */
function safeRedirect(target: string | null): string {
	return target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\')
		? target
		: '/';
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) {
		redirect(303, safeRedirect(url.searchParams.get('redirectTo')));
	}
	return { signedOut: url.searchParams.has('signedOut') };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await formData(event);
		const signedIn = await attempt(form, async () => {
			const user = await verifyCredentials(event.locals.db, {
				email: text(form, 'email'),
				password: text(form, 'password'),
				ipAddress: event.getClientAddress()
			});
			// A new token at every sign-in, so a token planted before sign-in is worthless.
			const { token } = await createSession(event.locals.db, user.id, {
				kind: 'cookie',
				userAgent: event.request.headers.get('user-agent') ?? '',
				ipAddress: event.getClientAddress()
			});
			setSessionCookie(event.cookies, event.url, token);
			return true;
		});
		if (signedIn !== true) {
			return signedIn;
		}
		redirect(303, safeRedirect(event.url.searchParams.get('redirectTo')));
	}
};
