import * as v from 'valibot';
import type { Database } from '$lib/server/db';
import { externalClaimReview } from '$lib/server/db/schema';
import * as search from '$lib/server/search';
import raw from '../../../../seeds/other-fact-checks.json?raw';

const reference = v.strictObject({
	url: v.pipe(v.string(), v.url()),
	claimReviewed: v.pipe(v.string(), v.nonEmpty()),
	claimant: v.string(),
	publisher: v.string(),
	ratingLabel: v.string(),
	ratingValue: v.number(),
	bestRating: v.number(),
	worstRating: v.number(),
	language: v.string(),
	datePublished: v.pipe(v.string(), v.isoTimestamp()),
	itemReviewedUrl: v.pipe(v.string(), v.url())
});

/**
 * Stores the demo's ClaimReviews by other (fictional) fact-checkers, from
 * seeds/other-fact-checks.json, indexed for claim matching: the demo's English draft and the
 * text in review then show similar verdicts. Throws when the seed file is invalid.
 */
export async function seedReferences(tx: Database): Promise<void> {
	const items = v.parse(v.array(reference), JSON.parse(raw));
	const rows = await tx
		.insert(externalClaimReview)
		.values(
			items.map((item) => ({
				...item,
				datePublished: new Date(item.datePublished),
				// The ClaimReview as a partner's feed would carry it.
				json: {
					'@context': 'https://schema.org',
					'@type': 'ClaimReview',
					url: item.url,
					claimReviewed: item.claimReviewed,
					datePublished: item.datePublished,
					author: { '@type': 'Organization', name: item.publisher },
					itemReviewed: {
						'@type': 'Claim',
						author: { '@type': 'Person', name: item.claimant },
						appearance: { '@type': 'CreativeWork', url: item.itemReviewedUrl }
					},
					reviewRating: {
						'@type': 'Rating',
						ratingValue: item.ratingValue,
						bestRating: item.bestRating,
						worstRating: item.worstRating,
						alternateName: item.ratingLabel
					}
				}
			}))
		)
		.onConflictDoNothing({ target: externalClaimReview.url })
		.returning({ id: externalClaimReview.id });
	await search.indexExternal(
		tx,
		rows.map((row) => row.id)
	);
}
