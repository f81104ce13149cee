import AxeBuilder from '@axe-core/playwright';
import { origin } from './e2e-env';
import { admin, expect, signIn, test } from './fixtures';

// Each main screen, in both languages and on a phone: no accessibility violations, and a
// screenshot under test-results/screens for a person to look at.
for (const locale of ['en', 'zh-Hant']) {
	test(`the main screens in ${locale} pass axe`, async ({ browser, baseURL }) => {
		// Many pages, each checked by axe: slow on a busy machine.
		test.slow();
		const context = await browser.newContext();
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL ?? '' }]);
		const page = await context.newPage();
		const look = async (name: string) => {
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
			await page.screenshot({ path: `test-results/screens/${name}.${locale}.png`, fullPage: true });
		};
		await page.goto('/login');
		await look('login');
		await signIn(page, admin);
		await look('admin-users');
		await page.goto('/admin/ratings');
		await look('admin-ratings');
		await page.goto('/documents');
		await look('documents');
		await page.goto('/settings');
		await look('settings');
		await page.goto('/notifications');
		await look('notifications-empty');
		await page.goto('/fact-checks');
		await look('fact-checks');
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto('/admin/users');
		await look('admin-users-phone');
		await page.goto('/admin/ratings');
		await look('admin-ratings-phone');
		await context.close();
	});
}

for (const locale of ['en', 'zh-Hant']) {
	test(`the workspace with overlapping claims in ${locale} passes axe`, async ({
		browser,
		baseURL,
		playwright,
		editor
	}) => {
		const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin } });
		await api.post('/api/v1/auth/login', { data: editor });
		const text = await import('node:fs/promises').then((fs) =>
			fs.readFile('seeds/sample-article.zh-Hant.txt', 'utf8')
		);
		const [title, ...body] = text.split('\n');
		const created = await (
			await api.post('/api/v1/documents', {
				data: { title, text: body.join('\n'), language: 'zh-Hant' }
			})
		).json();
		const quotes = [
			{ exact: '騰訊推出了大語言模型Hunyuan-Large' },
			// Nested in the first, told apart from its look-alikes by its context.
			{ exact: '大語言模型', prefix: '騰訊推出了', suffix: 'Hunyuan' },
			{ exact: 'DeepSeek-V3在開源模型中排名第一' }
		];
		for (const quote of quotes) {
			const response = await api.post(`/api/v1/documents/${created.id}/claims`, {
				data: { selector: [{ type: 'TextQuoteSelector', ...quote }] }
			});
			expect(response.status(), await response.text()).toBe(201);
		}
		await api.dispose();
		const context = await browser.newContext();
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL ?? '' }]);
		const page = await context.newPage();
		await signIn(page, editor);
		await page.goto(`/documents/${created.id}`);
		await expect(page.locator('.source [data-claim]')).not.toHaveCount(0);
		await page.locator('.source [data-claim]').first().click();
		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		await page.screenshot({ path: `test-results/screens/workspace.${locale}.png` });
		await context.close();
	});
}
