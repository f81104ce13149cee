import { describe, expect, it } from 'vitest';
import { claimReview, dataFeed } from '$lib/claimreview';
import {
	findClaimReviews,
	jsonLdBlocks,
	mapClaimReview,
	readClaimReviews,
	type ExternalReview
} from '$lib/claimreview/parse';

/** A ClaimReview as a fact-checker publishes it on its article page (Google's documented shape). */
const published = {
	'@context': 'https://schema.org',
	'@type': 'ClaimReview',
	url: 'https://factcheck.example.tw/articles/10234',
	claimReviewed: '網傳「喝溫鹽水可以預防新冠病毒感染」',
	datePublished: '2025-02-14',
	inLanguage: 'zh-Hant-TW',
	author: {
		'@type': 'Organization',
		name: '台灣事實查核範例中心',
		url: 'https://factcheck.example.tw'
	},
	itemReviewed: {
		'@type': 'Claim',
		author: { '@type': 'Person', name: '網路流傳訊息', jobTitle: 'LINE 群組' },
		datePublished: '2025-02-10',
		appearance: [
			{ '@type': 'CreativeWork', url: 'https://social.example.com/posts/998877' },
			{ '@type': 'CreativeWork', url: 'https://social.example.com/posts/998878' }
		]
	},
	reviewRating: {
		'@type': 'Rating',
		ratingValue: '1',
		bestRating: '5',
		worstRating: '1',
		alternateName: '錯誤'
	}
};

function mapped(node: Record<string, unknown>): ExternalReview {
	const result = mapClaimReview(node);
	if (!result.ok) {
		throw new Error(`refused: ${result.reason}`);
	}
	return result.review;
}

describe('mapClaimReview', () => {
	it("keeps what claim matching needs from another fact-checker's ClaimReview", () => {
		expect(mapped(published)).toEqual({
			url: 'https://factcheck.example.tw/articles/10234',
			claimReviewed: '網傳「喝溫鹽水可以預防新冠病毒感染」',
			claimant: '網路流傳訊息',
			publisher: '台灣事實查核範例中心',
			ratingLabel: '錯誤',
			ratingValue: 1,
			bestRating: 5,
			worstRating: 1,
			language: 'zh-Hant-TW',
			datePublished: new Date('2025-02-14T00:00:00Z'),
			itemReviewedUrl: 'https://social.example.com/posts/998877',
			json: published
		});
	});

	it("reads Factmark's own ClaimReview back", () => {
		const ours = claimReview(
			{
				slug: 'ai-race',
				title: 'AI race',
				language: 'en',
				sourceUrl: 'https://news.example.org/ai',
				sourcePublishedAt: '2025-01-10',
				publishedAt: new Date('2025-02-01T08:00:00Z')
			},
			{
				id: '7d0c1d6e-6a8e-4c1b-9a57-8c4b7f2c1a10',
				exact: 'ranked first among open models',
				claimText: 'DeepSeek-V3 ranks first among open models',
				claimant: 'Observer',
				claimDate: '2025-01-08',
				rating: {
					key: 'mostly_true',
					labels: { en: 'Mostly true' },
					value: 5,
					bestRating: 6,
					worstRating: 1
				}
			},
			{
				origin: 'https://factmark.example',
				organisation: { name: 'Factmark Desk', url: 'https://factmark.example' },
				locale: 'en'
			}
		);
		expect(mapped(ours)).toMatchObject({
			url: 'https://factmark.example/fact-checks/ai-race#claim-7d0c1d6e-6a8e-4c1b-9a57-8c4b7f2c1a10',
			claimReviewed: 'DeepSeek-V3 ranks first among open models',
			claimant: 'Observer',
			publisher: 'Factmark Desk',
			ratingLabel: 'Mostly true',
			ratingValue: 5,
			bestRating: 6,
			worstRating: 1,
			language: 'en',
			itemReviewedUrl: 'https://news.example.org/ai'
		});
	});

	it('takes the publisher when there is no author, first appearances, and strings for things', () => {
		const review = mapped({
			'@type': 'ClaimReview',
			url: 'HTTPS://Checks.Example.org/a b',
			claimReviewed: '  A claim\u0000 with\n\ncontrol  characters  ',
			publisher: 'Checks Weekly',
			itemReviewed: {
				'@type': 'Claim',
				author: 'A senator',
				firstAppearance: 'https://tv.example/ep/4'
			},
			reviewRating: { '@type': 'Rating', name: 'Pants on Fire', ratingValue: 'n/a' },
			inLanguage: { '@type': 'Language', name: 'English', alternateName: 'en' },
			datePublished: '2024-11-05T18:30:00-05:00'
		});
		expect(review).toMatchObject({
			url: 'https://checks.example.org/a%20b',
			claimReviewed: 'A claim with control characters',
			claimant: 'A senator',
			publisher: 'Checks Weekly',
			ratingLabel: 'Pants on Fire',
			ratingValue: null,
			bestRating: null,
			language: 'en',
			datePublished: new Date('2024-11-05T23:30:00Z'),
			itemReviewedUrl: 'https://tv.example/ep/4'
		});
	});

	it('normalises text to NFC and drops what is not a language, a date or a web link', () => {
		const review = mapped({
			...published,
			claimReviewed: 'Cafe\u0301 prices doubled',
			inLanguage: 'not a language!',
			datePublished: 'last Tuesday',
			itemReviewed: { appearance: { url: 'javascript:alert(1)' } }
		});
		expect(review.claimReviewed).toBe('Café prices doubled');
		expect(review.language).toBe('');
		expect(review.datePublished).toBeNull();
		expect(review.itemReviewedUrl).toBe('');
	});

	it.each([
		['no url', { ...published, url: undefined }, 'no_url'],
		['a javascript: url', { ...published, url: 'javascript:alert(1)' }, 'bad_url'],
		['a relative url', { ...published, url: '/articles/1' }, 'bad_url'],
		['no claimReviewed', { ...published, claimReviewed: '' }, 'no_claim'],
		['a claimReviewed that is not text', { ...published, claimReviewed: { a: 1 } }, 'no_claim'],
		['a claimReviewed too long', { ...published, claimReviewed: 'x'.repeat(2_001) }, 'too_long']
	])('refuses %s', (_label, node, reason) => {
		expect(mapClaimReview(node)).toMatchObject({ ok: false, reason });
	});
});

describe('findClaimReviews', () => {
	const kinds = (input: unknown) =>
		findClaimReviews(input).map((found) =>
			found.kind === 'review'
				? `review:${String(found.node.url)}`
				: found.kind === 'other'
					? `other:${found.type}`
					: 'malformed'
		);
	const review = (n: number) => ({ '@type': 'ClaimReview', url: `https://x.example/${n}` });

	it('finds ClaimReviews alone, in arrays, in @graph, in feeds and under an article', () => {
		expect(kinds(review(1))).toEqual(['review:https://x.example/1']);
		expect(kinds([review(1), { '@type': 'Organization' }, review(2)])).toEqual([
			'review:https://x.example/1',
			'other:Organization',
			'review:https://x.example/2'
		]);
		expect(
			kinds({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite' }, review(3)] })
		).toEqual(['other:WebSite', 'review:https://x.example/3']);
		expect(
			kinds({
				'@type': 'DataFeed',
				dataFeedElement: [{ '@type': 'DataFeedItem', item: [review(4), review(5)] }, review(6)]
			})
		).toEqual([
			'review:https://x.example/4',
			'review:https://x.example/5',
			'review:https://x.example/6'
		]);
		expect(kinds({ '@type': 'NewsArticle', review: review(7) })).toEqual([
			'review:https://x.example/7'
		]);
		expect(kinds({ '@type': ['schema:ClaimReview'], url: 'https://x.example/8' })).toEqual([
			'review:https://x.example/8'
		]);
	});

	it("reads Factmark's own DataFeed", () => {
		const feed = dataFeed([{ ...published, url: 'https://a.example/1' } as never], new Date());
		expect(kinds(feed)).toEqual(['review:https://a.example/1']);
	});
});

describe('readClaimReviews', () => {
	const page = `<!doctype html><html lang="zh-Hant"><head>
<title>查核報告</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"範例中心"}</script>
<script type='application/ld+json'>{ not json </script>
<script type="application/ld+json" id="claim">
{"@context":"https://schema.org","@graph":[${JSON.stringify(published)}]}
</script>
<script>window.dataLayer = [];</script>
</head><body><p>……</p></body></html>`;

	it("reads every JSON-LD block of a page's HTML, reporting the malformed one", () => {
		expect(jsonLdBlocks(page)).toHaveLength(3);
		const read = readClaimReviews(page);
		expect('found' in read && read.found.map((found) => found.kind)).toEqual([
			'other',
			'malformed',
			'review'
		]);
	});

	it('reads JSON-LD pasted as it is', () => {
		const read = readClaimReviews(`\uFEFF  ${JSON.stringify([published, published])}`);
		expect('found' in read && read.found).toHaveLength(2);
	});

	it.each([
		['text that is neither', 'just some words'],
		['broken JSON', '{"@type": "ClaimReview",'],
		['HTML without JSON-LD', '<html><body><p>hi</p></body></html>']
	])('refuses %s, saying why', (_label, source) => {
		const read = readClaimReviews(source);
		expect('problem' in read && read.problem.length).toBeGreaterThan(10);
	});
});
