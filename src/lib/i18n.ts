const rightToLeft = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** `rtl` for languages written right to left (by the BCP 47 tag's language), else `ltr`. */
export function textDirection(tag: string): 'ltr' | 'rtl' {
	const language = tag.split('-')[0].toLowerCase();
	return rightToLeft.has(language) || /-(Arab|Hebr|Thaa|Syrc|Nkoo|Adlm)\b/i.test(tag)
		? 'rtl'
		: 'ltr';
}
