import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { admin } from './e2e-env';

export interface Person {
	email: string;
	name: string;
	password: string;
	roles: string[];
}

let counter = 0;

/** A new person with `roles`, made through the API as the admin. */
export async function createPerson(
	request: APIRequestContext,
	roles: string[],
	name = `Tester ${roles.join('+') || 'nobody'}`
): Promise<Person> {
	const login = await request.post('/api/v1/auth/login', { data: admin });
	expect(login.status()).toBe(200);
	const { token } = await login.json();
	const unique = `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
	const person = {
		email: `${roles.join('-') || 'none'}-${unique}@factmark.test`,
		name,
		password: `pass phrase ${unique}`,
		roles
	};
	const created = await request.post('/api/v1/users', {
		data: person,
		headers: { authorization: `Bearer ${token}` }
	});
	expect(created.status(), await created.text()).toBe(201);
	await request.post('/api/v1/auth/logout', { headers: { authorization: `Bearer ${token}` } });
	return person;
}

/** An Authorization header for `person`, from a fresh API token. */
export async function bearer(
	request: APIRequestContext,
	person: { email: string; password: string }
): Promise<{ authorization: string }> {
	const login = await request.post('/api/v1/auth/login', { data: person });
	expect(login.status()).toBe(200);
	return { authorization: `Bearer ${(await login.json()).token}` };
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, person: { email: string; password: string }) {
	await page.goto('/login', { waitUntil: 'networkidle' });
	await page.getByLabel(/email|電子郵件/i).fill(person.email);
	await page.getByLabel(/^(password|密碼)$/i).fill(person.password);
	await page.getByRole('button', { name: /^(sign in|登入)$/i }).click();
	await expect(page).not.toHaveURL(/\/login/);
	await page.waitForLoadState('networkidle');
}

/** Puts the caret `offset` characters into paragraph `index` of the source text. */
async function caret(page: Page, index: number, offset: number) {
	const paragraph = page.locator('.source p').nth(index);
	await paragraph.click({ position: { x: 2, y: 8 } });
	await page.keyboard.press('Home');
	for (let i = 0; i < offset; i++) {
		await page.keyboard.press('ArrowRight');
	}
}

/** Selects `length` characters from `offset` into paragraph `index`, by keyboard. */
export async function selectWithKeyboard(
	page: Page,
	index: number,
	offset: number,
	length: number
) {
	await caret(page, index, offset);
	for (let i = 0; i < length; i++) {
		await page.keyboard.press('Shift+ArrowRight');
	}
}

export const test = base.extend<{ editor: Person; reviewer: Person }>({
	editor: async ({ request }, use) => use(await createPerson(request, ['editor'])),
	reviewer: async ({ request }, use) => use(await createPerson(request, ['reviewer']))
});

export { admin, expect };
