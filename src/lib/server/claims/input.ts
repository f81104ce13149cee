import * as v from 'valibot';
import { day } from '$lib/server/input';

const quoteSelector = v.strictObject({
	type: v.literal('TextQuoteSelector', 'The first selector is a TextQuoteSelector.'),
	exact: v.pipe(
		v.string('exact must be text.'),
		v.normalize('NFC'),
		v.minLength(1, 'exact is empty.'),
		v.maxLength(20_000, 'A claim quotes at most 20,000 characters.')
	),
	prefix: v.optional(v.pipe(v.string(), v.normalize('NFC'), v.maxLength(200)), ''),
	suffix: v.optional(v.pipe(v.string(), v.normalize('NFC'), v.maxLength(200)), '')
});

const positionSelector = v.strictObject({
	type: v.literal('TextPositionSelector', 'The second selector is a TextPositionSelector.'),
	start: v.pipe(v.number('start must be a number.'), v.integer(), v.minValue(0)),
	end: v.pipe(v.number('end must be a number.'), v.integer(), v.minValue(1))
});

/** `[TextQuoteSelector, TextPositionSelector?]`, as the W3C model and api.md have them. */
export const selector = v.union(
	[v.strictTuple([quoteSelector, positionSelector]), v.strictTuple([quoteSelector])],
	'selector is [TextQuoteSelector, TextPositionSelector?].'
);

export type SelectorInput = v.InferOutput<typeof selector>;

const fieldText = (max: number, label: string) =>
	v.pipe(
		v.string(`${label} must be text.`),
		v.trim(),
		v.normalize('NFC'),
		v.maxLength(max, `${label} has at most ${max} characters.`)
	);

const claimDate = day('claimDate is a date, as 2025-01-31.');

export const fields = {
	claimText: fieldText(2_000, 'The claim as checked'),
	claimant: fieldText(300, 'The claimant'),
	claimDate
};

export const newClaim = v.strictObject({
	selector,
	claimText: v.optional(fields.claimText, ''),
	claimant: v.optional(fields.claimant, ''),
	claimDate: v.optional(claimDate, null)
});

/** A rating key of the scale, or null for none; checked against the scale by the domain. */
const rating = v.nullable(v.pipe(v.string('rating is a rating key.'), v.maxLength(40)));

const assigneeId = v.nullable(
	v.pipe(v.string('assigneeId is a user id.'), v.uuid('assigneeId is a user id.'))
);

export const claimPatch = v.strictObject({
	selector: v.optional(selector),
	claimText: v.optional(fields.claimText),
	claimant: v.optional(fields.claimant),
	claimDate: v.optional(claimDate),
	rating: v.optional(rating),
	/** Tiptap JSON; null or an empty document clears it. Checked by `rationale.parse`. */
	rationale: v.optional(v.nullable(v.unknown())),
	assigneeId: v.optional(assigneeId)
});

export type ClaimPatch = v.InferOutput<typeof claimPatch>;
