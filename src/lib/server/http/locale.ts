import { baseLocale, cookieName, isLocale, locales, type Locale } from '$lib/paraglide/runtime';
import { negotiateLocale } from '$lib/i18n';
import { cookieValue } from '$lib/server/auth/cookie';

/**
 * The language a request is answered in: the one chosen with the switch (a cookie), else the
 * browser's preference, else the base language.
 */
export function requestLocale(cookie: string | null, acceptLanguage: string | null): Locale {
	const chosen = cookieValue(cookie, cookieName);
	return isLocale(chosen) ? chosen : (negotiateLocale(acceptLanguage, locales) ?? baseLocale);
}
