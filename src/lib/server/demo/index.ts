import { sql } from 'drizzle-orm';
import * as claims from '$lib/server/claims';
import type { SelectorInput } from '$lib/server/claims/input';
import * as comments from '$lib/server/comments';
import type { Database } from '$lib/server/db';
import { user } from '$lib/server/db/schema';
import * as documents from '$lib/server/documents';
import * as evidence from '$lib/server/evidence';
import { logger } from '$lib/server/log';
import * as ratingScale from '$lib/server/rating-scale';
import * as publishing from '$lib/server/publishing';
import * as review from '$lib/server/review';
import * as users from '$lib/server/users';
import type { Role } from '$lib/permissions';
import { demoDocuments, type DemoDocument, type Editor, type SeedClaim } from './content';
import { seedReferences } from './references';

export interface DemoLogin {
	email: string;
	password: string;
	roles: Role[];
}

const people = {
	admin: { email: 'admin@factmark.test', name: 'Alex Admin', roles: ['admin'] },
	lin: { email: 'lin@factmark.test', name: '林怡君', roles: ['editor'] },
	sam: { email: 'sam@factmark.test', name: 'Sam Carter', roles: ['editor'] },
	chen: { email: 'chen@factmark.test', name: '陳志明', roles: ['reviewer'] }
} satisfies Record<string, { email: string; name: string; roles: Role[] }>;

type Team = Record<keyof typeof people, string>;

/** A readable random password: 3 groups of 4 letters and digits, about 62 bits. */
function randomPassword(): string {
	const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
	const bytes = crypto.getRandomValues(new Uint8Array(12));
	const chars = [...bytes].map((byte) => alphabet[byte % alphabet.length]);
	return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/**
 * On a database without users: creates the demo accounts with random passwords and three
 * documents worked on by the two editors — the sample article and a second text with every
 * claim rated, argued and sourced, and a third, English draft only begun (seeds/). Returns the
 * logins (to print once), or null when there were already users. Throws, rolling everything
 * back, when a seed file is invalid or one of its quotes does not occur exactly in its text.
 */
export async function seedDemo(db: Database): Promise<DemoLogin[] | null> {
	return db.transaction(async (tx) => {
		// Instances starting together on an empty database: one seeds, the others see users.
		await tx.execute(sql`select pg_advisory_xact_lock(7217)`);
		const [{ count }] = await tx.select({ count: sql<number>`count(*)::int` }).from(user);
		if (count > 0) {
			return null;
		}
		// The verdicts need the scale; startup has put it in place already, a test may not have.
		await ratingScale.ensureDefaults(tx);
		const logins: DemoLogin[] = [];
		const team = {} as Team;
		for (const key of Object.keys(people) as (keyof Team)[]) {
			const person = people[key];
			const password = randomPassword();
			const created = await users.create(tx, { ...person, password });
			team[key] = created.id;
			logins.push({ email: person.email, password, roles: person.roles });
		}
		const content = demoDocuments();
		const sample = await seedDocument(tx, content.sample, team);
		const second = await seedDocument(tx, content.second, team);
		const third = await seedDocument(tx, content.third, team);
		// The sample goes through review and is published; the second waits in the queue.
		const as = (key: keyof Team) => ({ id: team[key], roles: people[key].roles });
		await review.submit(tx, sample, as('lin'));
		await review.decide(
			tx,
			sample,
			{ decision: 'approve', comment: '', claimComments: [] },
			as('chen')
		);
		await publishing.publish(tx, sample, '', as('chen'));
		await review.submit(tx, second, as('sam'));
		// Other fact-checkers' verdicts: claim matching has something to show in both languages.
		await seedReferences(tx);
		logger.info({ documents: { sample, second, third } }, 'demo seeded');
		return logins;
	});
}

/** Creates a demo document as its editor and works its claims as the seed files say. */
async function seedDocument(tx: Database, seed: DemoDocument, team: Team): Promise<string> {
	const { title, text, language, publisher, author, publishedAt } = seed;
	const created = await documents.create(
		tx,
		{ title, text, language, publisher, author, publishedAt },
		team[seed.createdBy]
	);
	for (const item of seed.claims) {
		await seedClaim(tx, created.id, seed.source, item, team);
	}
	return created.id;
}

async function seedClaim(
	tx: Database,
	documentId: string,
	source: string,
	item: SeedClaim,
	team: Record<Editor, string>
): Promise<void> {
	const actor = team[item.editor];
	const selector: SelectorInput = [
		{ type: 'TextQuoteSelector', exact: item.quote, prefix: '', suffix: '' }
	];
	const { claimText, claimant, claimDate } = item;
	let row: claims.Claim;
	try {
		row = await claims.create(tx, documentId, { selector, claimText, claimant, claimDate }, actor);
	} catch (err) {
		// Most likely a quote that is not exactly once in the text: name the seed, not just a 422.
		throw new Error(`Cannot mark the demo claim "${item.quote}" in ${source}.`, { cause: err });
	}
	const rating = item.rating ?? undefined;
	const rationale = item.rationale ?? undefined;
	if (rating !== undefined || rationale !== undefined) {
		row = await claims.update(tx, row.id, row.version, { rating, rationale }, actor);
	}
	for (const found of item.evidence) {
		await evidence.create(tx, row.id, found, null, actor);
	}
	let thread: string | null = null;
	for (const { author, body } of item.comments) {
		const written = await comments.create(tx, row.id, { body, parentId: thread }, team[author]);
		thread ??= written.id;
	}
}
