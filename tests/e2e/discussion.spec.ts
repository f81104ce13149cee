import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { origin } from './e2e-env';
import { bearer, createPerson, expect, signIn, test } from './fixtures';

test.use({ extraHTTPHeaders: { origin } });

/** Opens the workspace of `documentId` and the first claim's card; gives its discussion. */
async function openDiscussion(page: Page, documentId: string) {
	await page.goto(`/documents/${documentId}`, { waitUntil: 'networkidle' });
	const card = page.getByRole('complementary', { name: 'Claims' }).getByRole('article').first();
	await card.getByRole('button', { name: 'Claim 1' }).click();
	const discussion = card.getByRole('region', { name: /^Discussion/ });
	await expect(discussion.getByRole('heading', { level: 4 })).toHaveText(/^Discussion \(\d+\)$/);
	return discussion;
}

/**
 * With the list open, moves down to `name` with the arrow keys and takes it with `key`. Others
 * may share the first letters (other tests' people live in the same database).
 */
async function pick(page: Page, box: Locator, name: string, key: 'Enter' | 'Tab') {
	const list = page.getByRole('listbox', { name: 'People to mention' });
	await expect(list.getByRole('option', { name, exact: true })).toBeVisible();
	const names = (await list.getByRole('option').allTextContents()).map((text) => text.trim());
	for (let i = 0; i < names.indexOf(name); i++) {
		await page.keyboard.press('ArrowDown');
	}
	const option = list.getByRole('option', { name, exact: true });
	await expect(option).toHaveAttribute('aria-selected', 'true');
	await expect(box).toHaveAttribute(
		'aria-activedescendant',
		(await option.getAttribute('id')) ?? ''
	);
	await page.keyboard.press(key);
}

test('editors discuss a claim: mention with the keyboard, reply, edit, delete', async ({
	page,
	request,
	browser
}) => {
	const unique = Math.random().toString(36).slice(2, 6);
	const avery = await createPerson(request, ['editor'], `Avery Lin ${unique}`);
	const beatrix = await createPerson(request, ['editor'], `Beatrix Quill ${unique}`);
	const wang = await createPerson(request, ['reviewer'], `王小明 ${unique}`);
	const headers = await bearer(request, avery);
	const created = await request.post('/api/v1/documents', {
		headers,
		data: {
			title: `Budget ${Date.now()}`,
			text: 'The deficit halved in two years, the minister said.',
			language: 'en'
		}
	});
	expect(created.status(), await created.text()).toBe(201);
	const document = await created.json();
	const claim = await request.post(`/api/v1/documents/${document.id}/claims`, {
		headers,
		data: { selector: [{ type: 'TextQuoteSelector', exact: 'The deficit halved' }] }
	});
	expect(claim.status(), await claim.text()).toBe(201);

	await signIn(page, avery);
	const discussion = await openDiscussion(page, document.id);
	await expect(discussion.getByRole('heading', { level: 4 })).toHaveText('Discussion (0)');
	await expect(discussion.getByText('No comments yet.')).toBeVisible();

	// `@` and the first letters of a name open the list; the keyboard picks from it.
	const box = discussion.getByRole('textbox', { name: 'Add a comment' });
	const list = discussion.getByRole('listbox', { name: 'People to mention' });
	await box.click();
	await page.keyboard.type('Sources, please.\n@be');
	await expect(list).toBeVisible();
	await expect(list.getByRole('option', { name: beatrix.name })).toBeVisible();
	await expect(list.getByRole('option', { name: avery.name })).toHaveCount(0);
	await page.keyboard.type('a');
	// Down then up again lands where it started, wrapping when there is one person.
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowUp');
	await expect(list.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
	const axe = await new AxeBuilder({ page }).include('.discussion').analyze();
	expect(axe.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.html}`))).toEqual([]);
	// The list overflows the region: the picture takes both.
	const [area, popup] = [await discussion.boundingBox(), await list.boundingBox()];
	if (area && popup) {
		const bottom = Math.max(area.y + area.height, popup.y + popup.height);
		await page.screenshot({
			path: 'test-results/screens/discussion-autocomplete.en.png',
			clip: { x: area.x - 8, y: area.y - 8, width: area.width + 16, height: bottom - area.y + 16 }
		});
	}
	await pick(page, box, beatrix.name, 'Enter');
	await expect(box).toHaveValue(`Sources, please.\n@${beatrix.name} `);
	await expect(list).toBeHidden();
	await expect(list).toBeHidden();
	await page.keyboard.type('can you check the 2021 figure?');

	// A refusal shows beside the form that was sent, which keeps what was written.
	const comments = '**/api/v1/claims/*/comments';
	await page.route(comments, (route) =>
		route.request().method() === 'POST'
			? route.fulfill({
					status: 503,
					contentType: 'application/problem+json',
					body: JSON.stringify({ title: 'Service Unavailable', status: 503, detail: 'Try later.' })
				})
			: route.fallback()
	);
	await page.keyboard.press('Control+Enter');
	const refusal = discussion
		.locator('form')
		.filter({ has: page.getByRole('textbox', { name: 'Add a comment' }) })
		.getByRole('alert');
	await expect(refusal).toHaveText('Try later.');
	await expect(box).toHaveValue(
		`Sources, please.\n@${beatrix.name} can you check the 2021 figure?`
	);
	await page.unroute(comments);
	await box.press('Control+Enter');
	await expect(refusal).toHaveCount(0);

	const first = discussion.locator('.comment').filter({ hasText: 'can you check' });
	await expect(first).toContainText(avery.name);
	await expect(first.locator('.mention')).toHaveText(`@${beatrix.name}`);
	await expect(first.locator('.body')).toHaveText(
		`Sources, please.\n@${beatrix.name} can you check the 2021 figure?`
	);
	await expect(box).toHaveValue('');
	await expect(discussion.getByRole('heading', { level: 4 })).toHaveText('Discussion (1)');

	// An address is not a mention; Escape closes the list and keeps the text.
	await box.fill('');
	await box.pressSequentially('write to avery@example');
	await expect(list).toBeHidden();
	await box.fill('');
	await box.pressSequentially('@');
	await expect(list).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(list).toBeHidden();
	await expect(box).toHaveValue('@');
	await box.fill('');

	// A reply, mentioning someone by a Chinese name, picked with Tab.
	const replyBox = discussion.getByRole('textbox', { name: `Reply to ${avery.name}` });
	// The panel may still move as the card settles: click again until the reply box opens.
	await expect(async () => {
		await discussion.getByRole('button', { name: 'Reply' }).click();
		await expect(replyBox).toBeVisible({ timeout: 1000 });
	}).toPass();
	await expect(replyBox).toBeFocused();
	await page.keyboard.type('Found it, cc @王');
	await pick(page, replyBox, wang.name, 'Tab');
	await expect(replyBox).toHaveValue(`Found it, cc @${wang.name} `);
	await discussion.getByRole('button', { name: 'Reply', exact: true }).click();
	const reply = discussion.locator('.replies .comment').filter({ hasText: 'Found it' });
	await expect(reply.locator('.mention')).toHaveText(`@${wang.name}`);
	await expect(discussion.getByRole('heading', { level: 4 })).toHaveText('Discussion (2)');

	// Edit one's own comment: it says so.
	await first.getByRole('button', { name: 'Edit' }).click();
	const editBox = discussion.getByRole('textbox', { name: 'Edit your comment' });
	await expect(editBox).toBeFocused();
	await expect(editBox).toHaveValue(
		`Sources, please.\n@${beatrix.name} can you check the 2021 figure?`
	);
	await editBox.fill(`@${beatrix.name} can you check the 2022 figure?`);
	await discussion.getByRole('button', { name: 'Save' }).click();
	const edited = discussion.locator('.comment').filter({ hasText: '2022 figure' });
	await expect(edited.locator('.body')).toHaveText(
		`@${beatrix.name} can you check the 2022 figure?`
	);
	await expect(edited).toContainText('edited');

	// Delete it, after a confirmation in place: its reply stays.
	await edited.getByRole('button', { name: 'Delete' }).click();
	await expect(edited.getByText('Delete this comment?')).toBeVisible();
	await expect(edited.getByRole('button', { name: 'Cancel' })).toBeFocused();
	await edited.getByRole('button', { name: 'Delete' }).click();
	await expect(discussion.getByText('Comment deleted')).toBeVisible();
	await expect(discussion.getByText('2022 figure')).toHaveCount(0);
	await expect(reply).toBeVisible();
	await expect(discussion.getByRole('heading', { level: 4 })).toHaveText('Discussion (1)');
	await page.screenshot({ path: 'test-results/screens/discussion.en.png', fullPage: true });

	// The other editor reads the thread and may reply, but cannot change Avery's comments.
	const context = await browser.newContext({ extraHTTPHeaders: { origin } });
	const other = await context.newPage();
	await signIn(other, beatrix);
	// The mention reached her: the bell counts it and the list names who and where.
	await expect(other.getByRole('link', { name: 'Notifications, 1 unread' })).toBeVisible();
	await other.getByRole('link', { name: 'Notifications, 1 unread' }).click();
	await expect(other.getByText(`${avery.name} mentioned you`)).toBeVisible();
	const theirs = await openDiscussion(other, document.id);
	await expect(theirs.getByRole('heading', { level: 4 })).toHaveText('Discussion (1)');
	await expect(theirs.getByText('Comment deleted')).toBeVisible();
	await expect(theirs.locator('.comment').filter({ hasText: 'Found it' })).toContainText(
		avery.name
	);
	await expect(theirs.getByRole('button', { name: 'Reply' })).toHaveCount(1);
	await expect(theirs.getByRole('button', { name: 'Edit' })).toHaveCount(0);
	await expect(theirs.getByRole('button', { name: 'Delete' })).toHaveCount(0);
	await context.close();
});
