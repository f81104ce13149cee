import { getLocale } from '$lib/paraglide/runtime';

/**
 * A date as readers of the public pages see it ("8 January 2025"), in the UI language. In UTC,
 * so that the server's rendering and the browser's agree whatever their time zones; a date
 * that cannot be read is shown as it was given.
 */
export function formatDate(date: Date | string): string {
	const value = typeof date === 'string' ? new Date(date) : date;
	if (Number.isNaN(value.getTime())) {
		return String(date);
	}
	return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'long', timeZone: 'UTC' }).format(value);
}
