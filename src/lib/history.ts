import { diffSequences } from '$lib/anchoring/diff';
import type { DiffPart } from '$lib/text/diff';

/**
 * A document's history as people read it: audit entries turned into events (who did what to
 * which claim) and the fields each changed, before and after. Pure, so that the page only
 * renders; the words are the page's, from the message files.
 */

/** One audit entry as `audit.list` returns it. */
export interface AuditEntry {
	id: number;
	entity: string;
	entityId: string;
	action: string;
	actor: { id: string; name: string } | null;
	before: unknown;
	after: unknown;
	createdAt: Date;
}

export interface RatingLabel {
	label: string;
	color: string;
	retired: boolean;
}

/** What names things: claims' numbers in the workspace, ratings' labels, people's names. */
export interface Context {
	claimNumbers: ReadonlyMap<string, number>;
	ratings: ReadonlyMap<string, RatingLabel>;
	people: ReadonlyMap<string, string>;
	/** The name for a person not in `people` (disabled since, say). */
	someone: string;
}

/** A claim as a sentence names it: its number, else a few of its words, else none known. */
export type ClaimRef = { number: number } | { quote: string } | null;

export type Event =
	| { kind: 'document_create' }
	| { kind: 'revise'; revision: number; kept: number; moved: number; orphaned: number }
	/** `assignee` null: nobody any more. */
	| { kind: 'assign'; assignee: string | null }
	| { kind: 'submit'; round: number }
	| { kind: 'approve'; comment: string }
	| {
			kind: 'request_changes';
			comment: string;
			claimComments: { claim: ClaimRef; body: string }[];
	  }
	| { kind: 'take' }
	| { kind: 'publish'; version: number; note: string }
	| { kind: 'retract'; reason: string }
	| { kind: 'claim_create' | 'claim_delete' | 'claim_restore'; claim: ClaimRef }
	| { kind: 'claim_update'; claim: ClaimRef; fields: string[]; rating: RatingChange | null }
	| { kind: 'evidence_create' | 'evidence_reorder' | 'evidence_delete'; claim: ClaimRef }
	| { kind: 'evidence_update'; claim: ClaimRef; fields: string[] }
	| { kind: 'comment_create'; claim: ClaimRef; body: string }
	| { kind: 'comment_update' | 'comment_delete'; claim: ClaimRef }
	| { kind: 'other'; entity: string; action: string };

export interface RatingChange {
	before: RatingLabel | null;
	after: RatingLabel | null;
}

/** How a field's values are shown. */
export type FieldType = 'text' | 'html' | 'rating' | 'person' | 'enum' | 'flag' | 'plain';

/**
 * One field's change. `before`/`after` are null where the field had no value (or the item did
 * not exist); `parts` is the character diff of two texts, for `text` fields that had both.
 */
export type FieldChange =
	| {
			field: string;
			type: 'rating';
			before: RatingLabel | null;
			after: RatingLabel | null;
	  }
	| { field: string; type: 'flag'; before: boolean | null; after: boolean | null }
	| {
			field: string;
			type: Exclude<FieldType, 'rating' | 'flag'>;
			before: string | null;
			after: string | null;
			parts?: DiffPart[];
	  };

export interface Entry {
	id: number;
	actor: string | null;
	at: Date;
	event: Event;
	changes: FieldChange[];
}

/**
 * The fields a person reads, in the order they are shown (PostgreSQL's jsonb keeps no order).
 * Bookkeeping — positions, the deleted flag, ids — is left out: the sentence says it.
 */
export const fieldTypes: Readonly<Record<string, FieldType>> = {
	quote: 'text',
	claimText: 'text',
	claimant: 'text',
	claimDate: 'plain',
	rating: 'rating',
	rationale: 'html',
	assigneeId: 'person',
	orphaned: 'flag',
	kind: 'enum',
	stance: 'enum',
	url: 'plain',
	title: 'text',
	publisher: 'text',
	date: 'plain',
	accessedAt: 'plain',
	note: 'text',
	fileName: 'plain',
	body: 'text'
};

const QUOTE_LENGTH = 24;
const EXCERPT_LENGTH = 160;

const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * What changed from `before` to `after`, word by word (a word of Chinese or Japanese as the
 * segmenter finds it): a changed field reads better whole than as scattered letters. Spaces
 * between two changes join them, so that "The mayor" → "Councillor Lee" is one change.
 */
export function diffWords(before: string, after: string): DiffPart[] {
	const a = Array.from(words.segment(before), (part) => part.segment);
	const b = Array.from(words.segment(after), (part) => part.segment);
	const ids = new Map<string, number>();
	const id = (token: string) => {
		if (!ids.has(token)) {
			ids.set(token, ids.size);
		}
		return ids.get(token) ?? 0;
	};
	const runs = diffSequences(a.map(id), b.map(id), 1000);
	// Alternating changes ({removed, added}) and unchanged text.
	const chunks: ({ removed: string; added: string } | string)[] = [];
	let i = 0;
	let j = 0;
	for (let r = 0; r <= runs.length; r += 3) {
		const [aStart, bStart, length] =
			r < runs.length ? [runs[r], runs[r + 1], runs[r + 2]] : [a.length, b.length, 0];
		const removed = a.slice(i, aStart).join('');
		const added = b.slice(j, bStart).join('');
		const same = a.slice(aStart, aStart + length).join('');
		const last = chunks.at(-1);
		const gap = chunks.at(-2);
		if (
			(removed || added) &&
			typeof last === 'string' &&
			/^\s+$/.test(last) &&
			gap !== undefined &&
			typeof gap !== 'string'
		) {
			chunks.pop();
			gap.removed += last + removed;
			gap.added += last + added;
		} else if (removed || added) {
			chunks.push({ removed, added });
		}
		if (same) {
			chunks.push(same);
		}
		i = aStart + length;
		j = bStart + length;
	}
	return chunks.flatMap((chunk): DiffPart[] =>
		typeof chunk === 'string'
			? [{ kind: 'same', text: chunk }]
			: [
					...(chunk.removed ? [{ kind: 'removed' as const, text: chunk.removed }] : []),
					...(chunk.added ? [{ kind: 'added' as const, text: chunk.added }] : [])
				]
	);
}

/** `text` cut to at most `max` characters (code points), with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
	const chars = [...text.replace(/\s+/g, ' ').trim()];
	return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/**
 * Claims numbered as the workspace numbers its cards: orphans first, then the attached ones,
 * each in text order (the order `claims.list` returns them).
 */
export function claimNumbers(claims: { id: string; orphaned: boolean }[]): Map<string, number> {
	const ordered = [
		...claims.filter((claim) => claim.orphaned),
		...claims.filter((claim) => !claim.orphaned)
	];
	return new Map(ordered.map((claim, i) => [claim.id, i + 1]));
}

function record(value: unknown): Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: {};
}

function string(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

function count(value: unknown): number {
	return Array.isArray(value) ? value.length : typeof value === 'number' ? value : 0;
}

function isEmpty(value: unknown): boolean {
	return value === null || value === undefined || value === '' || value === false;
}

/** One field's before and after, typed for showing; null when there is nothing to show. */
function fieldChange(
	field: string,
	before: unknown,
	after: unknown,
	context: Context
): FieldChange | null {
	const type = fieldTypes[field];
	if (!type || (isEmpty(before) && isEmpty(after))) {
		return null;
	}
	if (type === 'rating') {
		const label = (key: unknown) =>
			typeof key === 'string'
				? (context.ratings.get(key) ?? { label: key, color: '#6b7088', retired: true })
				: null;
		return { field, type, before: label(before), after: label(after) };
	}
	if (type === 'flag') {
		const flag = (value: unknown) => (typeof value === 'boolean' ? value : null);
		return { field, type, before: flag(before), after: flag(after) };
	}
	const show = (value: unknown): string | null => {
		if (isEmpty(value)) {
			return null;
		}
		if (type === 'person') {
			return context.people.get(String(value)) ?? context.someone;
		}
		return typeof value === 'string' ? value : JSON.stringify(value);
	};
	const was = show(before);
	const now = show(after);
	if (type === 'text' && was !== null && now !== null) {
		return { field, type, before: was, after: now, parts: diffWords(was, now) };
	}
	return { field, type, before: was, after: now };
}

/** The fields that differ between two audit snapshots, in the order of `fieldTypes`. */
export function fieldChanges(before: unknown, after: unknown, context: Context): FieldChange[] {
	const was = record(before);
	const now = record(after);
	return Object.keys(fieldTypes)
		.filter((field) => field in was || field in now)
		.map((field) => fieldChange(field, was[field], now[field], context))
		.filter((change) => change !== null);
}

/**
 * What a page of entries knows beyond the context: the words of claims no longer in the text
 * (from their own entries) and which claim an evidence item or comment belongs to.
 */
function pageKnowledge(entries: readonly AuditEntry[]) {
	const quotes = new Map<string, string>();
	const owners = new Map<string, string>();
	for (const entry of entries) {
		const before = record(entry.before);
		const after = record(entry.after);
		if (entry.entity === 'claim') {
			const quote = string(after.quote) || string(before.quote);
			if (quote && !quotes.has(entry.entityId)) {
				quotes.set(entry.entityId, quote);
			}
		} else if (entry.entity === 'evidence' || entry.entity === 'comment') {
			const claimId = string(after.claimId) || string(before.claimId);
			if (claimId) {
				owners.set(entry.entityId, claimId);
			}
		}
	}
	return { quotes, owners };
}

/**
 * Audit entries, newest first, as events with their changes. Claims are named by their number
 * in `context`, else by a few of their words found in `entries`, else not at all.
 */
export function describe(entries: readonly AuditEntry[], context: Context): Entry[] {
	const { quotes, owners } = pageKnowledge(entries);
	const claimRef = (id: string | undefined): ClaimRef => {
		if (!id) {
			return null;
		}
		const number = context.claimNumbers.get(id);
		if (number !== undefined) {
			return { number };
		}
		const quote = quotes.get(id);
		return quote ? { quote: shorten(quote, QUOTE_LENGTH) } : null;
	};
	return entries.map((entry) => {
		const { event, changes } = eventOf(entry, context, claimRef, owners);
		return {
			id: entry.id,
			actor: entry.actor?.name ?? null,
			at: entry.createdAt,
			event,
			changes
		};
	});
}

function eventOf(
	entry: AuditEntry,
	context: Context,
	claimRef: (id: string | undefined) => ClaimRef,
	owners: ReadonlyMap<string, string>
): { event: Event; changes: FieldChange[] } {
	const after = record(entry.after);
	const changes = () => fieldChanges(entry.before, entry.after, context);
	const only = (event: Event) => ({ event, changes: [] });
	const key = `${entry.entity}.${entry.action}`;
	switch (key) {
		case 'document.create':
			// Its snapshot holds the whole text: the sentence is enough.
			return only({ kind: 'document_create' });
		case 'document.revise':
			return only({
				kind: 'revise',
				revision: Number(after.revision) || 0,
				kept: count(after.anchored),
				moved: count(after.moved),
				orphaned: count(after.orphaned)
			});
		case 'document.assign':
			return only({
				kind: 'assign',
				assignee:
					typeof after.assigneeId === 'string'
						? (context.people.get(after.assigneeId) ?? context.someone)
						: null
			});
		case 'document.submit':
			return only({ kind: 'submit', round: Number(after.round) || 0 });
		case 'document.approve':
			return only({ kind: 'approve', comment: string(after.comment) });
		case 'document.request_changes':
			return only({
				kind: 'request_changes',
				comment: string(after.comment),
				claimComments: (Array.isArray(after.claimComments) ? after.claimComments : []).map(
					(note) => ({
						claim: claimRef(string(record(note).claimId)),
						body: string(record(note).body)
					})
				)
			});
		case 'document.take':
			return only({ kind: 'take' });
		case 'document.publish':
			return only({
				kind: 'publish',
				version: Number(after.version) || 0,
				note: string(after.note)
			});
		case 'document.retract':
			return only({ kind: 'retract', reason: string(after.reason) });
		case 'claim.create':
			return {
				event: { kind: 'claim_create', claim: claimRef(entry.entityId) },
				changes: changes()
			};
		case 'claim.delete':
		case 'claim.restore':
			return only({
				kind: entry.action === 'delete' ? 'claim_delete' : 'claim_restore',
				claim: claimRef(entry.entityId)
			});
		case 'claim.update': {
			const list = changes();
			const rating = list.find((change) => change.type === 'rating');
			return {
				event: {
					kind: 'claim_update',
					claim: claimRef(entry.entityId),
					fields: list.map((change) => change.field),
					rating: rating ? { before: rating.before, after: rating.after } : null
				},
				changes: list
			};
		}
		case 'evidence.create':
		case 'evidence.delete':
			return {
				event: {
					kind: entry.action === 'create' ? 'evidence_create' : 'evidence_delete',
					claim: claimRef(owners.get(entry.entityId))
				},
				changes: changes()
			};
		case 'evidence.reorder':
			// Its entity is the claim whose evidence was put in order.
			return only({ kind: 'evidence_reorder', claim: claimRef(entry.entityId) });
		case 'evidence.update': {
			const list = changes();
			return {
				event: {
					kind: 'evidence_update',
					claim: claimRef(owners.get(entry.entityId)),
					fields: list.map((change) => change.field)
				},
				changes: list
			};
		}
		case 'comment.create':
			return only({
				kind: 'comment_create',
				claim: claimRef(owners.get(entry.entityId)),
				body: shorten(string(after.body), EXCERPT_LENGTH)
			});
		case 'comment.update':
			return {
				event: { kind: 'comment_update', claim: claimRef(owners.get(entry.entityId)) },
				changes: changes()
			};
		case 'comment.delete':
			return {
				event: { kind: 'comment_delete', claim: claimRef(owners.get(entry.entityId)) },
				changes: changes()
			};
		default:
			return only({ kind: 'other', entity: entry.entity, action: entry.action });
	}
}
