import { sql } from 'drizzle-orm';
import type { Database } from '$lib/server/db';
import { user } from '$lib/server/db/schema';
import * as documents from '$lib/server/documents';
import * as users from '$lib/server/users';
import type { Role } from '$lib/permissions';
import article from '../../../../seeds/sample-article.zh-Hant.txt?raw';

export interface DemoLogin {
	email: string;
	password: string;
	roles: Role[];
}

const people: { email: string; name: string; roles: Role[] }[] = [
	{ email: 'admin@factmark.test', name: 'Alex Admin', roles: ['admin'] },
	{ email: 'lin@factmark.test', name: '林怡君', roles: ['editor'] },
	{ email: 'sam@factmark.test', name: 'Sam Carter', roles: ['editor'] },
	{ email: 'chen@factmark.test', name: '陳志明', roles: ['reviewer'] }
];

/** A readable random password: 3 groups of 4 letters and digits, about 62 bits. */
function randomPassword(): string {
	const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
	const bytes = crypto.getRandomValues(new Uint8Array(12));
	const chars = [...bytes].map((byte) => alphabet[byte % alphabet.length]);
	return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/**
 * On a database without users: creates the demo accounts with random passwords and the
 * sample article as a draft. Returns the logins (to print once), or null when there were
 * already users.
 */
export async function seedDemo(db: Database): Promise<DemoLogin[] | null> {
	return db.transaction(async (tx) => {
		// Instances starting together on an empty database: one seeds, the others see users.
		await tx.execute(sql`select pg_advisory_xact_lock(7217)`);
		const [{ count }] = await tx.select({ count: sql<number>`count(*)::int` }).from(user);
		if (count > 0) {
			return null;
		}
		const logins: DemoLogin[] = [];
		const ids: string[] = [];
		for (const person of people) {
			const password = randomPassword();
			const created = await users.create(tx, { ...person, password });
			ids.push(created.id);
			logins.push({ email: person.email, password, roles: person.roles });
		}
		const [title, ...body] = article.split('\n');
		const sample = { title: title.trim(), text: body.join('\n'), language: 'zh-Hant' };
		await documents.create(tx, sample, ids[1]);
		return logins;
	});
}
