import { describe, expect, it } from 'vitest';
import { diffText } from '$lib/text/diff';

describe('diffText', () => {
	it('shows a corrected number as removed and added', () => {
		expect(diffText('排名第一', '排名第二')).toEqual([
			{ kind: 'same', text: '排名第' },
			{ kind: 'removed', text: '一' },
			{ kind: 'added', text: '二' }
		]);
	});

	it('keeps emoji whole and joins back to both texts', () => {
		const before = 'rank 🚀 first';
		const after = 'ranked 🚀🚀 first!';
		const parts = diffText(before, after);
		const join = (kinds: string[]) =>
			parts
				.filter((part) => kinds.includes(part.kind))
				.map((part) => part.text)
				.join('');
		expect(join(['same', 'removed'])).toBe(before);
		expect(join(['same', 'added'])).toBe(after);
	});

	it('is empty for two empty texts and all same for equal ones', () => {
		expect(diffText('', '')).toEqual([]);
		expect(diffText('abc', 'abc')).toEqual([{ kind: 'same', text: 'abc' }]);
	});
});
