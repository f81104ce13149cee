import AxeBuilder from '@axe-core/playwright';
import { admin, expect, signIn, test } from './fixtures';

// Each main screen, in both languages and on a phone: no accessibility violations, and a
// screenshot under test-results/screens for a person to look at.
for (const locale of ['en', 'zh-Hant']) {
	test(`the main screens in ${locale} pass axe`, async ({ browser, baseURL }) => {
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
		await page.goto('/documents');
		await look('documents');
		await page.goto('/settings');
		await look('settings');
		await page.goto('/fact-checks');
		await look('fact-checks');
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto('/admin/users');
		await look('admin-users-phone');
		await context.close();
	});
}
