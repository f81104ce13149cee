import * as v from 'valibot';
import { locales } from '$lib/paraglide/runtime';
import { contrastWithWhite } from '$lib/ratings';

const label = v.pipe(
	v.string('A label is text.'),
	v.trim(),
	v.normalize('NFC'),
	v.maxLength(60, 'A label has at most 60 characters.')
);

const description = v.pipe(
	v.string('A description is text.'),
	v.trim(),
	v.normalize('NFC'),
	v.maxLength(500, 'A description has at most 500 characters.')
);

/** Text per UI language, as `{"en": …, "zh-Hant": …}`. */
const perLocale = (text: typeof label | typeof description) =>
	v.record(v.picklist(locales, `Languages are ${locales.join(', ')}.`), text);

const labels = v.pipe(
	perLocale(label),
	v.check((texts) => Boolean(texts.en), 'The English label is needed.')
);

const color = v.pipe(
	v.string('A colour is #rrggbb.'),
	v.trim(),
	v.toLowerCase(),
	v.regex(/^#[0-9a-f]{6}$/, 'A colour is #rrggbb.'),
	v.check(
		(value) => contrastWithWhite(value) >= 4.5,
		'This colour is too light: white label text on it would be hard to read (contrast below 4.5:1).'
	)
);

/** ClaimReview's ratingValue: 1 (worst) to 6 (best), or null outside the scale. */
const value = v.nullable(
	v.pipe(
		v.number('A value is a whole number from 1 to 6, or null.'),
		v.integer('A value is a whole number from 1 to 6, or null.'),
		v.minValue(1, 'A value is a whole number from 1 to 6, or null.'),
		v.maxValue(6, 'A value is a whole number from 1 to 6, or null.')
	)
);

export const newRating = v.strictObject({
	key: v.pipe(
		v.string('A key is text.'),
		v.trim(),
		v.regex(
			/^[a-z][a-z0-9_]{0,39}$/,
			'A key is 1–40 lower-case letters, digits or _, starting with a letter.'
		)
	),
	labels,
	descriptions: v.optional(perLocale(description), {}),
	color,
	value
});

export const ratingPatch = v.strictObject({
	labels: v.optional(labels),
	descriptions: v.optional(perLocale(description)),
	color: v.optional(color),
	value: v.optional(value),
	retired: v.optional(v.boolean('retired is true or false.'))
});

export const ratingOrder = v.strictObject({
	keys: v.pipe(
		v.array(v.string('keys are rating keys.'), 'keys is a list of rating keys.'),
		v.maxLength(100, 'At most 100 ratings.')
	)
});

export type NewRating = v.InferOutput<typeof newRating>;
export type RatingPatch = v.InferOutput<typeof ratingPatch>;
