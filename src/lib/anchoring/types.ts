/**
 * W3C Web Annotation selectors over canonical text. Offsets count Unicode code points.
 * https://www.w3.org/TR/annotation-model/#selectors
 */

/** The quoted words with the text just before and after them (up to 32 code points each). */
export interface TextQuoteSelector {
	type: 'TextQuoteSelector';
	exact: string;
	/** Absent when unknown; '' when the quote starts the text. */
	prefix?: string;
	/** Absent when unknown; '' when the quote ends the text. */
	suffix?: string;
}

/** Where the quote is: code point offsets, `end` exclusive. */
export interface TextPositionSelector {
	type: 'TextPositionSelector';
	start: number;
	end: number;
}

/** The selectors of one claim. */
export interface Selectors {
	quote: TextQuoteSelector;
	position?: TextPositionSelector;
}

/** The selectors `describe` makes: with position and both contexts. */
export interface Described {
	quote: Required<TextQuoteSelector>;
	position: TextPositionSelector;
}

/** A range of a text found for selectors, in code points, with how sure and how it was found. */
export interface Anchor {
	start: number;
	end: number;
	/** In [0, 1]: 1 for the exact words in the exact context. */
	confidence: number;
	/** 'position': the position selector held; 'quote': the exact words; 'fuzzy': similar words. */
	how: 'position' | 'quote' | 'fuzzy';
}
