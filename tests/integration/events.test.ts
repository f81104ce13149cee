import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as claims from '$lib/server/claims';
import { CHANNEL, deliver, subscribe, type Announcement } from '$lib/server/events';
import { backends, resetData, useDatabase } from '../helpers/db';
import { createDocument, createUser } from '../helpers/factories';

describe.each(backends)('announcements on %s', (kind) => {
	const ctx = useDatabase(kind);
	let heard: (Announcement | null)[];
	let stop: () => void;
	let editor: string;
	let documentId: string;

	beforeAll(() => ctx.connection.listen(CHANNEL, deliver));
	beforeEach(async () => {
		await resetData(ctx.db);
		heard = [];
		stop = subscribe((announcement) => heard.push(announcement));
		editor = (await createUser(ctx.db, { roles: ['editor'] })).id;
		documentId = (await createDocument(ctx.db, editor)).id;
		// The document's creation is announced too; start from silence.
		await heardAtLeast(1);
		heard.length = 0;
	});
	afterEach(() => stop());

	/** Waits until `count` announcements are heard, or a second has passed. */
	async function heardAtLeast(count: number) {
		for (let i = 0; i < 100 && heard.length < count; i++) {
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		return heard;
	}

	it('announces a committed change with its document and audit sequence number', async () => {
		const claim = await claims.createAt(ctx.db, documentId, { start: 0, end: 5 }, editor);
		const [announcement] = await heardAtLeast(1);
		expect(announcement).toMatchObject({
			document: documentId,
			entity: 'claim',
			id: claim.id,
			action: 'create'
		});
		expect(announcement?.seq).toBeGreaterThan(0);
	});

	it('announces nothing for a change rolled back, and only after commit', async () => {
		const failed = ctx.db.transaction(async (tx) => {
			await claims.createAt(tx, documentId, { start: 0, end: 5 }, editor);
			await new Promise((resolve) => setTimeout(resolve, 50));
			// Inside the transaction, before it ends, nothing has been heard.
			expect(heard).toEqual([]);
			throw new Error('roll back');
		});
		await expect(failed).rejects.toThrow('roll back');
		await claims.createAt(ctx.db, documentId, { start: 6, end: 9 }, editor);
		await heardAtLeast(1);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(heard.map((announcement) => announcement?.action)).toEqual(['create']);
	});
});
