import { describe, expect, it } from 'vitest';
import { openapi } from '$lib/server/openapi';

describe('the OpenAPI document', () => {
	interface Operation {
		requestBody: {
			content: Record<string, { schema: { properties: Record<string, { maxLength?: number }> } }>;
		};
	}
	const paths = JSON.parse(JSON.stringify(openapi.paths)) as Record<
		string,
		Record<string, Operation>
	>;
	const schemaOf = (path: string, method: 'post' | 'patch') =>
		paths[path][method].requestBody.content['application/json'].schema;

	it('states the limits the server validates with', () => {
		const evidence = schemaOf('/claims/{id}/evidence', 'post');
		expect(evidence.properties.note.maxLength).toBe(20_000);
		expect(evidence.properties.quote.maxLength).toBe(10_000);
		expect(schemaOf('/claims/{id}/comments', 'post').properties.body.maxLength).toBe(10_000);
		expect(schemaOf('/claims/{id}', 'patch').properties.claimText.maxLength).toBe(2_000);
	});

	it('names every operation once, for generated clients', () => {
		const ids = Object.values(paths).flatMap((methods) =>
			Object.values(methods as Record<string, { operationId?: string }>).map((op) => op.operationId)
		);
		expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('serialises to JSON', () => {
		expect(JSON.parse(JSON.stringify(openapi)).openapi).toBe('3.1.0');
	});
});
