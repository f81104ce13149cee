/**
 * The live workspace's protocol, shared by the server and the browser. The socket at /collab
 * carries presence (Yjs awareness) and announcements of committed changes; records are never
 * changed through it.
 */

/** The collaboration document of Factmark document `id`. */
export const collabName = (id: string) => `document:${id}`;

/** What the server announces: a change committed to the document, and its audit sequence. */
export interface Announcement {
	entity: 'document' | 'claim' | 'evidence' | 'comment';
	id: string;
	action: string;
	seq?: number;
}

/** What one person's presence says: set by their browser, except `user`, set by the server. */
export interface Presence {
	user: { id: string; name: string; color: string };
	/** Their selection in the source text, in code points. */
	selection: { start: number; end: number } | null;
	/** The claim whose card they have open. */
	claim: string | null;
}

/**
 * Colours for people, each with at least 4.5:1 contrast against white text and legible as a
 * translucent selection on the page; a person keeps theirs (chosen from their id).
 */
const palette = ['#1d4ed8', '#b91c1c', '#047857', '#7e22ce', '#b45309', '#0e7490', '#be185d'];

export function colorOf(userId: string): string {
	let hash = 0;
	for (const char of userId) {
		hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
	}
	return palette[hash % palette.length];
}

/** Only the fields presence may carry, each checked; anything else a client sends is dropped. */
export function cleanPresence(state: unknown): Omit<Presence, 'user'> {
	const given = (state ?? {}) as Record<string, unknown>;
	const selection = given.selection as { start?: unknown; end?: unknown } | null | undefined;
	const whole = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
	return {
		selection:
			selection &&
			whole(selection.start) &&
			whole(selection.end) &&
			selection.start <= selection.end
				? { start: selection.start, end: selection.end }
				: null,
		claim:
			typeof given.claim === 'string' && /^[0-9a-f-]{36}$/.test(given.claim) ? given.claim : null
	};
}
