import {
	actions,
	can,
	permissions,
	roles,
	type Action,
	type Role
} from '../../src/lib/permissions';
import { createPerson, expect, test } from './fixtures';

// Every page behind sign-in, with the action that guards it. A page missing here fails the
// completeness test below, so a new page cannot ship without a rule.
const pages: Record<string, Action> = {
	'/documents': 'document.read',
	'/documents/new': 'document.create',
	'/review': 'review.queue',
	'/references': 'reference.read',
	'/search': 'document.read',
	'/admin/users': 'user.manage',
	'/admin/ratings': 'rating_scale.manage',
	'/admin/settings': 'settings.manage',
	'/notifications': 'account.manage',
	'/settings': 'account.manage'
};

test('the permission table names only known roles and every action has someone', () => {
	for (const action of actions) {
		const allowed: readonly string[] = permissions[action];
		expect(allowed.length).toBeGreaterThan(0);
		for (const role of allowed) {
			expect([...roles, 'none']).toContain(role);
		}
	}
});

test('every guarded page is in the table above', async () => {
	const { readdirSync, statSync } = await import('node:fs');
	const found: string[] = [];
	const walk = (dir: string, route: string) => {
		for (const entry of readdirSync(dir)) {
			const path = `${dir}/${entry}`;
			if (statSync(path).isDirectory()) {
				walk(path, `${route}/${entry}`);
			} else if (entry === '+page.server.ts') {
				found.push(route || '/');
			}
		}
	};
	walk('src/routes', '');
	const open = ['/', '/login', '/admin', '/fact-checks', '/api/docs'];
	const guarded = found.filter((route) => !open.includes(route) && !route.includes('['));
	expect(guarded.sort()).toEqual(Object.keys(pages).sort());
});

const combinations: Role[][] = [[], ...roles.map((role) => [role]), [...roles]];

for (const held of combinations) {
	test(`pages for someone with roles [${held.join(', ')}]`, async ({
		request,
		playwright,
		baseURL
	}) => {
		const person = await createPerson(request, held);
		const context = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
		await context.post('/api/v1/auth/login', {
			data: { email: person.email, password: person.password }
		});
		for (const [path, action] of Object.entries(pages)) {
			const response = await context.get(path);
			const expected = can(held, action) ? 200 : 403;
			expect(response.status(), `${path} (${action})`).toBe(expected);
		}
		await context.dispose();
	});
}

test('anonymous visitors are sent to sign in from every guarded page', async ({
	playwright,
	baseURL
}) => {
	const context = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
	for (const path of Object.keys(pages)) {
		const response = await context.get(path);
		expect(response.status(), path).toBe(303);
		expect(response.headers().location).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
	}
	expect((await context.get('/fact-checks')).status()).toBe(200);
	await context.dispose();
});
