import { describe, expect, it } from 'vitest';
import { slugify } from '$lib/server/documents';

describe('slugify', () => {
	it.each([
		['Hello, World!', 'hello-world'],
		['  --Fact   check: 2024 -- ', 'fact-check-2024'],
		[
			'美媒納悶:晶片限制下 中國如何在AI領域取得巨大進展?',
			'美媒納悶-晶片限制下-中國如何在ai領域取得巨大進展'
		],
		['Café déjà vu', 'café-déjà-vu'],
		['Cafe\u0301', 'café'],
		['Ελληνικά και русский', 'ελληνικά-και-русский'],
		['a_b%c/d', 'a-b-c-d'],
		['!!!', 'document'],
		['', 'document']
	])('%j → %j', (title, slug) => {
		expect(slugify(title)).toBe(slug);
	});

	it('keeps at most 60 characters and no dash at the end', () => {
		expect(slugify('字'.repeat(80))).toBe('字'.repeat(60));
		const cut = slugify(`${'a'.repeat(59)} bcd`);
		expect(cut).toBe('a'.repeat(59));
	});
});
