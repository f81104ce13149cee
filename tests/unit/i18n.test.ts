import { describe, expect, it } from 'vitest';
import { negotiateLocale, textDirection } from '$lib/i18n';

describe('textDirection', () => {
	it.each([
		['ar', 'rtl'],
		['AR-eg', 'rtl'],
		['he-IL', 'rtl'],
		['fa', 'rtl'],
		['ur-PK', 'rtl'],
		['yi', 'rtl'],
		['az-Arab', 'rtl'],
		['pa-Arab-PK', 'rtl'],
		['en', 'ltr'],
		['zh-Hant', 'ltr'],
		['zh-Hant-TW', 'ltr'],
		['ja', 'ltr'],
		['az-Latn', 'ltr'],
		['', 'ltr']
	])('%s is %s', (tag, direction) => {
		expect(textDirection(tag)).toBe(direction);
	});
});

describe('negotiateLocale', () => {
	const available = ['en', 'zh-Hant'] as const;

	it.each([
		['en-GB,en;q=0.9', 'en'],
		['zh-TW,zh;q=0.9,en;q=0.8', 'zh-Hant'],
		['zh-HK', 'zh-Hant'],
		['zh-hant', 'zh-Hant'],
		['fr-FR, en;q=0.5, zh;q=0.7', 'zh-Hant'],
		['en;q=0, zh', 'zh-Hant'],
		['fr, de', undefined],
		['*', undefined],
		['', undefined],
		[null, undefined]
	])('%j → %s', (header, expected) => {
		expect(negotiateLocale(header, available)).toBe(expected);
	});
});
