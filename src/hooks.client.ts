import { defineCustomClientStrategy } from '$lib/paraglide/runtime';

// The server chose the language (the switch's cookie, else Accept-Language) and wrote it into <html lang>.
defineCustomClientStrategy('custom-locale', {
	getLocale: () => document.documentElement.lang || undefined,
	// Switching is a form post to /language, which sets the cookie on the server.
	setLocale: () => {}
});
