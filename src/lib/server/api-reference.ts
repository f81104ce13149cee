/**
 * The OpenAPI document turned into what the reference page at /api/docs shows: operations
 * grouped by their first path segment, each with its parameters, body fields and answers.
 */
interface JsonSchema {
	$ref?: string;
	type?: string | string[];
	const?: unknown;
	enum?: unknown[];
	format?: string;
	description?: string;
	properties?: Record<string, JsonSchema>;
	required?: string[];
	items?: JsonSchema;
	anyOf?: JsonSchema[];
	oneOf?: JsonSchema[];
	allOf?: JsonSchema[];
	minLength?: number;
	maxLength?: number;
	minimum?: number;
	maximum?: number;
	maxItems?: number;
	default?: unknown;
}

interface Operation {
	summary?: string;
	security?: unknown[];
	parameters?: { name: string; in: string; required?: boolean; description?: string }[];
	requestBody?: { content: Record<string, { schema: JsonSchema }> };
	responses: Record<
		string,
		{ description?: string; content?: Record<string, { schema: JsonSchema }> }
	>;
}

interface Document {
	paths: Record<string, Record<string, Operation>>;
	components: { schemas: Record<string, JsonSchema> };
}

export interface Field {
	name: string;
	type: string;
	required: boolean;
	notes: string;
}

const schemaName = (ref: string) => ref.split('/').pop() ?? ref;

/** A schema's type in a few words: `string`, `integer | null`, `Claim[]`, `"approve" | …`. */
export function typeOf(schema: JsonSchema): string {
	if (schema.$ref) {
		return schemaName(schema.$ref);
	}
	if (schema.const !== undefined) {
		return JSON.stringify(schema.const);
	}
	if (schema.enum) {
		return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
	}
	const variants = schema.anyOf ?? schema.oneOf;
	if (variants) {
		return variants.map(typeOf).join(' | ');
	}
	if (schema.allOf) {
		return schema.allOf.map(typeOf).join(' & ');
	}
	const listed = schema.properties?.items;
	if (schema.properties?.nextCursor && listed?.items) {
		return `page of ${typeOf(listed.items)}`;
	}
	const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'any'];
	return types
		.map((type) => (type === 'array' && schema.items ? `${typeOf(schema.items)}[]` : type))
		.map((type) => (type === 'string' && schema.format ? `${type} (${schema.format})` : type))
		.join(' | ');
}

/** A field's limits and description, as one line. */
function notesOf(schema: JsonSchema): string {
	const limits = [
		schema.minLength !== undefined &&
			`at least ${schema.minLength} ${schema.minLength === 1 ? 'character' : 'characters'}`,
		schema.maxLength !== undefined && `at most ${schema.maxLength} characters`,
		schema.minimum !== undefined && `≥ ${schema.minimum}`,
		schema.maximum !== undefined && `≤ ${schema.maximum}`,
		schema.maxItems !== undefined && `at most ${schema.maxItems} items`,
		schema.default !== undefined && `default ${JSON.stringify(schema.default)}`
	].filter(Boolean);
	return [schema.description, ...limits].filter(Boolean).join('; ');
}

/** An object schema's properties as fields; a schema that is not an object has none. */
export function fieldsOf(schema: JsonSchema, schemas: Record<string, JsonSchema>): Field[] {
	const resolved = schema.$ref ? schemas[schemaName(schema.$ref)] : schema;
	if (!resolved) {
		return [];
	}
	if (resolved.allOf) {
		return resolved.allOf.flatMap((part) => fieldsOf(part, schemas));
	}
	const required = new Set(resolved.required ?? []);
	return Object.entries(resolved.properties ?? {}).map(([name, property]) => ({
		name,
		type: typeOf(property),
		required: required.has(name),
		notes: notesOf(property)
	}));
}

/** Every operation of `description`, grouped by the first segment of its path. */
export function reference(description: Document) {
	const groups = new Map<string, ReturnType<typeof operationOf>[]>();
	for (const [path, methods] of Object.entries(description.paths)) {
		for (const [method, operation] of Object.entries(methods)) {
			const group = path.split('/')[1] ?? '';
			groups.set(group, [...(groups.get(group) ?? []), operationOf(path, method, operation)]);
		}
	}
	function operationOf(path: string, method: string, operation: Operation) {
		const [mediaType, body] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
		return {
			id: `${method}-${path.replace(/[^\w]+/g, '-').replace(/^-|-$/g, '')}`,
			method: method.toUpperCase(),
			path,
			summary: operation.summary ?? '',
			public: Array.isArray(operation.security) && operation.security.length === 0,
			parameters: (operation.parameters ?? []).map((p) => ({
				name: p.name,
				in: p.in,
				required: Boolean(p.required),
				description: p.description ?? ''
			})),
			body: body
				? { mediaType, fields: fieldsOf(body.schema, description.components.schemas) }
				: null,
			responses: Object.entries(operation.responses).map(([status, answer]) => {
				const schema = Object.values(answer.content ?? {})[0]?.schema;
				return {
					status,
					description: answer.description ?? '',
					type: schema ? typeOf(schema) : ''
				};
			})
		};
	}
	return [...groups].map(([name, operations]) => ({ name, operations }));
}
