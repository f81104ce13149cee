import { describe, expect, it } from 'vitest';
import { versionChanges, type VersionClaim, type VersionSnapshot } from '$lib/publishing/changes';

const claim = (id: string, overrides: Partial<VersionClaim> = {}): VersionClaim => ({
	id,
	exact: `words ${id}`,
	claimText: '',
	rating: { key: 'false', labels: { en: 'False' } },
	rationaleHtml: '<p>Because.</p>',
	evidence: [
		{
			id: `${id}-e1`,
			title: 'Report',
			url: 'https://e.org',
			quote: '',
			stance: 'refutes',
			note: ''
		}
	],
	...overrides
});
const version = (claims: VersionClaim[], revision = 1): VersionSnapshot => ({
	title: 'T',
	revision,
	text: `text ${revision}`,
	claims
});

describe('versionChanges', () => {
	it('finds nothing between equal versions', () => {
		const v = version([claim('a')]);
		expect(versionChanges(v, v)).toEqual({ title: false, text: null, claims: [] });
	});

	it('tells added, removed and changed claims apart, and what changed in each', () => {
		const before = version([claim('a'), claim('b'), claim('c')]);
		const after = version(
			[
				claim('a', { rating: { key: 'mostly_false', labels: { en: 'Mostly false' } } }),
				claim('b', {
					rationaleHtml: '<p>Because of table 3.</p>',
					evidence: [
						{
							id: 'b-e1',
							title: 'Report (2024)',
							url: 'https://e.org',
							quote: '',
							stance: 'refutes',
							note: ''
						},
						{ id: 'b-e2', title: 'New', url: null, quote: 'q', stance: 'context', note: '' }
					]
				}),
				claim('d')
			],
			2
		);
		const changes = versionChanges(before, after);
		expect(changes.text).toEqual({ from: 1, to: 2 });
		expect(changes.claims.map((c) => [c.claim.id, c.kind])).toEqual([
			['a', 'changed'],
			['b', 'changed'],
			['d', 'added'],
			['c', 'removed']
		]);
		expect(changes.claims[0]).toMatchObject({ rating: true, rationale: false, wording: false });
		expect(changes.claims[1]).toMatchObject({
			rating: false,
			rationale: true,
			evidence: { added: 1, removed: 0, changed: 1 }
		});
	});
});
