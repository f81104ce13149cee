/**
 * The canonical form of a source text (product.md): Unicode NFC, `\n` line ends, no trailing
 * spaces, paragraphs separated by exactly one blank line, nothing before or after.
 */
export function canonicalText(raw: string): string {
	return raw
		.normalize('NFC')
		.replace(/\r\n?/g, '\n')
		.split(/\n[^\S\n]*\n\s*/)
		.map((paragraph) =>
			paragraph
				.split('\n')
				.map((line) => line.trimEnd())
				.join('\n')
				.trim()
		)
		.filter((paragraph) => paragraph.length > 0)
		.join('\n\n');
}

/** The paragraphs of a canonical text. */
export function paragraphs(text: string): string[] {
	return text === '' ? [] : text.split('\n\n');
}
