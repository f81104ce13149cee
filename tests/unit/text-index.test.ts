import { describe, expect, it } from 'vitest';
import { TextIndex } from '$lib/workspace/text-index';

describe('TextIndex', () => {
	const text = 'a😀b\n\n中文👩‍👩‍👧x';
	const index = new TextIndex(text);

	it('maps code points to editor positions (UTF-16 offset + 1)', () => {
		expect(index.length).toBe([...text].length);
		expect(index.toEditor(0)).toBe(1);
		expect(index.toEditor(1)).toBe(2);
		expect(index.toEditor(2)).toBe(4); // after the emoji's two UTF-16 units
		expect(index.toEditor(index.length)).toBe(text.length + 1);
	});

	it('round-trips every code point', () => {
		for (let i = 0; i <= index.length; i++) {
			expect(index.fromEditor(index.toEditor(i))).toBe(i);
		}
	});

	it('moves a position inside a surrogate pair past it, and clamps out-of-range ones', () => {
		expect(index.fromEditor(3)).toBe(2);
		expect(index.fromEditor(0)).toBe(0);
		expect(index.fromEditor(10_000)).toBe(index.length);
		expect(index.toEditor(-5)).toBe(1);
	});

	it('matches the editor layout of paragraphs: the second paragraph starts after "\\n\\n"', () => {
		// The second paragraph's first character is at UTF-16 offset 6 ("a", 2 units, "b", 2 newlines).
		expect(index.toEditor(5)).toBe(7);
		expect([...text][5]).toBe('中');
	});
});
