import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '$lib/server/auth/password';
import { claimPatch, newClaim } from '$lib/server/claims/input';
import { commentPatch, newComment } from '$lib/server/comments/input';
import { MAX_FILE_BYTES } from '$lib/server/evidence/file-type';
import { newDocument } from '$lib/server/documents/input';
import { evidenceOrder, evidencePatch, newEvidence } from '$lib/server/evidence/input';
import { newRating, ratingOrder, ratingPatch } from '$lib/server/rating-scale/input';
import { decision, publication, retraction } from '$lib/server/review/input';
import { JSON_LIMIT_BYTES } from '$lib/server/http/problem';
import { roles } from '$lib/permissions';

const problem = {
	description: 'An RFC 9457 problem',
	content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
};
const errors = (...statuses: number[]) =>
	Object.fromEntries(statuses.map((status) => [String(status), problem]));
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
/** A request body described by the very schema the server validates it with. */
const body = (schema: v.GenericSchema) => ({
	required: true,
	...json(toJsonSchema(schema, { errorMode: 'ignore', typeMode: 'input' }))
});
const ifMatch = {
	name: 'If-Match',
	in: 'header',
	required: true,
	description: 'The version read, as "3"; a stale one gets 412, none 428',
	schema: { type: 'string' }
};
const object = { type: 'object' };
const list = { ...json({ type: 'object', properties: { items: { type: 'array' } } }) };
const ok = (description: string, schema: object = object) => ({ description, ...json(schema) });

/** The API's description, OpenAPI 3.1: served at /api/v1/openapi.json. */
export const openapi = {
	openapi: '3.1.0',
	info: {
		title: 'Factmark API',
		version: '1',
		description: `JSON in and out; request bodies up to ${JSON_LIMIT_BYTES} bytes. Errors are problem+json. Authenticate with the session cookie or \`Authorization: Bearer <token>\`; writes made with the cookie must carry this site's Origin.`
	},
	servers: [{ url: '/api/v1' }],
	security: [{ bearer: [] }, { cookie: [] }],
	paths: {
		'/auth/login': {
			post: {
				summary: 'Sign in',
				security: [],
				requestBody: { required: true, ...json(ref('Credentials')) },
				responses: {
					'200': {
						description: 'Signed in; also sets the session cookie',
						...json({
							type: 'object',
							required: ['token', 'expiresAt', 'user'],
							properties: {
								token: { type: 'string', description: 'For Authorization: Bearer' },
								expiresAt: { type: 'string', format: 'date-time' },
								user: ref('Me')
							}
						})
					},
					...errors(400, 401, 413, 415, 422, 429)
				}
			}
		},
		'/auth/logout': {
			post: {
				summary: 'End this session or token at once',
				responses: { '204': { description: 'Signed out' }, ...errors(401, 403) }
			}
		},
		'/me': {
			get: {
				summary: 'Who is signed in',
				responses: {
					'200': { description: 'The signed-in user', ...json(ref('Me')) },
					...errors(401)
				}
			}
		},
		'/users': {
			get: {
				summary: 'Everyone who can sign in (admin)',
				parameters: [
					{
						name: 'limit',
						in: 'query',
						schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 }
					},
					{ name: 'cursor', in: 'query', schema: { type: 'string' } }
				],
				responses: {
					'200': {
						description: 'A page of users',
						...json({
							type: 'object',
							required: ['items', 'nextCursor'],
							properties: {
								items: { type: 'array', items: ref('User') },
								nextCursor: { type: ['string', 'null'] }
							}
						})
					},
					...errors(401, 403, 422)
				}
			},
			post: {
				summary: 'Add a user (admin)',
				requestBody: { required: true, ...json(ref('NewUser')) },
				responses: {
					'201': { description: 'Created', ...json(ref('User')) },
					...errors(400, 401, 403, 413, 415, 422)
				}
			}
		},
		'/documents': {
			get: {
				summary: 'Documents, most recently changed first; ?status=, ?q=, ?assigned=me',
				responses: { '200': list, ...errors(401, 403, 422) }
			},
			post: {
				summary: 'Import a text as a new draft (editor)',
				requestBody: body(newDocument),
				responses: { '201': ok('The document'), ...errors(400, 401, 403, 413, 415, 422) }
			}
		},
		'/documents/{id}': {
			get: {
				summary: 'A document with its text and claims',
				responses: { '200': ok('The document'), ...errors(401, 403, 404) }
			},
			patch: {
				summary: 'Assign the document to an editor, or to nobody with null',
				responses: { '200': ok('The document'), ...errors(401, 403, 404, 422) }
			}
		},
		'/documents/{id}/revisions': {
			post: {
				summary: 'Import the next revision of the text; every claim is re-anchored',
				responses: {
					'201': ok('{revision, anchored, moved, orphaned, suggestions}'),
					...errors(401, 403, 404, 409, 413, 415, 422)
				}
			}
		},
		'/documents/{id}/annotations': {
			get: {
				summary: 'The claims as a W3C AnnotationCollection (JSON-LD)',
				responses: { '200': ok('AnnotationCollection'), ...errors(401, 403, 404) }
			}
		},
		'/documents/{id}/claims': {
			get: {
				summary: "A document's claims in text order",
				responses: { '200': list, ...errors(401, 403, 404) }
			},
			post: {
				summary: 'Mark a claim by W3C selectors (editor)',
				requestBody: body(newClaim),
				responses: { '201': ok('The claim'), ...errors(401, 403, 404, 409, 413, 415, 422) }
			}
		},
		'/claims/{id}': {
			get: {
				summary: 'A claim with its verdict and evidence',
				responses: { '200': ok('The claim'), ...errors(401, 403, 404) }
			},
			patch: {
				summary: 'Change a claim: fields, rating, rationale (Tiptap JSON), assignee, selector',
				parameters: [ifMatch],
				requestBody: body(claimPatch),
				responses: {
					'200': ok('The claim; rationaleHtml is the sanitised rendering'),
					...errors(400, 401, 403, 404, 409, 412, 413, 415, 422, 428)
				}
			},
			delete: {
				summary: 'Delete a claim (not while in review)',
				responses: { '204': { description: 'Deleted' }, ...errors(401, 403, 404, 409) }
			}
		},
		'/claims/{id}/evidence': {
			get: {
				summary: "A claim's evidence in order",
				responses: { '200': list, ...errors(401, 403, 404) }
			},
			post: {
				summary: `Add evidence: JSON, or multipart/form-data with a file part (PDF, PNG, JPEG, WebP, plain text; at most ${MAX_FILE_BYTES} bytes, type checked from the bytes)`,
				requestBody: body(newEvidence),
				responses: {
					'201': ok('The evidence item'),
					...errors(400, 401, 403, 404, 409, 413, 415, 422)
				}
			}
		},
		'/claims/{id}/evidence/order': {
			put: {
				summary: "Reorder a claim's evidence",
				requestBody: body(evidenceOrder),
				responses: { '200': list, ...errors(401, 403, 404, 409, 422) }
			}
		},
		'/evidence/{id}': {
			get: {
				summary: 'One evidence item',
				responses: { '200': ok('The item'), ...errors(401, 403, 404) }
			},
			patch: {
				summary: 'Change an evidence item',
				parameters: [ifMatch],
				requestBody: body(evidencePatch),
				responses: { '200': ok('The item'), ...errors(401, 403, 404, 409, 412, 422, 428) }
			},
			delete: {
				summary: 'Remove an evidence item',
				responses: { '204': { description: 'Removed' }, ...errors(401, 403, 404, 409) }
			}
		},
		'/evidence/{id}/file': {
			get: {
				summary: 'Download an evidence file (attachment, nosniff, sandboxed)',
				responses: { '200': { description: 'The bytes' }, ...errors(401, 403, 404) }
			}
		},
		'/claims/{id}/comments': {
			get: {
				summary: "A claim's discussion",
				responses: { '200': list, ...errors(401, 403, 404) }
			},
			post: {
				summary: 'Comment or reply; @Name mentions notify',
				requestBody: body(newComment),
				responses: { '201': ok('The comment'), ...errors(401, 403, 404, 413, 415, 422) }
			}
		},
		'/comments/{id}': {
			patch: {
				summary: "Edit one's own comment",
				requestBody: body(commentPatch),
				responses: { '200': ok('The comment'), ...errors(401, 403, 404, 422) }
			},
			delete: {
				summary: "Delete one's own comment",
				responses: { '204': { description: 'Deleted' }, ...errors(401, 403, 404) }
			}
		},
		'/rating-scale': {
			get: {
				summary: 'The rating scale, in order (public)',
				security: [],
				responses: { '200': ok('Ratings', { type: 'array' }) }
			},
			post: {
				summary: 'Add a rating (admin)',
				requestBody: body(newRating),
				responses: { '201': ok('The rating'), ...errors(401, 403, 409, 422) }
			}
		},
		'/rating-scale/{key}': {
			get: {
				summary: 'One rating',
				security: [],
				responses: { '200': ok('The rating'), ...errors(404) }
			},
			patch: {
				summary: 'Rename, recolour, revalue, describe, retire or restore a rating (admin)',
				parameters: [ifMatch],
				requestBody: body(ratingPatch),
				responses: { '200': ok('The rating'), ...errors(401, 403, 404, 412, 422, 428) }
			}
		},
		'/rating-scale/order': {
			put: {
				summary: 'Reorder the scale (admin)',
				requestBody: body(ratingOrder),
				responses: { '200': ok('Ratings', { type: 'array' }), ...errors(401, 403, 422) }
			}
		},
		'/documents/{id}/submit': {
			post: {
				summary: 'Send for review (editor); 422 lists each incomplete claim in `incomplete`',
				responses: { '200': ok('{status, round}'), ...errors(401, 403, 404, 409, 422) }
			}
		},
		'/review-queue': {
			get: {
				summary: 'Submissions waiting, oldest first; ?language=, ?submitter=, ?assigned=me',
				responses: { '200': list, ...errors(401, 403, 422) }
			}
		},
		'/documents/{id}/review': {
			post: {
				summary: 'Approve or request changes (reviewer); 403 under the four-eyes rule',
				requestBody: body(decision),
				responses: { '200': ok('{status, round}'), ...errors(401, 403, 404, 409, 422) }
			}
		},
		'/documents/{id}/publish': {
			post: {
				summary: 'Publish the next immutable version (reviewer, admin); a note from version 2',
				requestBody: body(publication),
				responses: { '201': ok('{version, url}'), ...errors(401, 403, 404, 409, 422) }
			}
		},
		'/documents/{id}/retract': {
			post: {
				summary: 'Retract publicly, with a reason (admin)',
				requestBody: body(retraction),
				responses: { '200': ok('{status}'), ...errors(401, 403, 404, 409, 422) }
			}
		},
		'/documents/{id}/audit': {
			get: {
				summary: "The document's audit trail, newest first",
				responses: { '200': list, ...errors(401, 403, 404, 422) }
			}
		},
		'/notifications': {
			get: {
				summary: "One's notifications and unread count",
				responses: { '200': list, ...errors(401) }
			}
		},
		'/notifications/read': {
			post: {
				summary: "Mark one's notifications read: {ids?}, all without ids",
				responses: { '204': { description: 'Marked' }, ...errors(401, 422) }
			}
		},
		'/public/fact-checks': {
			get: {
				summary: 'Published fact-checks, newest first; ?q=&rating=&language= (public)',
				security: [],
				responses: { '200': list, ...errors(422) }
			}
		},
		'/public/fact-checks/{slug}': {
			get: {
				summary: 'The latest published version, with its ClaimReviews (public)',
				security: [],
				responses: { '200': ok('The version'), ...errors(404) }
			}
		},
		'/public/fact-checks/{slug}/versions/{n}': {
			get: {
				summary: 'Published version n; never changes, cached for a year (public)',
				security: [],
				responses: { '200': ok('The version'), ...errors(404) }
			}
		},
		'/public/fact-checks/{slug}/versions/{n}/annotations': {
			get: {
				summary: "Version n's claims as a W3C AnnotationCollection (public)",
				security: [],
				responses: { '200': ok('AnnotationCollection'), ...errors(404) }
			}
		},
		'/public/claim-reviews': {
			get: {
				summary: 'Every ClaimReview of the latest versions as a schema.org DataFeed (public)',
				security: [],
				responses: { '200': ok('DataFeed') }
			}
		},
		'/openapi.json': {
			get: { summary: 'This document', security: [], responses: { '200': ok('OpenAPI 3.1') } }
		}
	},
	components: {
		securitySchemes: {
			bearer: { type: 'http', scheme: 'bearer' },
			cookie: { type: 'apiKey', in: 'cookie', name: 'factmark_session' }
		},
		schemas: {
			Problem: {
				type: 'object',
				required: ['type', 'title', 'status', 'detail'],
				properties: {
					type: { type: 'string' },
					title: { type: 'string' },
					status: { type: 'integer' },
					detail: { type: 'string' },
					errors: {
						type: 'array',
						items: {
							type: 'object',
							required: ['path', 'message'],
							properties: { path: { type: 'string' }, message: { type: 'string' } }
						}
					}
				}
			},
			Role: { type: 'string', enum: [...roles] },
			Credentials: {
				type: 'object',
				required: ['email', 'password'],
				properties: {
					email: { type: 'string', maxLength: 254 },
					password: { type: 'string', maxLength: 1024 }
				}
			},
			Me: {
				type: 'object',
				required: ['id', 'email', 'name', 'roles'],
				properties: {
					id: { type: 'string' },
					email: { type: 'string', format: 'email' },
					name: { type: 'string' },
					roles: { type: 'array', items: ref('Role') }
				}
			},
			User: {
				allOf: [
					ref('Me'),
					{
						type: 'object',
						properties: {
							disabled: { type: 'boolean' },
							createdAt: { type: 'string', format: 'date-time' },
							activeSessions: { type: 'integer' }
						}
					}
				]
			},
			NewUser: {
				type: 'object',
				required: ['email', 'name', 'password'],
				additionalProperties: false,
				properties: {
					email: { type: 'string', format: 'email', maxLength: 254 },
					name: { type: 'string', minLength: 1, maxLength: 100 },
					password: {
						type: 'string',
						minLength: MIN_PASSWORD_LENGTH,
						maxLength: MAX_PASSWORD_LENGTH,
						description: 'Not one of the most common passwords'
					},
					roles: { type: 'array', items: ref('Role'), uniqueItems: true, default: [] }
				}
			}
		}
	}
};
