import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Browser } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { origin } from './e2e-env';
import { createPerson, expect, test, type Person } from './fixtures';

test.use({ extraHTTPHeaders: { origin } });

async function bearer(request: APIRequestContext, person: Person) {
	const login = await request.post('/api/v1/auth/login', { data: person });
	return { authorization: `Bearer ${(await login.json()).token}` };
}

/**
 * A fact-check published through the API, as public-api.spec.ts makes one: the Chinese sample
 * article with two rated claims (one with a rationale, evidence and a claimant whose name has
 * a '<' in it, so the JSON-LD's escaping is tried), and a draft that stays unpublished.
 */
async function publish(request: APIRequestContext, title: string) {
	const editor = await createPerson(request, ['editor'], 'Pages Editor');
	const reviewer = await createPerson(request, ['reviewer'], 'Pages Reviewer');
	const headers = await bearer(request, editor);
	const [, ...body] = (await readFile('seeds/sample-article.zh-Hant.txt', 'utf8')).split('\n');
	const make = async (name: string) => {
		const response = await request.post('/api/v1/documents', {
			headers,
			data: {
				title: name,
				text: body.join('\n'),
				language: 'zh-Hant',
				sourceUrl: 'https://example.org/story'
			}
		});
		expect(response.status(), await response.text()).toBe(201);
		return (await response.json()).id as string;
	};
	const id = await make(title);
	const draft = await make(`${title} draft`);
	const claim = async (exact: string, data: Record<string, unknown>) => {
		const created = await request.post(`/api/v1/documents/${id}/claims`, {
			headers,
			data: { selector: [{ type: 'TextQuoteSelector', exact }], claimant: data.claimant }
		});
		expect(created.status(), await created.text()).toBe(201);
		const made = await created.json();
		// The claim's version as it is now, read back (anchoring may have moved it on).
		const read = await request.get(`/api/v1/claims/${made.id}`, { headers });
		const rated = await request.patch(`/api/v1/claims/${made.id}`, {
			headers: { ...headers, 'if-match': read.headers().etag },
			data: { rating: data.rating, rationale: data.rationale }
		});
		expect(rated.status(), await rated.text()).toBe(200);
		return made.id as string;
	};
	const rationale = {
		type: 'doc',
		content: [
			{ type: 'paragraph', content: [{ type: 'text', text: '騰訊的公告證實了這項發布。' }] }
		]
	};
	const first = await claim('騰訊推出了大語言模型Hunyuan-Large', {
		claimant: '觀察者網 <編輯部>',
		rating: 'true',
		rationale
	});
	const second = await claim('DeepSeek-V3在開源模型中排名第一', {
		rating: 'mostly_false',
		rationale
	});
	const refuting = await request.post(`/api/v1/claims/${second}/evidence`, {
		headers,
		data: { kind: 'statement', quote: '排行榜顯示另一個模型領先。', stance: 'refutes' }
	});
	expect(refuting.status(), await refuting.text()).toBe(201);
	const evidence = await request.post(`/api/v1/claims/${first}/evidence`, {
		headers,
		data: {
			kind: 'link',
			url: 'https://example.org/tencent',
			title: '騰訊新聞稿',
			publisher: '騰訊',
			quote: '騰訊發布Hunyuan-Large',
			stance: 'supports'
		}
	});
	expect(evidence.status(), await evidence.text()).toBe(201);
	const submitted = await request.post(`/api/v1/documents/${id}/submit`, { headers });
	expect(submitted.status(), await submitted.text()).toBe(200);
	const review = await bearer(request, reviewer);
	await request.post(`/api/v1/documents/${id}/review`, {
		headers: review,
		data: { decision: 'approve' }
	});
	const done = await request.post(`/api/v1/documents/${id}/publish`, { headers: review, data: {} });
	expect(done.status(), await done.text()).toBe(201);
	const slug = ((await done.json()).url as string).split('/').pop() ?? '';
	const draftSlug = (await (await request.get(`/api/v1/documents/${draft}`, { headers })).json())
		.slug as string;
	return { slug, draftSlug, claims: [first, second] };
}

/** An anonymous reader's browser in the UI language `locale`, with JavaScript off unless asked. */
async function reader(browser: Browser, locale: string, javaScriptEnabled = false) {
	const context = await browser.newContext({ javaScriptEnabled });
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: origin }]);
	return context;
}

/** axe runs inside the page, so it needs JavaScript: it looks in a context of its own. */
async function noViolations(browser: Browser, locale: string, path: string) {
	const context = await reader(browser, locale, true);
	const page = await context.newPage();
	await page.goto(path);
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations.map((v) => `${path}: ${v.id}: ${v.help}`)).toEqual([]);
	await context.close();
}

test('an anonymous reader without JavaScript finds and reads a published fact-check', async ({
	request,
	browser
}) => {
	test.slow(); // several pages, each checked with axe
	// ASCII titles: a slug with Chinese in it makes the publish endpoint's Location header fail
	// (reported); the text itself is Chinese.
	const title = `Public pages ${Date.now()}`;
	const { slug, draftSlug, claims } = await publish(request, title);
	const context = await reader(browser, 'en');
	const page = await context.newPage();

	await page.goto('/fact-checks');
	await expect(page.getByRole('link', { name: title })).toBeVisible();
	await page.getByRole('searchbox', { name: 'Search fact-checks' }).fill(title);
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page).toHaveURL(/[?&]q=/);
	await expect(page.getByRole('link', { name: title })).toHaveAttribute('lang', 'zh-Hant');
	await page.getByRole('searchbox', { name: 'Search fact-checks' }).fill('no such words at all');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page.getByText('No published fact-check matches this search.')).toBeVisible();

	await page.goto(`/fact-checks/${slug}`);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.locator('article.fact-check')).toHaveAttribute('lang', 'zh-Hant');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	const mark = page.locator(`mark#claim-${claims[0]}-text`);
	await expect(mark).toHaveText('騰訊推出了大語言模型Hunyuan-Large');
	// The rating is said in words beside the mark, and leads to the verdict.
	await expect(page.getByRole('link', { name: 'Verdict on claim 1: True' })).toHaveAttribute(
		'href',
		`#claim-${claims[0]}`
	);
	const verdict = page.locator(`article#claim-${claims[0]}`);
	await expect(verdict).toContainText('True');
	await expect(verdict).toContainText('觀察者網 <編輯部>');
	await expect(verdict).toContainText('騰訊的公告證實了這項發布。');
	await expect(verdict).toContainText('Supports the claim');
	await expect(verdict.getByRole('link', { name: '騰訊新聞稿' })).toHaveAttribute(
		'rel',
		'nofollow noopener noreferrer'
	);
	await expect(verdict).toContainText('騰訊發布Hunyuan-Large');
	await expect(page.locator(`article#claim-${claims[1]}`)).toContainText('Mostly false');
	await expect(verdict.getByRole('link', { name: 'Next claim' })).toHaveAttribute(
		'href',
		`#claim-${claims[1]}`
	);
	await expect(page.getByText('Pages Reviewer')).toBeVisible();

	const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
	expect(blocks).toHaveLength(claims.length);
	const reviews = blocks.map((block) => JSON.parse(block));
	for (const [i, review] of reviews.entries()) {
		expect(review['@type']).toBe('ClaimReview');
		expect(review.claimReviewed).toBeTruthy();
		expect(review.reviewRating.alternateName).toBeTruthy();
		expect(review.url).toMatch(new RegExp(`#claim-${claims[i]}$`));
		expect(review.author.name).toBeTruthy();
	}
	expect(reviews[0].itemReviewed.author.name).toBe('觀察者網 <編輯部>');
	expect(blocks[0]).not.toContain('<');
	await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');

	await page.goto(`/fact-checks/${slug}#claim-${claims[1]}`);
	await expect(page.locator(`article#claim-${claims[1]}`)).toBeInViewport();

	const missing = await page.goto(`/fact-checks/${draftSlug}`);
	expect(missing?.status()).toBe(404);
	await context.close();
	await noViolations(browser, 'en', '/fact-checks');
	await noViolations(browser, 'en', `/fact-checks/${slug}`);
});

test('the fact-check page in Chinese on a desktop and a phone', async ({ request, browser }) => {
	test.slow(); // axe on two pages, and two full-page screenshots
	const { slug } = await publish(request, `AI chips ${Date.now()}`);
	await noViolations(browser, 'zh-Hant', `/fact-checks/${slug}`);
	await noViolations(browser, 'zh-Hant', '/fact-checks');
	const context = await reader(browser, 'zh-Hant');
	const page = await context.newPage();
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto(`/fact-checks/${slug}`);
	await expect(page.getByRole('heading', { name: '查核結果' })).toBeVisible();
	await page.screenshot({ path: 'test-results/screens/fact-check.zh-Hant.png', fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({
		path: 'test-results/screens/fact-check-phone.zh-Hant.png',
		fullPage: true
	});
	await context.close();
});
