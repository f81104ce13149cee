const rightToLeft = new Set([
	'ar',
	'arc',
	'ckb',
	'dv',
	'fa',
	'he',
	'ks',
	'ps',
	'sd',
	'ug',
	'ur',
	'yi'
]);

const rightToLeftScripts = /^(Arab|Hebr|Thaa|Syrc|Nkoo|Adlm|Mand|Samr|Rohg)$/i;

/**
 * `rtl` for text written right to left, else `ltr`: by the tag's script when it names one
 * (ar-Latn is ltr, sd-Arab rtl), otherwise by its language.
 */
export function textDirection(tag: string): 'ltr' | 'rtl' {
	const [language, ...subtags] = tag.split('-');
	const script = subtags.find((subtag) => /^[A-Za-z]{4}$/.test(subtag));
	if (script) {
		return rightToLeftScripts.test(script) ? 'rtl' : 'ltr';
	}
	return rightToLeft.has(language.toLowerCase()) ? 'rtl' : 'ltr';
}

/**
 * The best of `available` for an Accept-Language header: an exact match, else the same
 * language (en-GB → en), and any Chinese to the one Chinese we have, so that zh-TW and zh-HK
 * browsers get Traditional Chinese. Undefined when nothing fits.
 */
export function negotiateLocale<T extends string>(
	header: string | null,
	available: readonly T[]
): T | undefined {
	const wanted = (header ?? '')
		.split(',')
		.map((part, index) => {
			const [tag, ...params] = part.trim().split(';');
			const q = Number(
				params
					.find((p) => p.trim().startsWith('q='))
					?.trim()
					.slice(2) ?? 1
			);
			return { tag: tag.toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
		})
		.filter((entry) => entry.tag && entry.tag !== '*' && entry.q > 0)
		.sort((a, b) => b.q - a.q || a.index - b.index);
	for (const { tag } of wanted) {
		const language = tag.split('-')[0];
		const match =
			available.find((locale) => locale.toLowerCase() === tag) ??
			available.find((locale) => locale.toLowerCase().split('-')[0] === language);
		if (match) {
			return match;
		}
	}
	return undefined;
}
