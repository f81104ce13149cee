import { sql } from 'drizzle-orm';
import type { Database } from '$lib/server/db';
import { logger } from '$lib/server/log';

/** The PostgreSQL channel every instance listens on. */
export const CHANNEL = 'factmark';

/** A committed change, as every instance hears of it. */
export interface Announcement {
	/** The document it belongs to; null for the rating scale, settings and sessions. */
	document: string | null;
	entity: 'document' | 'claim' | 'evidence' | 'comment' | 'rating' | 'setting' | 'session';
	id: string;
	action: string;
	/** The audit entry's id: it only grows, so a client that missed some can ask for the rest. */
	seq?: number;
}

/**
 * Announces changes, in order, from inside the transaction `tx` that makes them. PostgreSQL
 * delivers the notifications when the transaction commits — never before, never for one rolled
 * back — to every instance listening on the database, so nothing else is needed between
 * instances.
 */
export async function announce(tx: Database, ...announcements: Announcement[]): Promise<void> {
	const payloads = JSON.stringify(
		announcements.map((announcement) => JSON.stringify(announcement))
	);
	await tx.execute(
		sql`select pg_notify(${CHANNEL}, payload) from jsonb_array_elements_text(${payloads}::jsonb) as payload`
	);
}

/** Hears each announcement, or null when some may have been missed: start over then. */
type Listener = (announcement: Announcement | null) => void;
const listeners = new Set<Listener>();

/** Calls `listener` with every announcement heard from now on; returns the way to stop. */
export function subscribe(listener: Listener): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

/**
 * Hands a notification's payload to every listener (the database connection calls this), or
 * null when listening (re)starts.
 */
export function deliver(payload: string | null): void {
	let announcement: Announcement | null;
	try {
		announcement = payload === null ? null : JSON.parse(payload);
	} catch {
		return;
	}
	for (const listener of listeners) {
		try {
			listener(announcement);
		} catch (err) {
			logger.error({ err }, 'an announcement listener failed');
		}
	}
}
