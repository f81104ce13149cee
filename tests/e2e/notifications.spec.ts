import AxeBuilder from '@axe-core/playwright';
import { origin } from './e2e-env';
import { bearer, createPerson, expect, signIn, test } from './fixtures';

test.use({ extraHTTPHeaders: { origin } });

test('a mention shows on the bell, opens the claim and is marked read', async ({
	page,
	request
}) => {
	const ann = await createPerson(request, ['editor'], `Ann ${Date.now().toString(36)}`);
	const bea = await createPerson(request, ['editor'], `Bea ${Date.now().toString(36)}`);
	const headers = await bearer(request, ann);
	const title = `Budget story ${Date.now()}`;
	const document = await (
		await request.post('/api/v1/documents', {
			headers,
			data: { title, text: 'The deficit halved in two years.', language: 'en' }
		})
	).json();
	const created = await request.post(`/api/v1/documents/${document.id}/claims`, {
		headers,
		data: { selector: [{ type: 'TextQuoteSelector', exact: 'The deficit halved' }] }
	});
	expect(created.status(), await created.text()).toBe(201);
	const claim = await created.json();
	const mention = async (body: string) => {
		const response = await request.post(`/api/v1/claims/${claim.id}/comments`, {
			headers,
			data: { body }
		});
		expect(response.status(), await response.text()).toBe(201);
	};
	await mention(`@${bea.name} please check`);

	await signIn(page, bea);
	const bell = page.getByRole('banner').getByRole('link', { name: /^Notifications/ });
	await expect(bell).toHaveAccessibleName('Notifications, 1 unread');
	await expect(bell).toHaveText('1');
	await page.screenshot({
		path: 'test-results/screens/header-bell.en.png',
		clip: { x: 0, y: 0, width: 1280, height: 80 }
	});

	await bell.click();
	await expect(page).toHaveURL('/notifications');
	const list = page.getByRole('region', { name: 'Notifications' });
	const item = list.getByRole('listitem').filter({ hasText: title });
	await expect(item).toContainText(`${ann.name} mentioned you on a claim in “${title}”`);
	await expect(item).toContainText(`@${bea.name} please check`);
	await expect(item.locator('blockquote')).toHaveText('The deficit halved');
	await expect(item.getByText('Unread:')).toBeAttached();
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	await page.screenshot({ path: 'test-results/screens/notifications.en.png', fullPage: true });

	await item.getByRole('button', { name: 'Open' }).click();
	await expect(page).toHaveURL(`/documents/${document.id}?claim=${claim.id}#card-${claim.id}`);
	await expect(bell).toHaveAccessibleName('Notifications');
	await expect(bell).toHaveText('');

	// Two more mentions, then all of them read at once.
	await mention(`@${bea.name} and this`);
	await mention(`@${bea.name} and that`);
	await page.goto('/notifications');
	await expect(bell).toHaveAccessibleName('Notifications, 2 unread');
	await expect(list.getByText('Unread:')).toHaveCount(2);
	await page.getByRole('button', { name: 'Mark all as read' }).click();
	await expect(page.getByRole('status')).toHaveText('All notifications are marked as read.');
	await expect(list.getByText('Unread:')).toHaveCount(0);
	await expect(bell).toHaveAccessibleName('Notifications');
	await expect(page.getByRole('button', { name: 'Mark all as read' })).toHaveCount(0);
	await page.screenshot({ path: 'test-results/screens/notifications-read.en.png', fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({
		path: 'test-results/screens/notifications-phone.en.png',
		fullPage: true
	});
});

test('the bell and the page work without JavaScript, and in Chinese', async ({
	browser,
	baseURL,
	request
}) => {
	const ann = await createPerson(request, ['reviewer'], `安 ${Date.now().toString(36)}`);
	const bea = await createPerson(request, ['editor'], `貝 ${Date.now().toString(36)}`);
	const editorHeaders = await bearer(request, bea);
	const title = `預算 ${Date.now()}`;
	const document = await (
		await request.post('/api/v1/documents', {
			headers: editorHeaders,
			data: { title, text: '赤字在兩年內減半。', language: 'zh-Hant' }
		})
	).json();
	const claim = await (
		await request.post(`/api/v1/documents/${document.id}/claims`, {
			headers: editorHeaders,
			data: { selector: [{ type: 'TextQuoteSelector', exact: '赤字在兩年內減半' }] }
		})
	).json();
	const comment = await request.post(`/api/v1/claims/${claim.id}/comments`, {
		headers: await bearer(request, ann),
		data: { body: `@${bea.name} 請查證` }
	});
	expect(comment.status(), await comment.text()).toBe(201);

	const context = await browser.newContext({ javaScriptEnabled: false });
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'zh-Hant', url: baseURL ?? '' }]);
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('電子郵件').fill(bea.email);
	await page.getByLabel('密碼', { exact: true }).fill(bea.password);
	await page.getByRole('button', { name: '登入' }).click();
	const bell = page.getByRole('banner').getByRole('link', { name: /^通知/ });
	await expect(bell).toHaveAccessibleName('通知，1 則未讀');
	await bell.click();
	await expect(page.getByRole('region', { name: '通知' }).getByRole('listitem')).toContainText(
		`${ann.name} 在「${title}」的一則主張中提到了你`
	);
	await page.screenshot({ path: 'test-results/screens/notifications.zh-Hant.png', fullPage: true });
	await page.getByRole('button', { name: '開啟' }).click();
	await expect(page).toHaveURL(`/documents/${document.id}?claim=${claim.id}#card-${claim.id}`);
	await expect(bell).toHaveAccessibleName('通知');
	await context.close();
});
