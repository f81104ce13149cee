import { CodePointIndex } from '$lib/anchoring/codepoints';

/** A run of a paragraph: plain text, or (part of) a claim's words. */
export interface Piece {
	text: string;
	/** The claim whose words these are; absent for plain text. */
	claimId?: string;
	/** The claim's first piece (carries the mark's id) … */
	first?: boolean;
	/** … and its last (followed by the rating label). */
	last?: boolean;
}

/**
 * The source text as paragraphs (split on blank lines) of pieces, each claim's words its own
 * pieces. Claims count code points. Known limitation: where claims overlap, only the outermost
 * is wrapped (a claim starting inside an earlier one is left to its verdict below the text),
 * since nested and crossing marks cannot be read aloud or labelled clearly without JavaScript.
 * A claim that spans a paragraph break is wrapped in each paragraph it touches.
 */
export function paragraphs(
	text: string,
	claims: readonly { id: string; start: number; end: number }[]
): Piece[][] {
	const index = new CodePointIndex(text);
	const spans: { id: string; start: number; end: number }[] = [];
	let reached = 0;
	for (const claim of [...claims].sort((a, b) => a.start - b.start || b.end - a.end)) {
		if (claim.start < reached || claim.end <= claim.start || claim.end > index.length) {
			continue;
		}
		spans.push({ id: claim.id, start: index.toUtf16(claim.start), end: index.toUtf16(claim.end) });
		reached = claim.end;
	}
	const breaks = [...text.matchAll(/\n[^\S\n]*\n\s*/g)];
	const bounds: [number, number][] = [];
	let from = 0;
	for (const found of breaks) {
		bounds.push([from, found.index]);
		from = found.index + found[0].length;
	}
	bounds.push([from, text.length]);
	const result: Piece[][] = [];
	for (const [start, end] of bounds) {
		const pieces: Piece[] = [];
		let at = start;
		for (const span of spans) {
			const s = Math.max(span.start, start);
			const e = Math.min(span.end, end);
			if (s >= e) {
				continue;
			}
			if (s > at) {
				pieces.push({ text: text.slice(at, s) });
			}
			pieces.push({
				text: text.slice(s, e),
				claimId: span.id,
				first: s === span.start,
				last: e === span.end
			});
			at = e;
		}
		if (at < end) {
			pieces.push({ text: text.slice(at, end) });
		}
		if (pieces.some((piece) => piece.text.trim() || piece.claimId)) {
			result.push(pieces);
		}
	}
	return result;
}
