import * as v from 'valibot';

/** True for a day that exists, written YYYY-MM-DD (2025-02-30 does not). */
function isCalendarDay(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
		return false;
	}
	const day = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/**
 * A calendar day as `YYYY-MM-DD`, or null for none (an empty string is none, as a cleared date
 * field sends). `message` says what is wanted, for the field it is used in.
 */
export const day = (message: string) =>
	v.nullable(
		v.pipe(
			v.string(message),
			v.trim(),
			v.transform((value) => value || null),
			v.nullable(v.pipe(v.string(), v.check(isCalendarDay, message)))
		)
	);
