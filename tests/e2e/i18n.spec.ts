import { expect, signIn, test } from './fixtures';

test('the language switch shows the Chinese interface and remembers it', async ({
	page,
	editor
}) => {
	await signIn(page, editor);
	await page.getByRole('button', { name: '繁體中文' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('文件');
	const nav = page.getByRole('navigation', { name: '主選單' });
	await expect(nav.getByRole('link')).toHaveText(['文件', '搜尋', '其他查核', '公開網站']);

	await page.getByRole('link', { name: '公開網站' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('查核報告');
	await page.getByRole('button', { name: '登出' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('登入 Factmark');

	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Factmark');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a browser that prefers Chinese gets Chinese from the start', async ({ browser }) => {
	const context = await browser.newContext({
		locale: 'zh-TW',
		extraHTTPHeaders: { 'accept-language': 'zh-Hant-TW,zh;q=0.9' }
	});
	const page = await context.newPage();
	await page.goto('/login');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('登入 Factmark');
	await context.close();
});
