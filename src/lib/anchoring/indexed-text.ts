import { CodePointIndex } from './codepoints';
import { GramIndex } from './grams';

/**
 * A text prepared for anchoring many selectors: its code point index now, its grapheme
 * segmentation and n-gram indexes on first use. Immutable from outside; build one per text
 * version and drop it with the text.
 */
export class IndexedText {
	/** The text itself. */
	readonly text: string;
	/** Code point and UTF-16 offsets of the text. */
	readonly codePoints: CodePointIndex;
	private segmentation: Intl.Segments | null | undefined;
	private readonly grams = new Map<number, GramIndex>();

	constructor(text: string) {
		this.text = text;
		this.codePoints = new CodePointIndex(text);
	}

	/** The text's grapheme clusters, or null where `Intl.Segmenter` is missing. */
	graphemes(): Intl.Segments | null {
		if (this.segmentation === undefined) {
			this.segmentation =
				typeof Intl.Segmenter === 'function'
					? new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(this.text)
					: null;
		}
		return this.segmentation;
	}

	/** Where each run of `size` UTF-16 units occurs in the text. */
	gramIndex(size: number): GramIndex {
		let index = this.grams.get(size);
		if (!index) {
			index = new GramIndex(this.text, size);
			this.grams.set(size, index);
		}
		return index;
	}
}

/** `text` prepared for anchoring, or `text` itself when it already is. */
export function indexText(text: string | IndexedText): IndexedText {
	return typeof text === 'string' ? new IndexedText(text) : text;
}
