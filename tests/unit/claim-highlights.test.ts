import { describe, expect, it } from 'vitest';
import { segments } from '$lib/workspace/claim-highlights';

const range = (id: string, from: number, to: number) => ({ id, from, to, tone: 0 });
const ids = (pieces: ReturnType<typeof segments>) =>
	pieces.map(({ from, to, covering }) => [from, to, covering.map((c) => c.id).join('+')]);

describe('segments', () => {
	it('cuts nested and overlapping claims at every boundary', () => {
		expect(
			ids(segments([range('outer', 1, 10), range('inner', 3, 5), range('cross', 8, 12)]))
		).toEqual([
			[1, 3, 'outer'],
			[3, 5, 'outer+inner'],
			[5, 8, 'outer'],
			[8, 10, 'outer+cross'],
			[10, 12, 'cross']
		]);
	});

	it('leaves gaps between claims undecorated and keeps identical claims together', () => {
		expect(ids(segments([range('a', 1, 3), range('b', 5, 7), range('c', 5, 7)]))).toEqual([
			[1, 3, 'a'],
			[5, 7, 'b+c']
		]);
		expect(segments([])).toEqual([]);
	});
});
