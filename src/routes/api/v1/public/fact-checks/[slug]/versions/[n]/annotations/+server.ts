import { api, json, methodNotAllowed } from '$lib/server/http/problem';
import * as publishing from '$lib/server/publishing';
import { versionNumber } from '$lib/server/publishing/json';

/** Public: version n's claims as a W3C Web Annotation collection (JSON-LD). */
export const GET = api(async (event) => {
	const v = await publishing.publicVersion(
		event.locals.db,
		event.params.slug ?? '',
		versionNumber(event.params.n)
	);
	const base = `${event.url.origin}/api/v1/public/fact-checks/${encodeURIComponent(v.snapshot.slug)}/versions/${v.version}`;
	const items = v.snapshot.claims.map((claim) => ({
		id: `${base}#claim-${claim.id}`,
		type: 'Annotation',
		motivation: 'assessing',
		created: v.publishedAt.toISOString(),
		body: [
			...(claim.claimText
				? [{ type: 'TextualBody', value: claim.claimText, purpose: 'describing' }]
				: []),
			...(claim.rating
				? [{ type: 'TextualBody', value: claim.rating.key, purpose: 'tagging' }]
				: [])
		],
		target: {
			source: base,
			selector: [
				{
					type: 'TextQuoteSelector',
					exact: claim.exact,
					prefix: claim.prefix,
					suffix: claim.suffix
				},
				{ type: 'TextPositionSelector', start: claim.start, end: claim.end }
			]
		}
	}));
	return json(
		{
			'@context': 'http://www.w3.org/ns/anno.jsonld',
			id: `${base}/annotations`,
			type: 'AnnotationCollection',
			label: v.snapshot.title,
			total: items.length,
			first: { type: 'AnnotationPage', items }
		},
		200,
		{
			'content-type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
		}
	);
});

export const fallback = methodNotAllowed;
