import * as v from 'valibot';
import { evidence } from '$lib/server/db/schema';
import { day } from '$lib/server/input';

export const kinds = evidence.kind.enumValues;
export const stances = evidence.stance.enumValues;

const text = (max: number, label: string) =>
	v.pipe(
		v.string(`${label} must be text.`),
		v.trim(),
		v.normalize('NFC'),
		v.maxLength(max, `${label} has at most ${max.toLocaleString('en')} characters.`)
	);

/** An http or https address; anything else (javascript:, data:, file:) is refused. */
const url = v.nullable(
	v.pipe(
		v.string('url must be text.'),
		v.trim(),
		v.transform((value) => value || null),
		v.nullable(
			v.pipe(
				v.string(),
				v.maxLength(2_000, 'An address has at most 2,000 characters.'),
				v.check(isWebAddress, 'An address starts with http:// or https://.')
			)
		)
	)
);

function isWebAddress(value: string): boolean {
	if (!URL.canParse(value)) {
		return false;
	}
	const parsed = new URL(value);
	return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
}

export const evidenceFields = {
	kind: v.picklist(kinds, `kind is one of ${kinds.join(', ')}.`),
	url,
	title: text(500, 'The title'),
	publisher: text(300, 'The publisher'),
	date: day('date is a date, as 2025-01-31.'),
	accessedAt: day('accessedAt is a date, as 2025-01-31.'),
	quote: text(10_000, 'The quoted excerpt'),
	stance: v.picklist(stances, `stance is one of ${stances.join(', ')}.`),
	note: text(20_000, 'The note')
};

const { kind, stance, ...optional } = evidenceFields;

const evidenceObject = v.strictObject({
	kind,
	stance,
	url: v.optional(optional.url, null),
	title: v.optional(optional.title, ''),
	publisher: v.optional(optional.publisher, ''),
	date: v.optional(optional.date, null),
	accessedAt: v.optional(optional.accessedAt, null),
	quote: v.optional(optional.quote, ''),
	note: v.optional(optional.note, '')
});

/** What each kind needs: a link or dataset its address, a quote or statement its words. */
export const newEvidence = v.pipe(
	evidenceObject,
	v.forward(
		v.partialCheck(
			[['kind'], ['url']],
			(input) => !((input.kind === 'link' || input.kind === 'dataset') && !input.url),
			'A link or a dataset needs its address.'
		),
		['url']
	),
	v.forward(
		v.partialCheck(
			[['kind'], ['quote']],
			(input) => !((input.kind === 'quote' || input.kind === 'statement') && !input.quote),
			'A quote or a statement needs its words.'
		),
		['quote']
	)
);

export type NewEvidence = v.InferOutput<typeof newEvidence>;

export const evidencePatch = v.strictObject({
	stance: v.optional(stance),
	url: v.optional(optional.url),
	title: v.optional(optional.title),
	publisher: v.optional(optional.publisher),
	date: v.optional(optional.date),
	accessedAt: v.optional(optional.accessedAt),
	quote: v.optional(optional.quote),
	note: v.optional(optional.note)
});

export type EvidencePatch = v.InferOutput<typeof evidencePatch>;

export const evidenceOrder = v.strictObject({
	ids: v.pipe(v.array(v.string('ids are evidence ids.')), v.maxLength(500))
});
