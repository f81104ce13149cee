import { fieldsOf, reference } from '$lib/server/api-reference';
import { openapi } from '$lib/server/openapi';
import type { PageServerLoad } from './$types';

/** Public: the API's reference, read from the same OpenAPI document the API serves. */
export const load: PageServerLoad = () => {
	const description = JSON.parse(JSON.stringify(openapi));
	const schemas = description.components.schemas;
	return {
		intro: openapi.info.description,
		groups: reference(description),
		schemas: Object.keys(schemas).map((name) => ({
			name,
			fields: fieldsOf(schemas[name], schemas)
		}))
	};
};
