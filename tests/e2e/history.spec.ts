import type { APIRequestContext } from '@playwright/test';
import { origin } from './e2e-env';
import { bearer, createPerson, expect, type Person, signIn, test } from './fixtures';

test.use({ extraHTTPHeaders: { origin } });

const text = [
	'The councillor said the city had halved air pollution in five years.',
	'The environment bureau puts the fall in yearly PM2.5 at about a third.'
].join('\n\n');

/** A document with one claim on "halved air pollution", made through the API by `person`. */
async function seed(request: APIRequestContext, person: Person) {
	const headers = await bearer(request, person);
	const created = await request.post('/api/v1/documents', {
		headers,
		data: { title: `Air quality ${Date.now()}`, text, language: 'en' }
	});
	expect(created.status()).toBe(201);
	const document = await created.json();
	const claim = await request.post(`/api/v1/documents/${document.id}/claims`, {
		headers,
		data: {
			selector: [{ type: 'TextQuoteSelector', exact: 'halved air pollution' }],
			claimant: 'The mayor'
		}
	});
	expect(claim.status()).toBe(201);
	return { headers, document, claim: await claim.json() };
}

/** Changes a claim through the API with its current version; returns the claim as saved. */
async function patch(
	request: APIRequestContext,
	headers: Record<string, string>,
	claim: { id: string; version: number },
	data: object
) {
	const response = await request.patch(`/api/v1/claims/${claim.id}`, {
		headers: { ...headers, 'if-match': `"${claim.version}"` },
		data
	});
	expect(response.status(), await response.text()).toBe(200);
	return response.json();
}

test('the history shows the round, who did what, and what changed before and after', async ({
	browser,
	page,
	request
}) => {
	const editor = await createPerson(request, ['editor'], 'Sam Carter');
	const reviewer = await createPerson(request, ['reviewer'], '陳志明');
	const { headers, document, claim: created } = await seed(request, editor);

	let claim = await patch(request, headers, created, { rating: 'mixed' });
	claim = await patch(request, headers, claim, { claimant: 'Councillor Lee', rating: 'false' });
	const evidence = await request.post(`/api/v1/claims/${claim.id}/evidence`, {
		headers,
		data: { kind: 'link', url: 'https://example.org', stance: 'refutes' }
	});
	expect(evidence.status()).toBe(201);
	claim = await patch(request, headers, claim, {
		rationale: {
			type: 'doc',
			content: [
				{
					type: 'paragraph',
					content: [
						{ type: 'text', text: 'The bureau reports a fall of ' },
						{ type: 'text', text: 'about a third', marks: [{ type: 'bold' }] },
						{ type: 'text', text: ', not a half.' }
					]
				}
			]
		}
	});
	const submitted = await request.post(`/api/v1/documents/${document.id}/submit`, { headers });
	expect(submitted.status(), await submitted.text()).toBe(200);
	const decided = await request.post(`/api/v1/documents/${document.id}/review`, {
		headers: await bearer(request, reviewer),
		data: {
			decision: 'request_changes',
			comment: 'Needs a second source.',
			claimComments: [{ claimId: claim.id, body: 'Which table?' }]
		}
	});
	expect(decided.status(), await decided.text()).toBe(200);

	await signIn(page, editor);
	await page.goto(`/documents/${document.id}/history`, { waitUntil: 'networkidle' });
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(document.title);
	await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'en');
	const tabs = page.getByRole('navigation', { name: 'Document views' });
	await expect(tabs.getByRole('link', { name: 'History' })).toHaveAttribute('aria-current', 'page');
	await expect(tabs.getByRole('link', { name: 'Workspace' })).toHaveAttribute(
		'href',
		`/documents/${document.id}`
	);

	// The round: who submitted it, its outcome, the reviewer's decision and comment.
	const rounds = page.getByRole('region', { name: 'Review rounds' });
	await expect(rounds.getByRole('heading', { name: /Round 1/ })).toContainText('Changes requested');
	await expect(rounds).toContainText('submitted by Sam Carter');
	await expect(rounds).toContainText('陳志明 requested changes');
	await expect(rounds.locator('blockquote')).toHaveText('Needs a second source.');
	await expect(page.getByRole('region', { name: 'Published versions' })).toContainText(
		'Not published yet.'
	);

	// The activity, newest first, in sentences with names and times.
	const activity = page.getByRole('region', { name: 'Activity' });
	const entries = activity.locator('ol.activity > li');
	await expect(entries.first()).toContainText('陳志明 requested changes: “Needs a second source.”');
	await expect(entries.first()).toContainText('On claim 1: “Which table?”');
	await expect(entries.first().locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
	await expect(entries.nth(1)).toContainText('Sam Carter submitted it for review (round 1)');
	await expect(entries.nth(2)).toContainText('Sam Carter changed claim 1: rationale');
	await expect(activity).toContainText('Sam Carter added evidence to claim 1');
	await expect(activity).toContainText('Sam Carter marked claim 1');
	await expect(activity).toContainText('Sam Carter created the document');

	// The claimant and rating change: the sentence, then before and after in its details.
	const change = entries.filter({ hasText: 'changed claim 1: claimant and rating Mixed → False' });
	await expect(change).toHaveCount(1);
	await change.getByText('What changed').click();
	const claimant = change.getByRole('row').filter({ hasText: /claimant/i });
	await expect(claimant.getByRole('cell').nth(0)).toHaveText('The mayor');
	await expect(claimant.getByRole('cell').nth(1)).toHaveText('Councillor Lee');
	await expect(claimant.locator('del').first()).toBeVisible();
	await expect(claimant.locator('ins').first()).toBeVisible();
	const rating = change.getByRole('row').filter({ hasText: /rating/i });
	await expect(rating.locator('.rating')).toHaveText(['Mixed', 'False']);

	// The rationale, rendered as the server sanitised it.
	await entries.nth(2).getByText('What changed').click();
	await expect(entries.nth(2).locator('td strong')).toHaveText('about a third');

	await page.screenshot({ path: 'test-results/screens/history.en.png', fullPage: true });

	// A reviewer may read it too; a visitor who is not signed in is sent to sign in.
	const context = await browser.newContext({ extraHTTPHeaders: { origin } });
	const other = await context.newPage();
	await signIn(other, reviewer);
	await other.goto(`/documents/${document.id}/history`);
	await expect(other.getByRole('heading', { level: 1 })).toHaveText(document.title);
	await context.close();
	const anonymous = await browser.newContext();
	const visitor = await anonymous.newPage();
	await visitor.goto(`/documents/${document.id}/history`);
	await expect(visitor).toHaveURL(/\/login\?redirectTo=/);
	await anonymous.close();
});

test('the activity pages 50 entries at a time, without JavaScript', async ({
	browser,
	request
}) => {
	const editor = await createPerson(request, ['editor'], 'Pat Pager');
	const { headers, document, claim: created } = await seed(request, editor);
	let claim = created;
	// With the document's and the claim's creation, 54 entries: two pages.
	for (let i = 1; i <= 52; i++) {
		claim = await patch(request, headers, claim, { claimText: `Draft ${i}` });
	}
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, editor);
	await page.goto(`/documents/${document.id}/history`);
	const entries = page.locator('ol.activity > li');
	await expect(entries).toHaveCount(50);
	await expect(entries.first()).toContainText('Pat Pager changed claim 1: claim as checked');
	await expect(page.getByText('created the document')).toHaveCount(0);

	await page.getByRole('link', { name: 'Show older' }).click();
	await expect(page).toHaveURL(/\?before=\d+$/);
	await expect(entries).toHaveCount(4);
	await expect(entries.last()).toContainText('Pat Pager created the document');
	await expect(page.getByRole('link', { name: 'Show older' })).toHaveCount(0);
	await page.getByRole('link', { name: 'Back to the newest' }).click();
	await expect(entries).toHaveCount(50);

	const wrong = await page.goto(`/documents/${document.id}/history?before=x`);
	expect(wrong?.status()).toBe(400);
	const missing = await page.goto('/documents/00000000-0000-4000-8000-000000000000/history');
	expect(missing?.status()).toBe(404);
	await context.close();
});
