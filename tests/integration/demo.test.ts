import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyCredentials } from '$lib/server/auth';
import { document } from '$lib/server/db/schema';
import { seedDemo } from '$lib/server/demo';
import { slugify } from '$lib/server/documents';
import * as users from '$lib/server/users';
import { backends, countRows, resetData, useDatabase } from '../helpers/db';

const [titleLine, ...bodyLines] = readFileSync('seeds/sample-article.zh-Hant.txt', 'utf8').split(
	/\r?\n/
);
const sourceParagraphs = bodyLines
	.join('\n')
	.split(/\n\s*\n/)
	.map((p) => p.trim())
	.filter(Boolean);

describe.each(backends)('seedDemo on %s', (kind) => {
	const ctx = useDatabase(kind);

	it('seeds an empty database once: four working logins and the sample article', async () => {
		const logins = await seedDemo(ctx.db);
		expect(logins?.map(({ email, roles }) => ({ email, roles }))).toEqual([
			{ email: 'admin@factmark.test', roles: ['admin'] },
			{ email: 'lin@factmark.test', roles: ['editor'] },
			{ email: 'sam@factmark.test', roles: ['editor'] },
			{ email: 'chen@factmark.test', roles: ['reviewer'] }
		]);
		for (const { email, password, roles } of logins ?? []) {
			expect(password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
			const signedIn = await verifyCredentials(ctx.db, { email, password, ipAddress: '192.0.2.3' });
			expect(signedIn).toMatchObject({ email, roles });
		}

		const [sample, ...others] = await ctx.db.select().from(document);
		expect(others).toEqual([]);
		const lin = (await users.list(ctx.db)).find((u) => u.email === 'lin@factmark.test');
		expect(sample).toMatchObject({
			title: titleLine.trim(),
			slug: slugify(titleLine),
			language: 'zh-Hant',
			status: 'draft',
			createdBy: lin?.id
		});
		expect(sample.text).toBe(sample.text.normalize('NFC'));
		expect(sample.text).not.toMatch(/\r|\n\n\n|[ \t\u3000]\n|^\s|\s$/);
		expect(sample.text.split('\n\n')).toEqual(sourceParagraphs.map((p) => p.normalize('NFC')));

		expect(await seedDemo(ctx.db)).toBeNull();
		expect(await countRows(ctx.db, 'user')).toBe(4);
		expect(await countRows(ctx.db, 'document')).toBe(1);
	});

	it('seeds once when two instances start together', async () => {
		await resetData(ctx.db);
		const results = await Promise.all([seedDemo(ctx.db), seedDemo(ctx.db)]);
		expect(results.filter((result) => result === null)).toHaveLength(1);
	});
});
