import { eq } from 'drizzle-orm';
import type { Database } from '$lib/server/db';
import { setting } from '$lib/server/db/schema';
import { announce } from '$lib/server/events';

/** The settings and their values on a new installation. */
export const defaults = {
	/** Two approvals from different reviewers before publishing, as the strictest desks do. */
	requireTwoApprovals: false,
	/** Who publishes the fact-checks: credits, and ClaimReview's `author`. */
	organisationName: 'Factmark',
	/** The organisation's site; empty for this site. */
	organisationUrl: '',
	/** An https address of the organisation's logo, or empty. */
	organisationLogo: ''
};

export type Settings = typeof defaults;

/** Every setting, stored values over the defaults. */
export async function read(db: Database): Promise<Settings> {
	const rows = await db.select().from(setting);
	const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
	return { ...defaults, ...stored } as Settings;
}

/** Stores one setting. */
export async function write<K extends keyof Settings>(db: Database, key: K, value: Settings[K]) {
	await db
		.insert(setting)
		.values({ key, value })
		.onConflictDoUpdate({ target: setting.key, set: { value, updatedAt: new Date() } });
	await announce(db, { document: null, entity: 'setting', id: key, action: 'update' });
}

/** Stores several settings at once, in one transaction. */
export async function writeAll(db: Database, values: Partial<Settings>) {
	await db.transaction(async (tx) => {
		for (const [key, value] of Object.entries(values)) {
			await write(tx, key as keyof Settings, value);
		}
	});
}

/** One setting's current value. */
export async function get<K extends keyof Settings>(db: Database, key: K): Promise<Settings[K]> {
	const [row] = await db.select().from(setting).where(eq(setting.key, key));
	return (row?.value as Settings[K] | undefined) ?? defaults[key];
}
