import * as annotations from '$lib/server/annotations';
import { annotationImport } from '$lib/server/annotations/input';
import { requirePermission } from '$lib/server/auth';
import * as claims from '$lib/server/claims';
import * as documents from '$lib/server/documents';
import { api, json, methodNotAllowed, parse, readJson } from '$lib/server/http/problem';

/** The working claims as a W3C Web Annotation collection (JSON-LD). */
export const GET = api(async (event) => {
	requirePermission(event, 'document.read');
	const found = await documents.get(event.locals.db, event.params.id ?? '');
	const rows = await claims.list(event.locals.db, found.id);
	const base = `${event.url.origin}/api/v1`;
	const source = `${base}/documents/${found.id}`;
	const items = rows
		.filter((row) => row.orphanedAt === null)
		.map((row) => {
			const { selector } = claims.toJson(row);
			return {
				id: `${base}/claims/${row.id}`,
				type: 'Annotation',
				motivation: 'assessing',
				created: row.createdAt.toISOString(),
				modified: row.updatedAt.toISOString(),
				...(row.claimText
					? { body: { type: 'TextualBody', value: row.claimText, purpose: 'describing' } }
					: {}),
				target: { source, selector }
			};
		});
	return json(
		{
			'@context': 'http://www.w3.org/ns/anno.jsonld',
			id: `${source}/annotations`,
			type: 'AnnotationCollection',
			label: found.title,
			total: items.length,
			first: { type: 'AnnotationPage', items }
		},
		200,
		{ 'content-type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' }
	);
});

/**
 * Imports W3C Web Annotations (or a Hypothesis export) as claims; the report says what was
 * anchored, what needed fuzzy matching, what could not be placed and what was already there.
 */
export const POST = api(async (event) => {
	const user = requirePermission(event, 'document.edit');
	const body = parse(annotationImport, await readJson(event, annotations.IMPORT_LIMIT_BYTES));
	const report = await annotations.importOnto(
		event.locals.db,
		event.params.id ?? '',
		body,
		user.id
	);
	return json(report);
});

export const fallback = methodNotAllowed;
