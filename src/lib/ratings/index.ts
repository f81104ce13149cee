/** The rating scale's ends, as ClaimReview's `bestRating` and `worstRating`. */
export const BEST_RATING = 6;
export const WORST_RATING = 1;

/** WCAG contrast ratio of white text on the colour `#rrggbb` (1 to 21). */
export function contrastWithWhite(hex: string): number {
	const channel = (at: number) => {
		const c = parseInt(hex.slice(at, at + 2), 16) / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
	return 1.05 / (luminance + 0.05);
}

/** A text in the wanted language, else in English, else any. */
export function localized(texts: Record<string, string>, locale: string): string {
	return texts[locale] || texts.en || Object.values(texts).find(Boolean) || '';
}
