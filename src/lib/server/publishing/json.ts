import { claimReview, type Organisation } from '$lib/claimreview';
import type { Database } from '$lib/server/db';
import { AppError } from '$lib/server/errors';
import * as settings from '$lib/server/settings';
import type { PublicVersion } from './index';

/** The organisation that publishes, from the settings; its URL defaults to this site. */
export async function organisation(db: Database, origin: string): Promise<Organisation> {
	const all = await settings.read(db);
	return {
		name: all.organisationName,
		url: all.organisationUrl || origin,
		logo: all.organisationLogo || null
	};
}

/** Every ClaimReview of a published version (rated claims only). */
export function claimReviews(v: PublicVersion, origin: string, publisher: Organisation) {
	const document = { ...v.snapshot, publishedAt: v.publishedAt };
	const context = { origin, organisation: publisher, locale: v.snapshot.language };
	return v.snapshot.claims
		.filter((claim) => claim.rating)
		.map((claim) => claimReview(document, claim, context));
}

/** A published version as the public JSON API gives it. */
export function versionJson(v: PublicVersion, origin: string, publisher: Organisation) {
	const { text, claims, ...metadata } = v.snapshot;
	return {
		...metadata,
		version: v.version,
		latestVersion: v.latest,
		publishedAt: v.publishedAt,
		correctionNote: v.note,
		url: `${origin}/fact-checks/${encodeURIComponent(v.snapshot.slug)}/v/${v.version}`,
		retracted: v.retracted,
		versions: v.history,
		text,
		claims: claims.map(({ rationale: _json, ...claim }) => claim),
		claimReviews: claimReviews(v, origin, publisher)
	};
}

/** A version number as a path gives it; AppError 404 for anything else. */
export function versionNumber(raw: string | undefined): number {
	if (!raw || !/^[1-9]\d{0,5}$/.test(raw)) {
		throw new AppError(404, 'No such version.');
	}
	return Number(raw);
}
