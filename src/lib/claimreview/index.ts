import { localized } from '$lib/ratings';

/**
 * schema.org ClaimReview for a published claim, as fact-checkers publish it for search engines
 * and partner platforms (https://schema.org/ClaimReview). Pure: the caller gives what it knows.
 */

export interface Organisation {
	name: string;
	url: string;
	logo?: string | null;
}

export interface ReviewedClaim {
	id: string;
	exact: string;
	claimText: string;
	claimant: string;
	claimDate: string | null;
	rating: {
		key: string;
		labels: Record<string, string>;
		value: number | null;
		bestRating: number;
		worstRating: number;
	} | null;
}

export interface ReviewedDocument {
	slug: string;
	title: string;
	language: string;
	sourceUrl: string | null;
	sourcePublishedAt: string | null;
	/** When the version was published. */
	publishedAt: Date;
}

/** Where a claim's verdict is read: the fact-check page, at the claim's anchor. */
export function claimUrl(origin: string, slug: string, claimId: string): string {
	return `${origin}/fact-checks/${encodeURIComponent(slug)}#claim-${claimId}`;
}

/**
 * The ClaimReview of one claim. `locale` picks the rating's `alternateName` (the document's
 * language when the scale has it). A rating without a value (Unverifiable) is given by its
 * name alone, as schema.org allows.
 */
export function claimReview(
	document: ReviewedDocument,
	claim: ReviewedClaim,
	context: { origin: string; organisation: Organisation; locale: string }
) {
	const { organisation } = context;
	const rating = claim.rating;
	return {
		'@context': 'https://schema.org',
		'@type': 'ClaimReview',
		url: claimUrl(context.origin, document.slug, claim.id),
		claimReviewed: claim.claimText || claim.exact,
		datePublished: document.publishedAt.toISOString().slice(0, 10),
		inLanguage: document.language,
		author: {
			'@type': 'Organization',
			name: organisation.name,
			url: organisation.url,
			...(organisation.logo ? { logo: organisation.logo } : {})
		},
		...(rating && {
			reviewRating: {
				'@type': 'Rating',
				...(rating.value === null
					? {}
					: {
							ratingValue: rating.value,
							bestRating: rating.bestRating,
							worstRating: rating.worstRating
						}),
				alternateName: localized(rating.labels, context.locale)
			}
		}),
		itemReviewed: {
			'@type': 'Claim',
			...(claim.claimant ? { author: { '@type': 'Person', name: claim.claimant } } : {}),
			...(claim.claimDate ? { datePublished: claim.claimDate } : {}),
			...(document.sourceUrl
				? {
						appearance: {
							'@type': 'CreativeWork',
							url: document.sourceUrl,
							headline: document.title,
							...(document.sourcePublishedAt ? { datePublished: document.sourcePublishedAt } : {})
						}
					}
				: {})
		}
	};
}

/** Every ClaimReview in one schema.org DataFeed, as partner platforms ingest them. */
export function dataFeed(reviews: ReturnType<typeof claimReview>[], modified: Date) {
	return {
		'@context': 'https://schema.org',
		'@type': 'DataFeed',
		dateModified: modified.toISOString(),
		dataFeedElement: reviews.map(({ '@context': _context, ...review }) => review)
	};
}
