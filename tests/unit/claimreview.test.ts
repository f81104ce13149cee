import { describe, expect, it } from 'vitest';
import { claimReview, claimUrl, dataFeed } from '$lib/claimreview';

const document = {
	slug: 'ai-progress',
	title: '美媒納悶:晶片限制下 中國如何在AI領域取得巨大進展?',
	language: 'zh-Hant',
	sourceUrl: 'https://example.org/story',
	sourcePublishedAt: '2025-01-10',
	publishedAt: new Date('2025-02-01T08:00:00Z')
};
const claim = {
	id: '7d0c1d6e-6a8e-4c1b-9a57-8c4b7f2c1a10',
	exact: '成爲前十名中唯一的開源國產模型',
	claimText: 'DeepSeek-V3 是前十名中唯一的開源模型',
	claimant: '觀察者網',
	claimDate: '2025-01-08',
	rating: {
		key: 'mostly_true',
		labels: { en: 'Mostly true', 'zh-Hant': '大致正確' },
		value: 5,
		bestRating: 6,
		worstRating: 1
	}
};
const context = {
	origin: 'https://factmark.example',
	organisation: { name: 'Factmark Desk', url: 'https://factmark.example' },
	locale: 'zh-Hant'
};

describe('ClaimReview', () => {
	it('maps a rated claim with every field search engines read', () => {
		expect(claimReview(document, claim, context)).toEqual({
			'@context': 'https://schema.org',
			'@type': 'ClaimReview',
			url: `https://factmark.example/fact-checks/ai-progress#claim-${claim.id}`,
			claimReviewed: claim.claimText,
			datePublished: '2025-02-01',
			inLanguage: 'zh-Hant',
			author: { '@type': 'Organization', name: 'Factmark Desk', url: 'https://factmark.example' },
			reviewRating: {
				'@type': 'Rating',
				ratingValue: 5,
				bestRating: 6,
				worstRating: 1,
				alternateName: '大致正確'
			},
			itemReviewed: {
				'@type': 'Claim',
				author: { '@type': 'Person', name: '觀察者網' },
				datePublished: '2025-01-08',
				appearance: {
					'@type': 'CreativeWork',
					url: 'https://example.org/story',
					headline: document.title,
					datePublished: '2025-01-10'
				}
			}
		});
	});

	it('names a rating without a value, and falls back to the quote and English', () => {
		const unverifiable = {
			...claim,
			claimText: '',
			claimant: '',
			claimDate: null,
			rating: { ...claim.rating, key: 'unverifiable', value: null, labels: { en: 'Unverifiable' } }
		};
		const review = claimReview({ ...document, sourceUrl: null }, unverifiable, context);
		expect(review.claimReviewed).toBe(claim.exact);
		expect(review.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unverifiable' });
		expect(review.itemReviewed).toEqual({ '@type': 'Claim' });
	});

	it('escapes the slug in the URL and gathers reviews in a DataFeed', () => {
		expect(claimUrl('https://x.example', 'a b', 'id')).toBe(
			'https://x.example/fact-checks/a%20b#claim-id'
		);
		const feed = dataFeed(
			[claimReview(document, claim, context)],
			new Date('2025-02-02T00:00:00Z')
		);
		expect(feed['@type']).toBe('DataFeed');
		expect(feed.dataFeedElement[0]).not.toHaveProperty('@context');
		expect(feed.dataFeedElement[0]['@type']).toBe('ClaimReview');
	});
});
