import { expect, test, type Browser, type Page } from '@playwright/test';
import { addPerson, signIn as apiSignIn, type Api } from '../harness/api.js';
import { App, admin } from '../harness/app.js';
import { freshDatabase } from '../harness/postgres.js';
import { signIn } from '../e2e/fixtures';

// The collaboration server restarted while two editors work on one text. /collab keeps no
// document of its own — claims are records in PostgreSQL, written through the API and
// committed before they are acknowledged; the socket carries presence and announcements — so
// there is no debounce to lose: every acknowledged change survives, even a SIGKILL, and each
// workspace, reconnecting by itself, reads again what it missed and converges, keeping what
// its editor typed and had not saved.

const text = [
	'The minister said unemployment fell to 3% in the spring.',
	'Exports grew by a fifth, the customs office reported.',
	'Inflation was the lowest in a decade, according to the bank.'
].join('\n\n');

let app: App;
let dropDatabase = async () => {};

test.afterAll(async () => {
	await app?.dispose();
	await dropDatabase();
});

async function workspace(
	browser: Browser,
	person: { email: string; password: string },
	id: string
) {
	const page = await (await browser.newContext({ baseURL: app.base })).newPage();
	await signIn(page, person);
	await page.goto(`/documents/${id}`, { waitUntil: 'networkidle' });
	await expect(live(page)).toBeVisible();
	return page;
}

const live = (page: Page) => page.getByRole('status').filter({ hasText: /\bLive\b|Back online/ });

const claimOn = (editor: Api, id: string, exact: string) =>
	editor.ok('POST', `documents/${id}/claims`, {
		selector: [{ type: 'TextQuoteSelector', exact }]
	});

test('the collaboration server restarted during editing: nothing acknowledged is lost, and workspaces resync', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const shared = process.env.TEST_DATABASE_URL;
	const database = shared ? await freshDatabase(shared) : null;
	dropDatabase = async () => database?.drop();
	app = new App({ quiet: true, env: database ? { DATABASE_URL: database.url } : {} });
	await app.start();
	const asAdmin = await apiSignIn(app.base, admin);
	const ann = await addPerson(asAdmin, ['editor'], 'Ann');
	const bo = await addPerson(asAdmin, ['editor'], 'Bo');
	const boApi = await apiSignIn(app.base, bo);
	const doc = await boApi.ok('POST', 'documents', { title: 'Restarted', text, language: 'en' });
	const first = await claimOn(boApi, doc.id, 'unemployment fell to 3%');

	const a = await workspace(browser, ann, doc.id);
	const b = await workspace(browser, bo, doc.id);
	await expect(a.getByRole('list', { name: 'Also here' })).toContainText(bo.name);

	// Ann types in claim 1's card and does not save.
	await a.getByRole('button', { name: /^Claim 1/ }).click();
	await a.getByLabel('Claim, as checked').fill('Unemployment fell to 3%, typed before the restart');

	for (const how of ['stop', 'kill'] as const) {
		// A change acknowledged just before the server goes: the workspaces have read it first.
		// SvelteKit reloads a page whose data it cannot read, so a stop or a crash in the middle
		// of that read would take the page (the workspace reads through invalidateAll: left as
		// it is, see the note).
		await claimOn(boApi, doc.id, how === 'stop' ? 'Exports grew by a fifth' : 'lowest in a decade');
		for (const page of [a, b]) {
			await expect(page.locator('.claim[data-claims]')).toHaveCount(how === 'stop' ? 2 : 3);
		}
		await (how === 'stop' ? app.stop() : app.kill());
		for (const page of [a, b]) {
			await expect(page.getByRole('status').filter({ hasText: 'reconnecting' })).toBeVisible();
		}
		await app.start();
		// Changes made after the restart, before the workspaces are back: only catching up shows them.
		const again = await apiSignIn(app.base, bo);
		const claims = (await again.ok('GET', `documents/${doc.id}/claims`)).items;
		await again.ok('POST', `claims/${first.id}/comments`, {
			body: `Checked again after the ${how === 'stop' ? 'restart' : 'crash'}.`
		});
		for (const page of [a, b]) {
			await expect(live(page)).toBeVisible({ timeout: 30_000 });
			await expect(page.locator('.claim[data-claims]')).toHaveCount(claims.length);
		}
	}
	// The card Ann has open read its discussion again, and what she typed is still there.
	for (const after of ['restart', 'crash']) {
		await expect(a.getByText(`Checked again after the ${after}.`)).toBeVisible();
	}
	// Presence is back.
	await expect(a.getByRole('list', { name: 'Also here' })).toContainText(bo.name);
	await expect(b.getByRole('list', { name: 'Also here' })).toContainText(ann.name);
	await expect(a.getByLabel('Claim, as checked')).toHaveValue(
		'Unemployment fell to 3%, typed before the restart'
	);
	await a.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(a.getByText('Saved.')).toBeVisible();
	// Announcements flow again: Bo sees Ann's save without reloading.
	await b.getByRole('button', { name: /^Claim 1/ }).click();
	await expect(b.getByLabel('Claim, as checked')).toHaveValue(
		'Unemployment fell to 3%, typed before the restart'
	);

	// Everything acknowledged is stored: three claims, two comments, the saved text.
	const asBo = await apiSignIn(app.base, bo);
	const { items } = await asBo.ok('GET', `documents/${doc.id}/claims`);
	expect(items).toHaveLength(3);
	const { items: comments } = await asBo.ok('GET', `claims/${first.id}/comments`);
	expect(comments).toHaveLength(2);
	expect((await asBo.ok('GET', `claims/${first.id}`)).claimText).toBe(
		'Unemployment fell to 3%, typed before the restart'
	);
	for (const page of [a, b]) {
		await page.context().close();
	}
});
