/**
 * Atom (RFC 4287) and sitemap (sitemaps.org 0.9) documents for the published fact-checks.
 * Pure: the routes give them the versions and the site's origin.
 */

export interface FeedVersion {
	slug: string;
	version: number;
	publishedAt: Date;
	note: string | null;
	title: string;
	language: string;
	claims: number;
}

/**
 * Text safe inside XML elements and attributes, without the characters XML 1.0 forbids (one
 * of them would make the whole feed unreadable).
 */
export function escapeXml(text: string): string {
	return text
		.replace(/[^\P{Cc}\t\n\r]|[\ufffe\uffff]|\p{Cs}/gu, '')
		.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The sitemap protocol's limit on URLs in one file; the newest are kept. */
const MAX_URLS = 50_000;

const pageOf = (origin: string, v: FeedVersion) =>
	`${origin}/fact-checks/${encodeURIComponent(v.slug)}`;

/** A version's own page, which never changes: its identity in the feed. */
const versionOf = (origin: string, v: FeedVersion) => `${pageOf(origin, v)}/v/${v.version}`;

/** One Atom entry per published version, the newest first. */
export function atom(versions: FeedVersion[], origin: string, name: string): string {
	const updated = (versions[0]?.publishedAt ?? new Date(0)).toISOString();
	const entries = versions.map((v) => {
		const url = versionOf(origin, v);
		const summary =
			v.version > 1 && v.note
				? `Correction (version ${v.version}): ${v.note}`
				: `${v.claims} claims checked.`;
		return [
			'<entry>',
			`<id>${escapeXml(url)}</id>`,
			`<title xml:lang="${escapeXml(v.language)}">${escapeXml(v.title)}</title>`,
			`<link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
			`<updated>${v.publishedAt.toISOString()}</updated>`,
			`<published>${v.publishedAt.toISOString()}</published>`,
			`<summary>${escapeXml(summary)}</summary>`,
			'</entry>'
		].join('');
	});
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<feed xmlns="http://www.w3.org/2005/Atom">',
		`<id>${escapeXml(origin)}/feed.xml</id>`,
		`<title>${escapeXml(name)}</title>`,
		`<link rel="self" type="application/atom+xml" href="${escapeXml(origin)}/feed.xml"/>`,
		`<link rel="alternate" type="text/html" href="${escapeXml(origin)}/fact-checks"/>`,
		`<updated>${updated}</updated>`,
		`<author><name>${escapeXml(name)}</name></author>`,
		...entries,
		'</feed>'
	].join('\n');
}

/** The public pages: the list, each fact-check (latest) and each of its versions. */
export function sitemap(versions: FeedVersion[], origin: string): string {
	const latest = new Map<string, FeedVersion>();
	for (const v of versions) {
		if (!latest.has(v.slug)) {
			latest.set(v.slug, v);
		}
	}
	const url = (loc: string, modified: Date) =>
		`<url><loc>${escapeXml(loc)}</loc><lastmod>${modified.toISOString().slice(0, 10)}</lastmod></url>`;
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
		...[
			url(`${origin}/fact-checks`, versions[0]?.publishedAt ?? new Date()),
			...[...latest.values()].map((v) =>
				url(`${origin}/fact-checks/${encodeURIComponent(v.slug)}`, v.publishedAt)
			),
			...versions.map((v) => url(versionOf(origin, v), v.publishedAt))
		].slice(0, MAX_URLS),
		'</urlset>'
	].join('\n');
}
