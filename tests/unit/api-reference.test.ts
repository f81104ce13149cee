import { describe, expect, it } from 'vitest';
import { fieldsOf, reference, typeOf } from '$lib/server/api-reference';
import { openapi } from '$lib/server/openapi';

describe('the API reference', () => {
	const description = JSON.parse(JSON.stringify(openapi));

	it('names types in a few words', () => {
		expect(typeOf({ type: ['string', 'null'] })).toBe('string | null');
		expect(typeOf({ type: 'array', items: { $ref: '#/components/schemas/Claim' } })).toBe(
			'Claim[]'
		);
		expect(typeOf({ enum: ['approve', 'request_changes'] })).toBe('"approve" | "request_changes"');
		expect(typeOf({ type: 'string', format: 'date-time' })).toBe('string (date-time)');
		expect(
			typeOf({
				type: 'object',
				properties: {
					items: { type: 'array', items: { $ref: '#/components/schemas/Claim' } },
					nextCursor: { type: ['string', 'null'] }
				}
			})
		).toBe('page of Claim');
	});

	it('lists every operation of the OpenAPI document once', () => {
		const listed = reference(description).flatMap((group) => group.operations);
		const documented = Object.values(description.paths as Record<string, object>).flatMap(
			(methods) => Object.keys(methods)
		);
		expect(listed).toHaveLength(documented.length);
		expect(new Set(listed.map((operation) => operation.id)).size).toBe(listed.length);
	});

	it("shows a request body's fields with their limits", () => {
		const operation = reference(description)
			.flatMap((group) => group.operations)
			.find((op) => op.method === 'POST' && op.path === '/claims/{id}/comments');
		expect(operation?.body?.fields.find((field) => field.name === 'body')).toMatchObject({
			type: 'string',
			required: false,
			notes: expect.stringContaining('at most 10000 characters')
		});
	});

	it("resolves a schema's fields through references and allOf", () => {
		const names = fieldsOf({ $ref: '#/components/schemas/User' }, description.components.schemas);
		expect(names.map((field) => field.name)).toEqual(
			expect.arrayContaining(['id', 'email', 'disabled'])
		);
	});
});
