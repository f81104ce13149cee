/**
 * Anchoring claims to canonical text with W3C selectors: pure functions, no DOM, no I/O, the
 * same in the browser and on the server. Offsets in selectors and results count code points.
 */
export { anchor } from './anchor';
export { CONFIDENCE_FLOOR, MARGIN } from './candidates';
export {
	CodePointIndex,
	codePointLength,
	sliceCodePoints,
	toCodePointOffset,
	toUtf16Offset
} from './codepoints';
export { CONTEXT_LENGTH } from './context';
export { describe } from './describe';
export { isGraphemeBoundary, snapToGraphemes, splitsGrapheme } from './graphemes';
export { IndexedText, indexText } from './indexed-text';
export { reanchor, type Reanchored, type Suggestion } from './reanchor';
export type {
	Anchor,
	Described,
	Selectors,
	TextPositionSelector,
	TextQuoteSelector
} from './types';
