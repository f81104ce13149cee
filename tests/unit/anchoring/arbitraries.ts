import fc from 'fast-check';

/**
 * Whole grapheme clusters of many scripts, so that random texts mix CJK, emoji (with skin tones,
 * flags and ZWJ sequences), combining marks that do not compose, right-to-left scripts and ASCII.
 */
export const tokens = [
	'中',
	'國',
	'美',
	'晶片',
	'人工智慧',
	'。',
	',',
	'「',
	'」',
	'😀',
	'👍🏽',
	'👩‍👩‍👧',
	'🏳️‍🌈',
	'🇹🇼',
	'q̇',
	'ạ̈',
	'क्षि',
	'שָׁלוֹם',
	'עברית',
	'مرحبا',
	'السلام',
	'the',
	'claim',
	'42',
	'2025',
	' ',
	' ',
	'.',
	'\n\n'
];

/** A canonical-looking text of `min`..`max` tokens. */
export function text(min = 1, max = 60): fc.Arbitrary<string> {
	return fc
		.array(fc.constantFrom(...tokens), { minLength: min, maxLength: max })
		.map((parts) => parts.join('').normalize('NFC'));
}

/** A deterministic random generator for building larger fixtures. */
export function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Levenshtein distance over UTF-16 code units, the plain O(nm) way: the reference. */
export function levenshtein(a: string, b: string): number {
	let row = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const next = [i];
		for (let j = 1; j <= b.length; j++) {
			next[j] = Math.min(
				row[j] + 1,
				next[j - 1] + 1,
				row[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1)
			);
		}
		row = next;
	}
	return row[b.length];
}

/** 1 - distance / quote length: how the anchoring code measures a passage against a quote. */
export function similarity(quote: string, passage: string): number {
	return 1 - levenshtein(quote, passage) / quote.length;
}
