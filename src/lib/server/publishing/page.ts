import { error } from '@sveltejs/kit';
import { orErrorPage } from '$lib/server/http/form';
import type { Database } from '$lib/server/db';
import { versionChanges } from '$lib/publishing/changes';
import { paragraphs } from '$lib/publishing/source-text';
import * as publishing from './index';
import { claimReviews, organisation } from './json';

type Claim = publishing.Snapshot['claims'][number];

/** A claim as a page shows it: the rationale as sanitised HTML, not the editor's JSON. */
const shown = ({ rationale: _json, ...claim }: Claim) => claim;

/**
 * Everything a public fact-check page shows of version `n` (the latest when null), and for a
 * numbered version after the first, what changed from the one before. 404 (as an error page)
 * for anything unpublished: drafts never reach a public page.
 */
export async function factCheckPage(db: Database, slug: string, n: number | null, origin: string) {
	const v = await orErrorPage(publishing.publicVersion(db, slug, n));
	const publisher = await organisation(db, origin);
	// The verdicts in the order their claims appear in the text.
	const claims = [...v.snapshot.claims].sort((a, b) => a.start - b.start || b.end - a.end);
	const previous =
		n !== null && v.version > 1 ? await publishing.publicVersion(db, slug, v.version - 1) : null;
	const page = `${origin}/fact-checks/${encodeURIComponent(v.snapshot.slug)}`;
	return {
		version: v.version,
		latest: v.latest,
		publishedAt: v.publishedAt,
		note: v.note,
		retracted: v.retracted,
		history: v.history,
		document: {
			title: v.snapshot.title,
			slug: v.snapshot.slug,
			language: v.snapshot.language,
			sourceUrl: v.snapshot.sourceUrl,
			publisher: v.snapshot.publisher,
			author: v.snapshot.author,
			sourcePublishedAt: v.snapshot.sourcePublishedAt
		},
		paragraphs: paragraphs(v.snapshot.text, claims),
		claims: claims.map(shown),
		credits: v.snapshot.credits,
		url: n === null ? page : `${page}/v/${v.version}`,
		claimReviews: claimReviews(v, origin, publisher),
		changes: previous ? versionChanges(previous.snapshot, v.snapshot) : null
	};
}

export type FactCheckPage = Awaited<ReturnType<typeof factCheckPage>>;

/** One claim's verdict page: the claim, its ClaimReview (exactly one) and its fact-check. */
export async function claimPage(db: Database, slug: string, claimId: string, origin: string) {
	const { version: v, claim } = await orErrorPage(publishing.publicClaim(db, claimId));
	if (v.snapshot.slug !== slug) {
		error(404, 'No such published claim.');
	}
	const publisher = await organisation(db, origin);
	const page = `${origin}/fact-checks/${encodeURIComponent(v.snapshot.slug)}`;
	return {
		document: { title: v.snapshot.title, slug: v.snapshot.slug, language: v.snapshot.language },
		publishedAt: v.publishedAt,
		version: v.version,
		claim: shown(claim),
		url: `${page}/claims/${claim.id}`,
		factCheckUrl: `${page}#claim-${claim.id}`,
		claimReview:
			claimReviews(v, origin, publisher).find((review) => review.url.endsWith(claim.id)) ?? null
	};
}
