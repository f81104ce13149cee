import * as v from 'valibot';
import { day } from '$lib/server/input';

/** The most text one document may hold: 2 MB of UTF-8. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

/** The largest JSON body carrying a text: 2 MB escaped as JSON, with room for the metadata. */
export const MAX_BODY_BYTES = 13 * 1024 * 1024;

/** One line of text: control characters (a manual line break pasted from Word) become spaces. */
const oneLine = v.transform((value: string) =>
	value.replace(/[\s\p{Cc}]*\p{Cc}[\s\p{Cc}]*/gu, ' ')
);

const optionalText = (max: number, label: string) =>
	v.optional(
		v.nullable(
			v.pipe(
				v.string(`${label} must be text.`),
				oneLine,
				v.trim(),
				v.normalize('NFC'),
				v.maxLength(max, `${label} has at most ${max} characters.`),
				v.transform((value) => value || null)
			)
		),
		null
	);

/** A BCP 47 language tag, in its canonical spelling (zh-hant → zh-Hant). */
export const language = v.pipe(
	v.string('Give the language as a BCP 47 tag, such as en or zh-Hant.'),
	v.trim(),
	v.nonEmpty('Give the language as a BCP 47 tag, such as en or zh-Hant.'),
	v.rawTransform(({ dataset, addIssue, NEVER }) => {
		try {
			return Intl.getCanonicalLocales(dataset.value)[0];
		} catch {
			addIssue({
				message: `${dataset.value} is not a BCP 47 language tag, such as en or zh-Hant.`
			});
			return NEVER;
		}
	})
);

const httpUrl = v.optional(
	v.nullable(
		v.pipe(
			v.string('The source URL must be text.'),
			v.trim(),
			v.transform((value) => value || null),
			v.nullable(
				v.pipe(
					v.string(),
					v.maxLength(2000, 'A URL has at most 2,000 characters.'),
					v.url('Enter a full URL, starting with https://.'),
					v.check((value) => /^https?:\/\//i.test(value), 'Only http and https URLs.')
				)
			)
		)
	),
	null
);

const publishedAt = v.optional(
	v.pipe(
		day('Give the publication date as 2025-01-31.'),
		v.transform((value) => (value ? new Date(`${value}T00:00:00Z`) : null))
	),
	null
);

export const text = v.pipe(
	v.string('The text must be a string.'),
	v.check((value) => value.trim().length > 0, 'The text is empty.'),
	v.check(
		(value) => new TextEncoder().encode(value).byteLength <= MAX_TEXT_BYTES,
		'The text is larger than 2 MB; split it into several documents.'
	)
);

export const newDocument = v.strictObject({
	title: v.pipe(
		v.optional(v.string('The title must be text.'), ''),
		oneLine,
		v.trim(),
		v.normalize('NFC'),
		v.nonEmpty('Give the document a title.'),
		v.maxLength(500, 'A title has at most 500 characters.')
	),
	text,
	language: v.optional(language, 'und'),
	sourceUrl: httpUrl,
	publisher: optionalText(300, 'The publisher'),
	author: optionalText(300, 'The author'),
	publishedAt
});

export type NewDocumentInput = v.InferOutput<typeof newDocument>;
