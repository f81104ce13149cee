import * as v from 'valibot';
import { claimPatch, newClaim } from '$lib/server/claims/input';
import { body } from '$lib/server/comments/input';
import type { NewDocument } from '$lib/server/documents';
import { AppError } from '$lib/server/errors';
import { newEvidence } from '$lib/server/evidence/input';
import { parse } from '$lib/server/http/problem';
import sampleText from '../../../../seeds/sample-article.zh-Hant.txt?raw';
import sampleClaims from '../../../../seeds/sample-article.claims.json?raw';
import secondText from '../../../../seeds/second-article.zh-Hant.txt?raw';
import secondClaims from '../../../../seeds/second-article.claims.json?raw';
import thirdText from '../../../../seeds/third-article.en.txt?raw';
import thirdClaims from '../../../../seeds/third-article.claims.json?raw';

/** The demo editors who share the work; `index.ts` maps them to their accounts. */
export const editors = ['lin', 'sam'] as const;
export type Editor = (typeof editors)[number];

const editor = v.picklist(editors, `editor is one of ${editors.join(', ')}.`);

/**
 * One claim of a `seeds/*.claims.json` file: the exact words it marks (they must occur once
 * in the text), its fields, and as much of the verdict, evidence and discussion as is done.
 * The first comment opens the thread; the others reply to it.
 */
const seedClaim = v.strictObject({
	editor,
	quote: v.pipe(v.string('quote must be text.'), v.normalize('NFC'), v.nonEmpty('quote is empty.')),
	...v.omit(newClaim, ['selector']).entries,
	rating: v.optional(claimPatch.entries.rating, null),
	rationale: v.optional(claimPatch.entries.rationale, null),
	evidence: v.optional(v.array(newEvidence), []),
	comments: v.optional(v.array(v.strictObject({ author: editor, body })), [])
});

export type SeedClaim = v.InferOutput<typeof seedClaim>;

export interface DemoDocument extends NewDocument {
	/** The seed files it comes from, for error messages. */
	source: string;
	createdBy: Editor;
	claims: SeedClaim[];
}

/** A seed text: its first line is the title, the rest the text. */
function split(raw: string) {
	const [title, ...rest] = raw.split('\n');
	return { title: title.trim(), text: rest.join('\n') };
}

function claimsOf(file: string, raw: string): SeedClaim[] {
	try {
		return parse(v.array(seedClaim), JSON.parse(raw));
	} catch (err) {
		const details =
			err instanceof AppError ? err.errors.map((e) => `${e.path}: ${e.message}`).join('; ') : '';
		throw new Error(`seeds/${file} is not a valid list of demo claims. ${details}`, {
			cause: err
		});
	}
}

/**
 * The three demo documents with their claims, read from `seeds/` and checked against the
 * same input schemas as the API. Throws, naming the file and field, when a seed file is wrong.
 */
export function demoDocuments(): {
	sample: DemoDocument;
	second: DemoDocument;
	third: DemoDocument;
} {
	return {
		sample: {
			...split(sampleText),
			language: 'zh-Hant',
			source: 'seeds/sample-article.zh-Hant.txt',
			createdBy: 'lin',
			claims: claimsOf('sample-article.claims.json', sampleClaims)
		},
		second: {
			...split(secondText),
			language: 'zh-Hant',
			publisher: '嵐港日報',
			author: '許慧玲',
			publishedAt: new Date('2025-03-15T00:00:00Z'),
			source: 'seeds/second-article.zh-Hant.txt',
			createdBy: 'sam',
			claims: claimsOf('second-article.claims.json', secondClaims)
		},
		third: {
			...split(thirdText),
			language: 'en',
			publisher: 'The Harbourview Ledger',
			publishedAt: new Date('2025-04-10T00:00:00Z'),
			source: 'seeds/third-article.en.txt',
			createdBy: 'lin',
			claims: claimsOf('third-article.claims.json', thirdClaims)
		}
	};
}
