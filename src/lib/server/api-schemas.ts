/**
 * JSON Schemas of what the API answers, for the OpenAPI document's `components.schemas`.
 * Request bodies are described by the valibot schemas the server validates with; responses
 * by these, which the contract test (tests/e2e/contract.spec.ts) checks every answer against.
 * Objects stay open to new properties: adding a field is not a breaking change.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const string = { type: 'string' };
const nullableString = { type: ['string', 'null'] };
const integer = { type: 'integer' };
const dateTime = { type: 'string', format: 'date-time' };
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' };
const person = {
	type: 'object',
	required: ['id', 'name'],
	properties: { id: string, name: string }
};

/** An object with these properties, all required. */
function record(properties: Record<string, object>, optional: Record<string, object> = {}) {
	return {
		type: 'object',
		required: Object.keys(properties),
		properties: { ...properties, ...optional }
	};
}

/** A page of a list, as api.md describes: `{items, nextCursor}`. */
export const page = (items: object) =>
	record({ items: { type: 'array', items }, nextCursor: nullableString });

export const responseSchemas = {
	Document: record({
		id: string,
		slug: string,
		title: string,
		language: string,
		sourceUrl: nullableString,
		publisher: nullableString,
		author: nullableString,
		publishedAt: { type: ['string', 'null'], format: 'date' },
		status: { enum: ['draft', 'in_review', 'changes_requested', 'approved', 'published'] },
		revision: integer,
		assigneeId: nullableString,
		retractedAt: nullableDateTime,
		retractionReason: nullableString,
		version: integer,
		createdAt: dateTime,
		updatedAt: dateTime
	}),
	DocumentSummary: record({
		id: string,
		slug: string,
		title: string,
		language: string,
		status: string,
		updatedAt: dateTime,
		claims: integer
	}),
	TextQuoteSelector: record(
		{ type: { const: 'TextQuoteSelector' }, exact: string },
		{ prefix: string, suffix: string }
	),
	TextPositionSelector: record({
		type: { const: 'TextPositionSelector' },
		start: { type: 'integer', minimum: 0 },
		end: { type: 'integer', minimum: 0 }
	}),
	Claim: record({
		id: string,
		documentId: string,
		selector: {
			type: 'array',
			prefixItems: [ref('TextQuoteSelector'), ref('TextPositionSelector')]
		},
		quote: string,
		orphaned: { type: 'boolean' },
		suggestion: {
			oneOf: [
				{ type: 'null' },
				record({ start: integer, end: integer, confidence: { type: ['number', 'null'] } })
			]
		},
		claimText: string,
		claimant: string,
		claimDate: { type: ['string', 'null'], format: 'date' },
		rating: nullableString,
		rationale: { type: ['object', 'null'], description: 'Tiptap JSON' },
		rationaleHtml: { ...string, description: 'The rationale as sanitised HTML' },
		assigneeId: nullableString,
		version: integer,
		createdAt: dateTime,
		updatedAt: dateTime,
		updatedBy: nullableString
	}),
	Evidence: record({
		id: string,
		claimId: string,
		position: integer,
		kind: string,
		url: nullableString,
		title: string,
		publisher: string,
		date: { type: ['string', 'null'], format: 'date' },
		quote: string,
		stance: string,
		note: string,
		file: {
			oneOf: [
				{ type: 'null' },
				record({ id: string, name: string, mediaType: string, size: integer, url: string })
			]
		},
		version: integer,
		createdAt: dateTime,
		updatedAt: dateTime
	}),
	Comment: record({
		id: string,
		claimId: string,
		parentId: nullableString,
		author: person,
		body: string,
		mentions: { type: 'array', items: person },
		deleted: { type: 'boolean' },
		createdAt: dateTime,
		editedAt: nullableDateTime
	}),
	Rating: record({
		key: string,
		label: string,
		labels: { type: 'object', additionalProperties: string },
		value: { type: ['number', 'null'], description: 'Null for ratings outside the scale' },
		bestRating: { type: 'number' },
		worstRating: { type: 'number' },
		description: string,
		color: string,
		retired: { type: 'boolean' },
		version: integer
	}),
	AuditEntry: record({
		id: integer,
		entity: string,
		entityId: string,
		action: string,
		actor: { oneOf: [{ type: 'null' }, person] },
		createdAt: dateTime
	}),
	Notification: record({
		id: string,
		kind: { enum: ['mention', 'submitted', 'changes_requested', 'approved', 'published'] },
		documentId: nullableString,
		read: { type: 'boolean' },
		createdAt: dateTime
	}),
	Submission: record({
		id: string,
		title: string,
		language: string,
		round: integer,
		submittedAt: dateTime,
		submitter: person,
		claims: integer,
		ratings: { type: 'object', additionalProperties: integer },
		approvals: integer
	}),
	Revision: record({
		revision: integer,
		anchored: { type: 'array', items: string },
		moved: { type: 'array', items: string },
		orphaned: { type: 'array', items: string },
		suggestions: {
			type: 'array',
			items: record({
				claimId: string,
				start: integer,
				end: integer,
				confidence: { type: 'number' }
			})
		}
	}),
	Workflow: record({ status: string }),
	Publication: record({ version: integer, url: string }),
	PublicVersion: record({
		slug: string,
		title: string,
		version: integer,
		latestVersion: integer,
		publishedAt: dateTime,
		url: string,
		retracted: {
			oneOf: [{ type: 'null' }, record({ at: dateTime, reason: string })]
		},
		text: string,
		claims: { type: 'array', items: { type: 'object' } },
		claimReviews: { type: 'array', items: { type: 'object' } }
	}),
	FactCheckSummary: record({
		slug: string,
		version: integer,
		publishedAt: dateTime,
		title: string,
		language: string,
		claims: integer,
		ratings: { type: 'object', additionalProperties: integer },
		retracted: { type: 'boolean' }
	}),
	AnnotationCollection: record({
		'@context': {},
		type: { const: 'AnnotationCollection' },
		total: integer
	})
};
