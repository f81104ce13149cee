import { describe, expect, it } from 'vitest';
import * as history from '$lib/history';
import type { AuditEntry, Context } from '$lib/history';

const mixed = { label: 'Mixed', color: '#8a5200', retired: false };
const falsy = { label: 'False', color: '#b42318', retired: false };

const context: Context = {
	claimNumbers: new Map([
		['c1', 1],
		['c2', 2]
	]),
	ratings: new Map([
		['mixed', mixed],
		['false', falsy]
	]),
	people: new Map([['u1', '林怡君']]),
	someone: 'Someone'
};

let nextId = 100;
function entry(partial: Partial<AuditEntry> & Pick<AuditEntry, 'entity' | 'action'>): AuditEntry {
	return {
		id: nextId--,
		entityId: 'c2',
		actor: { id: 'u1', name: '林怡君' },
		before: null,
		after: null,
		createdAt: new Date('2026-01-02T03:04:05Z'),
		...partial
	};
}

describe('claimNumbers', () => {
	it('numbers orphans first, then attached claims, each in the order given', () => {
		const numbers = history.claimNumbers([
			{ id: 'a', orphaned: false },
			{ id: 'b', orphaned: true },
			{ id: 'c', orphaned: false }
		]);
		expect([...numbers]).toEqual([
			['b', 1],
			['a', 2],
			['c', 3]
		]);
	});
});

describe('shorten', () => {
	it.each([
		['short', 5, 'short'],
		['a  b\n\nc', 10, 'a b c'],
		['DeepSeek-V3在開源模型中排名第一', 8, 'DeepSee…'],
		['🚀🚀🚀🚀', 3, '🚀🚀…']
	])('%j to %i characters is %j', (text, max, expected) => {
		expect(history.shorten(text, max)).toBe(expected);
	});
});

describe('diffWords', () => {
	it.each([
		[
			'The mayor',
			'Councillor Lee',
			[
				['removed', 'The mayor'],
				['added', 'Councillor Lee']
			]
		],
		[
			'排名第一',
			'排名第二',
			[
				['same', '排名'],
				['removed', '第一'],
				['added', '第二']
			]
		],
		[
			'a b c',
			'a x y c',
			[
				['same', 'a '],
				['removed', 'b'],
				['added', 'x y'],
				['same', ' c']
			]
		],
		[
			'halved air',
			'halved the air.',
			[
				['same', 'halved '],
				['added', 'the '],
				['same', 'air'],
				['added', '.']
			]
		],
		['', 'new', [['added', 'new']]],
		['same', 'same', [['same', 'same']]]
	])('%j → %j', (before, after, expected) => {
		const parts = history.diffWords(before, after);
		expect(parts.map((part) => [part.kind, part.text])).toEqual(expected);
		const join = (kind: string) =>
			parts
				.filter((part) => part.kind !== kind)
				.map((part) => part.text)
				.join('');
		expect(join('added')).toBe(before);
		expect(join('removed')).toBe(after);
	});
});

describe('fieldChanges', () => {
	it('types each changed field, in a fixed order, and leaves bookkeeping out', () => {
		const changes = history.fieldChanges(
			{ rating: 'mixed', start: 1, claimant: 'Ann', assigneeId: null, deleted: false },
			{ rating: 'false', start: 4, claimant: 'Anne', assigneeId: 'u1', deleted: false },
			context
		);
		expect(changes).toEqual([
			{
				field: 'claimant',
				type: 'text',
				before: 'Ann',
				after: 'Anne',
				parts: [
					{ kind: 'removed', text: 'Ann' },
					{ kind: 'added', text: 'Anne' }
				]
			},
			{ field: 'rating', type: 'rating', before: mixed, after: falsy },
			{ field: 'assigneeId', type: 'person', before: null, after: '林怡君' }
		]);
	});

	it('keeps rationale HTML as it is, and shows empty values as none', () => {
		expect(
			history.fieldChanges({ rationale: null }, { rationale: '<p><strong>x</strong></p>' }, context)
		).toEqual([
			{ field: 'rationale', type: 'html', before: null, after: '<p><strong>x</strong></p>' }
		]);
	});

	it('labels a rating no longer on the scale by its key, and an unknown person as someone', () => {
		const [rating, person] = history.fieldChanges(
			{ rating: 'gone', assigneeId: 'u9' },
			{ rating: null, assigneeId: null },
			context
		);
		expect(rating).toMatchObject({ before: { label: 'gone', retired: true }, after: null });
		expect(person).toMatchObject({ before: 'Someone', after: null });
	});

	it('ignores what is not an object and fields empty on both sides', () => {
		expect(history.fieldChanges(['a'], 'b', context)).toEqual([]);
		expect(history.fieldChanges({ claimant: '' }, { claimant: '' }, context)).toEqual([]);
	});
});

describe('describe', () => {
	it('says which fields of which claim changed, the rating before and after', () => {
		const [described] = history.describe(
			[
				entry({
					entity: 'claim',
					action: 'update',
					before: { claimant: 'A', rating: 'mixed' },
					after: { claimant: 'B', rating: 'false' }
				})
			],
			context
		);
		expect(described.actor).toBe('林怡君');
		expect(described.event).toEqual({
			kind: 'claim_update',
			claim: { number: 2 },
			fields: ['claimant', 'rating'],
			rating: { before: mixed, after: falsy }
		});
		expect(described.changes.map((change) => change.field)).toEqual(['claimant', 'rating']);
	});

	it('names a claim no longer in the text by its words, found in its own entries', () => {
		const described = history.describe(
			[
				entry({ entity: 'claim', action: 'delete', entityId: 'gone', before: { deleted: false } }),
				entry({
					entity: 'claim',
					action: 'create',
					entityId: 'gone',
					after: { quote: '美國在AI方面保持了兩到三年領先優勢。', claimText: '', deleted: false }
				}),
				entry({ entity: 'claim', action: 'restore', entityId: 'unknown' })
			],
			context
		);
		expect(described[0].event).toEqual({
			kind: 'claim_delete',
			claim: { quote: '美國在AI方面保持了兩到三年領先優勢。' }
		});
		expect(described[0].changes).toEqual([]);
		expect(described[1].changes).toEqual([
			{ field: 'quote', type: 'text', before: null, after: '美國在AI方面保持了兩到三年領先優勢。' }
		]);
		expect(described[2].event).toEqual({ kind: 'claim_restore', claim: null });
	});

	it('finds the claim of evidence and comments from the entries that created them', () => {
		const described = history.describe(
			[
				entry({
					entity: 'evidence',
					action: 'update',
					entityId: 'e1',
					before: { title: 'a' },
					after: { title: 'b' }
				}),
				entry({ entity: 'comment', action: 'delete', entityId: 'k1', before: { body: 'hi' } }),
				entry({
					entity: 'evidence',
					action: 'reorder',
					entityId: 'c1',
					before: ['e1'],
					after: ['e1']
				}),
				entry({
					entity: 'evidence',
					action: 'create',
					entityId: 'e1',
					after: {
						claimId: 'c1',
						kind: 'link',
						stance: 'refutes',
						url: 'https://example.org',
						position: 1
					}
				})
			],
			context
		);
		expect(described.map((d) => d.event)).toEqual([
			{ kind: 'evidence_update', claim: { number: 1 }, fields: ['title'] },
			{ kind: 'comment_delete', claim: null },
			{ kind: 'evidence_reorder', claim: { number: 1 } },
			{ kind: 'evidence_create', claim: { number: 1 } }
		]);
		expect(described[3].changes.map((change) => [change.field, change.after])).toEqual([
			['kind', 'link'],
			['stance', 'refutes'],
			['url', 'https://example.org']
		]);
	});

	it('carries a review decision’s comments, each on its claim', () => {
		const [described] = history.describe(
			[
				entry({
					entity: 'document',
					action: 'request_changes',
					entityId: 'd1',
					actor: null,
					after: {
						status: 'draft',
						round: 1,
						comment: 'Needs a second source.',
						claimComments: [{ claimId: 'c1', body: 'Which table?' }]
					}
				})
			],
			context
		);
		expect(described.actor).toBeNull();
		expect(described.event).toEqual({
			kind: 'request_changes',
			comment: 'Needs a second source.',
			claimComments: [{ claim: { number: 1 }, body: 'Which table?' }]
		});
	});

	it('tells document events without sending the text they hold', () => {
		const described = history.describe(
			[
				entry({ entity: 'document', action: 'create', after: { title: 't', text: 'long text' } }),
				entry({
					entity: 'document',
					action: 'revise',
					after: { revision: 2, anchored: ['a', 'b'], moved: ['c'], orphaned: [], suggestions: [] }
				}),
				entry({ entity: 'document', action: 'assign', after: { assigneeId: null } }),
				entry({
					entity: 'document',
					action: 'publish',
					after: { version: 2, note: 'Fixed a date.' }
				}),
				entry({ entity: 'document', action: 'archive' })
			],
			context
		);
		expect(described.map((d) => d.event)).toEqual([
			{ kind: 'document_create' },
			{ kind: 'revise', revision: 2, kept: 2, moved: 1, orphaned: 0 },
			{ kind: 'assign', assignee: null },
			{ kind: 'publish', version: 2, note: 'Fixed a date.' },
			{ kind: 'other', entity: 'document', action: 'archive' }
		]);
		expect(described.every((d) => d.changes.length === 0)).toBe(true);
	});
});
