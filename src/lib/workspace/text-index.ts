import { CodePointIndex } from '$lib/anchoring/codepoints';

/**
 * Converts between the positions the product uses — Unicode code points over the canonical
 * text (W3C) — and the editor's. The editor holds one paragraph per canonical paragraph; a
 * paragraph boundary is 2 editor positions and the "\n\n" between paragraphs is 2 UTF-16
 * units, so an editor position is the UTF-16 offset plus 1 (the document's opening).
 */
export class TextIndex {
	readonly #index: CodePointIndex;

	constructor(text: string) {
		this.#index = new CodePointIndex(text);
	}

	/** The text's length in code points. */
	get length(): number {
		return this.#index.length;
	}

	/** The editor position before code point `codePoint` (clamped to the text). */
	toEditor(codePoint: number): number {
		return this.#index.toUtf16(Math.max(0, Math.min(Math.round(codePoint), this.length))) + 1;
	}

	/** The code point at an editor position; one inside a surrogate pair moves past it. */
	fromEditor(position: number): number {
		let unit = Math.max(0, Math.min(position - 1, this.#index.text.length));
		while (!this.#index.isBoundary(unit)) {
			unit++;
		}
		return this.#index.toCodePoint(unit);
	}
}
