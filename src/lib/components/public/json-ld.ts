/**
 * A JSON-LD script element for {@html}. The JSON cannot end the element early: every '<' in it
 * is escaped. (The closing tag is split so that it does not end a component's own script.)
 */
export function jsonLd(value: unknown): string {
	const json = JSON.stringify(value).replace(/</g, '\\u003c');
	return `<script type="application/ld+json">${json}</` + 'script>';
}
