import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '$lib/server/auth/password';
import { newPersonalToken } from '$lib/server/auth/tokens';
import { annotationImport } from '$lib/server/annotations/input';
import { claimReviewImport } from '$lib/server/claim-reviews/input';
import { claimPatch, newClaim } from '$lib/server/claims/input';
import { commentPatch, newComment } from '$lib/server/comments/input';
import { MAX_FILE_BYTES } from '$lib/server/evidence/file-type';
import { newDocument } from '$lib/server/documents/input';
import { evidenceOrder, evidencePatch, newEvidence } from '$lib/server/evidence/input';
import { newRating, ratingOrder, ratingPatch } from '$lib/server/rating-scale/input';
import { decision, publication, retraction } from '$lib/server/review/input';
import { JSON_LIMIT_BYTES } from '$lib/server/http/problem';
import { roles } from '$lib/permissions';
import { page, responseSchemas } from '$lib/server/api-schemas';

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
const ok = (description: string, schema: object = object) => ({ description, ...json(schema) });
const personalToken = {
	type: 'object',
	required: ['id', 'name', 'createdAt', 'lastUsedAt', 'expiresAt'],
	properties: {
		id: { type: 'string' },
		name: { type: 'string' },
		createdAt: { type: 'string', format: 'date-time' },
		lastUsedAt: { type: ['string', 'null'], format: 'date-time', description: 'Null until used' },
		expiresAt: { type: 'string', format: 'date-time' },
		current: { type: 'boolean', description: 'In lists: the token of this request' }
	}
};
const annotations = {
	description: 'A W3C AnnotationCollection',
	content: {
		'application/ld+json': {
			schema: { $ref: '#/components/schemas/AnnotationCollection' }
		}
	}
};

const query = (name: string, description: string) => ({
	name,
	in: 'query',
	description,
	schema: { type: 'string' }
});
/** What search and claim matching answer (src/lib/server/search). */
const searchSchemas = {
	hit: {
		type: 'object',
		required: [
			'type',
			'id',
			'title',
			'titleHtml',
			'snippet',
			'url',
			'rank',
			'document',
			'rating',
			'date'
		],
		properties: {
			type: { enum: ['document', 'claim', 'verdict'] },
			id: { type: 'string' },
			title: { type: 'string' },
			titleHtml: { type: 'string', description: 'The title as escaped HTML, matches in <mark>' },
			snippet: { type: 'string', description: 'A passage as escaped HTML, matches in <mark>' },
			url: { type: 'string' },
			rank: { type: 'number' },
			document: { type: 'object' },
			rating: { type: ['object', 'null'] },
			date: { type: 'string', format: 'date-time' }
		}
	},
	match: {
		type: 'object',
		required: ['source', 'id', 'claim', 'rating', 'publisher', 'date', 'url', 'similarity'],
		properties: {
			source: { enum: ['factmark', 'external'] },
			id: { type: 'string' },
			claim: { type: 'string' },
			language: { type: 'string' },
			claimant: { type: 'string' },
			rating: { type: 'object', description: '{label, color}; color null when unknown' },
			publisher: { type: ['string', 'null'], description: 'Null for our own verdicts' },
			title: { type: 'string' },
			date: { type: ['string', 'null'], format: 'date-time' },
			url: { type: 'string' },
			retracted: { type: 'boolean' },
			similarity: { type: 'number', minimum: 0, maximum: 1 }
		}
	}
};

/** The API's description, OpenAPI 3.1: served at /api/v1/openapi.json. */
export const openapi = {
	openapi: '3.1.0',
	info: {
		title: 'Factmark API',
		version: '1',
		description: `JSON in and out; request bodies up to ${JSON_LIMIT_BYTES} bytes. Errors are problem+json. Authenticate with the session cookie or \`Authorization: Bearer <token>\`; writes made with the cookie must carry this site's Origin. Every request counts against a per-minute limit for its token, session or (without one) address: answers carry \`RateLimit-Policy\` and \`RateLimit\` (draft-ietf-httpapi-ratelimit-headers), and going over gets 429 with \`Retry-After\`.`
	},
	servers: [{ url: '/api/v1' }],
	security: [{ bearer: [] }, { cookie: [] }],
	paths: {
		'/auth/login': {
			post: {
				operationId: 'signIn',
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
				operationId: 'signOut',
				summary: 'End this session or token at once',
				responses: { '204': { description: 'Signed out' }, ...errors(401, 403) }
			}
		},
		'/me': {
			get: {
				operationId: 'getMe',
				summary: 'Who is signed in',
				responses: {
					'200': { description: 'The signed-in user', ...json(ref('Me')) },
					...errors(401)
				}
			}
		},
		'/me/tokens': {
			get: {
				operationId: 'listTokens',
				summary: 'Your personal access tokens, newest first (never their secrets)',
				responses: {
					'200': ok('A page of tokens', page(personalToken)),
					...errors(401, 422)
				}
			},
			post: {
				operationId: 'createToken',
				summary:
					'Make a personal access token; its secret is in this answer only. Not with a personal access token',
				requestBody: body(newPersonalToken),
				responses: {
					'201': ok('The token, with its secret', {
						allOf: [
							personalToken,
							{ type: 'object', required: ['token'], properties: { token: { type: 'string' } } }
						]
					}),
					...errors(400, 401, 403, 409, 413, 415, 422)
				}
			}
		},
		'/me/tokens/{id}': {
			delete: {
				operationId: 'revokeToken',
				summary:
					'Revoke one of your personal access tokens at once. Not with a personal access token',
				responses: { '204': { description: 'Revoked' }, ...errors(401, 403, 404) }
			}
		},
		'/users': {
			get: {
				operationId: 'listUsers',
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
				operationId: 'createUser',
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
				operationId: 'listDocuments',
				summary:
					'Documents, most recently changed first; ?status=, ?q= (words of the title, or their beginnings), ?assigned=me',
				responses: {
					'200': ok('A page of documents', page(ref('DocumentSummary'))),
					...errors(401, 403, 422)
				}
			},
			post: {
				operationId: 'createDocument',
				summary: 'Import a text as a new draft (editor)',
				requestBody: body(newDocument),
				responses: {
					'201': ok('The document', ref('Document')),
					...errors(400, 401, 403, 413, 415, 422)
				}
			}
		},
		'/documents/{id}': {
			get: {
				operationId: 'getDocument',
				summary: 'A document with its text and claims',
				responses: { '200': ok('The document', ref('Document')), ...errors(401, 403, 404) }
			},
			patch: {
				operationId: 'assignDocument',
				summary: 'Assign the document to an editor, or to nobody with null',
				responses: { '200': ok('The document', ref('Document')), ...errors(401, 403, 404, 422) }
			}
		},
		'/documents/{id}/revisions': {
			post: {
				operationId: 'importRevision',
				summary: 'Import the next revision of the text; every claim is re-anchored',
				responses: {
					'201': ok('How each claim fared', ref('Revision')),
					...errors(401, 403, 404, 409, 413, 415, 422)
				}
			}
		},
		'/documents/{id}/annotations': {
			get: {
				operationId: 'exportAnnotations',
				summary: 'The claims as a W3C AnnotationCollection (JSON-LD)',
				responses: {
					'200': annotations,
					...errors(401, 403, 404)
				}
			},
			post: {
				operationId: 'importAnnotations',
				summary:
					'Import W3C Web Annotations (a collection, page, array or one) or a Hypothesis export as claims (editor); every annotation is reported by index',
				requestBody: {
					required: true,
					content: Object.fromEntries(
						['application/json', 'application/ld+json'].map((type) => [
							type,
							{ schema: toJsonSchema(annotationImport, { errorMode: 'ignore', typeMode: 'input' }) }
						])
					)
				},
				responses: {
					'200': ok('What became of each annotation', {
						type: 'object',
						required: ['anchored', 'fuzzy', 'unplaced', 'duplicates'],
						properties: {
							anchored: {
								type: 'array',
								description:
									'Placed by position or exact words; utf16: its position counted UTF-16 units',
								items: {
									type: 'object',
									properties: {
										index: { type: 'integer' },
										claimId: { type: 'string' },
										how: { enum: ['position', 'quote'] },
										utf16: { type: 'boolean' }
									}
								}
							},
							fuzzy: {
								type: 'array',
								description: 'Placed on similar words: quote is theirs, found the text there',
								items: {
									type: 'object',
									properties: {
										index: { type: 'integer' },
										claimId: { type: 'string' },
										confidence: { type: 'number' },
										quote: { type: 'string' },
										found: { type: 'string' }
									}
								}
							},
							unplaced: {
								type: 'array',
								items: {
									type: 'object',
									properties: {
										index: { type: 'integer' },
										reason: {
											enum: [
												'malformed',
												'reply',
												'no_selector',
												'unsupported_selector',
												'invalid_selector',
												'too_long',
												'not_found',
												'ambiguous',
												'out_of_range',
												'splits_character'
											]
										},
										detail: { type: 'string' },
										quote: { type: 'string' }
									}
								}
							},
							duplicates: {
								type: 'array',
								description: 'Exactly on an existing claim (claimId), not added again',
								items: {
									type: 'object',
									properties: { index: { type: 'integer' }, claimId: { type: 'string' } }
								}
							}
						}
					}),
					...errors(400, 401, 403, 404, 409, 413, 415, 422)
				}
			}
		},
		'/documents/{id}/claims': {
			get: {
				operationId: 'listClaims',
				summary: "A document's claims in text order",
				responses: { '200': ok('The claims', page(ref('Claim'))), ...errors(401, 403, 404) }
			},
			post: {
				operationId: 'createClaim',
				summary: 'Mark a claim by W3C selectors (editor)',
				requestBody: body(newClaim),
				responses: {
					'201': ok('The claim', ref('Claim')),
					...errors(401, 403, 404, 409, 413, 415, 422)
				}
			}
		},
		'/claims/{id}': {
			get: {
				operationId: 'getClaim',
				summary: 'A claim with its verdict and evidence',
				responses: { '200': ok('The claim', ref('Claim')), ...errors(401, 403, 404) }
			},
			patch: {
				operationId: 'updateClaim',
				summary: 'Change a claim: fields, rating, rationale (Tiptap JSON), assignee, selector',
				parameters: [ifMatch],
				requestBody: body(claimPatch),
				responses: {
					'200': ok('The claim; rationaleHtml is the sanitised rendering', ref('Claim')),
					...errors(400, 401, 403, 404, 409, 412, 413, 415, 422, 428)
				}
			},
			delete: {
				operationId: 'deleteClaim',
				summary: 'Delete a claim (not while in review)',
				responses: { '204': { description: 'Deleted' }, ...errors(401, 403, 404, 409) }
			}
		},
		'/claims/{id}/matches': {
			get: {
				operationId: 'matchClaim',
				summary:
					'Published verdicts on similar claims, most alike first: the latest published versions of other documents and imported ClaimReviews; never drafts',
				parameters: [
					query('text', "Match this wording instead of the claim's saved one (≤ 2000 characters)"),
					query('limit', 'At most this many, 1 to 20 (default 5)')
				],
				responses: {
					'200': ok('The matches; nextCursor is always null', page(searchSchemas.match)),
					...errors(401, 403, 404, 422)
				}
			}
		},
		'/search': {
			get: {
				operationId: 'search',
				summary:
					'Search documents, claims and published verdicts in any language (CJK by character pairs, English stemmed), best first',
				parameters: [
					{ ...query('q', 'What to search for, 1 to 200 characters'), required: true },
					query('type', 'documents, claims or verdicts; all three merged by rank when absent'),
					query('limit', 'Page size, 1 to 200 (default 50)'),
					query('cursor', 'nextCursor of the previous page')
				],
				responses: {
					'200': ok('The hits', page(searchSchemas.hit)),
					...errors(401, 403, 422)
				}
			}
		},
		'/claims/{id}/evidence': {
			get: {
				operationId: 'listEvidence',
				summary: "A claim's evidence in order",
				responses: { '200': ok('The evidence', page(ref('Evidence'))), ...errors(401, 403, 404) }
			},
			post: {
				operationId: 'addEvidence',
				summary: `Add evidence: JSON, or multipart/form-data with a file part (PDF, PNG, JPEG, WebP, plain text; at most ${MAX_FILE_BYTES} bytes, type checked from the bytes)`,
				requestBody: body(newEvidence),
				responses: {
					'201': ok('The evidence item', ref('Evidence')),
					...errors(400, 401, 403, 404, 409, 413, 415, 422)
				}
			}
		},
		'/claims/{id}/evidence/order': {
			put: {
				operationId: 'reorderEvidence',
				summary: "Reorder a claim's evidence",
				requestBody: body(evidenceOrder),
				responses: {
					'200': ok('The evidence', page(ref('Evidence'))),
					...errors(401, 403, 404, 409, 422)
				}
			}
		},
		'/evidence/{id}': {
			get: {
				operationId: 'getEvidence',
				summary: 'One evidence item',
				responses: { '200': ok('The item', ref('Evidence')), ...errors(401, 403, 404) }
			},
			patch: {
				operationId: 'updateEvidence',
				summary: 'Change an evidence item',
				parameters: [ifMatch],
				requestBody: body(evidencePatch),
				responses: {
					'200': ok('The item', ref('Evidence')),
					...errors(401, 403, 404, 409, 412, 422, 428)
				}
			},
			delete: {
				operationId: 'removeEvidence',
				summary: 'Remove an evidence item',
				responses: { '204': { description: 'Removed' }, ...errors(401, 403, 404, 409) }
			}
		},
		'/evidence/{id}/file': {
			get: {
				operationId: 'downloadEvidenceFile',
				summary: 'Download an evidence file (attachment, nosniff, sandboxed)',
				responses: { '200': { description: 'The bytes' }, ...errors(401, 403, 404) }
			}
		},
		'/claims/{id}/comments': {
			get: {
				operationId: 'listComments',
				summary: "A claim's discussion",
				responses: { '200': ok('The comments', page(ref('Comment'))), ...errors(401, 403, 404) }
			},
			post: {
				operationId: 'addComment',
				summary: 'Comment or reply; @Name mentions notify',
				requestBody: body(newComment),
				responses: {
					'201': ok('The comment', ref('Comment')),
					...errors(401, 403, 404, 413, 415, 422)
				}
			}
		},
		'/comments/{id}': {
			patch: {
				operationId: 'editComment',
				summary: "Edit one's own comment",
				requestBody: body(commentPatch),
				responses: { '200': ok('The comment', ref('Comment')), ...errors(401, 403, 404, 422) }
			},
			delete: {
				operationId: 'deleteComment',
				summary: "Delete one's own comment",
				responses: { '204': { description: 'Deleted' }, ...errors(401, 403, 404) }
			}
		},
		'/rating-scale': {
			get: {
				operationId: 'listRatings',
				summary: 'The rating scale, in order (public)',
				security: [],
				responses: { '200': ok('Ratings', { type: 'array', items: ref('Rating') }) }
			},
			post: {
				operationId: 'addRating',
				summary: 'Add a rating (admin)',
				requestBody: body(newRating),
				responses: { '201': ok('The rating', ref('Rating')), ...errors(401, 403, 409, 422) }
			}
		},
		'/rating-scale/{key}': {
			get: {
				operationId: 'getRating',
				summary: 'One rating',
				security: [],
				responses: { '200': ok('The rating', ref('Rating')), ...errors(404) }
			},
			patch: {
				operationId: 'updateRating',
				summary: 'Rename, recolour, revalue, describe, retire or restore a rating (admin)',
				parameters: [ifMatch],
				requestBody: body(ratingPatch),
				responses: {
					'200': ok('The rating', ref('Rating')),
					...errors(401, 403, 404, 412, 422, 428)
				}
			}
		},
		'/rating-scale/order': {
			put: {
				operationId: 'reorderRatings',
				summary: 'Reorder the scale (admin)',
				requestBody: body(ratingOrder),
				responses: {
					'200': ok('Ratings', { type: 'array', items: ref('Rating') }),
					...errors(401, 403, 422)
				}
			}
		},
		'/documents/{id}/submit': {
			post: {
				operationId: 'submitForReview',
				summary: 'Send for review (editor); 422 lists each incomplete claim in `incomplete`',
				responses: {
					'200': ok('The new state', ref('Workflow')),
					...errors(401, 403, 404, 409, 422)
				}
			}
		},
		'/external-claim-reviews': {
			get: {
				operationId: 'listExternalClaimReviews',
				summary:
					"Other fact-checkers' ClaimReviews kept as references, latest published first; ?q= (claim, claimant, publisher, url)",
				parameters: [
					query('q', 'Words the claim, claimant, publisher or url contains'),
					query('limit', '1 to 200, default 50'),
					query('cursor', 'nextCursor of the previous page')
				],
				responses: { '200': ok('A page of references', page(object)), ...errors(401, 403, 422) }
			},
			post: {
				operationId: 'importClaimReviews',
				summary:
					'Keep ClaimReview JSON-LD (one, an array, a @graph or a DataFeed) as references (editor); one per url, so importing again updates',
				requestBody: body(claimReviewImport),
				responses: {
					'200': ok('{imported, updated, refused, skipped}, each item by index', {
						type: 'object',
						required: ['imported', 'updated', 'refused', 'skipped'],
						properties: {
							imported: { type: 'array' },
							updated: { type: 'array' },
							refused: {
								type: 'array',
								items: {
									type: 'object',
									properties: {
										index: { type: 'integer' },
										reason: { enum: ['malformed', 'no_url', 'bad_url', 'no_claim', 'too_long'] },
										detail: { type: 'string' },
										url: { type: 'string' }
									}
								}
							},
							skipped: { type: 'array', description: 'Other JSON-LD nodes, by type' }
						}
					}),
					...errors(400, 401, 403, 413, 415, 422)
				}
			}
		},
		'/external-claim-reviews/{id}': {
			delete: {
				operationId: 'removeExternalClaimReview',
				summary: 'Remove a reference (editor)',
				responses: { '204': { description: 'Removed' }, ...errors(401, 403, 404) }
			}
		},
		'/review-queue': {
			get: {
				operationId: 'listReviewQueue',
				summary: 'Submissions waiting, oldest first; ?language=, ?submitter=, ?assigned=me',
				responses: { '200': ok('Submissions', page(ref('Submission'))), ...errors(401, 403, 422) }
			}
		},
		'/documents/{id}/review': {
			post: {
				operationId: 'decideReview',
				summary: 'Approve or request changes (reviewer); 403 under the four-eyes rule',
				requestBody: body(decision),
				responses: {
					'200': ok('The new state', ref('Workflow')),
					...errors(401, 403, 404, 409, 422)
				}
			}
		},
		'/documents/{id}/publish': {
			post: {
				operationId: 'publishDocument',
				summary: 'Publish the next immutable version (reviewer, admin); a note from version 2',
				requestBody: body(publication),
				responses: {
					'201': ok('The version published', ref('Publication')),
					...errors(401, 403, 404, 409, 422)
				}
			}
		},
		'/documents/{id}/retract': {
			post: {
				operationId: 'retractDocument',
				summary: 'Retract publicly, with a reason (admin)',
				requestBody: body(retraction),
				responses: {
					'200': ok('The new state', ref('Workflow')),
					...errors(401, 403, 404, 409, 422)
				}
			}
		},
		'/documents/{id}/audit': {
			get: {
				operationId: 'listAudit',
				summary: "The document's audit trail, newest first",
				responses: {
					'200': ok('Audit entries', page(ref('AuditEntry'))),
					...errors(401, 403, 404, 422)
				}
			}
		},
		'/notifications': {
			get: {
				operationId: 'listNotifications',
				summary: "One's notifications and unread count",
				responses: { '200': ok('Notifications', page(ref('Notification'))), ...errors(401) }
			}
		},
		'/notifications/read': {
			post: {
				operationId: 'markNotificationsRead',
				summary: "Mark one's notifications read: {ids?}, all without ids",
				responses: { '204': { description: 'Marked' }, ...errors(401, 422) }
			}
		},
		'/public/fact-checks': {
			get: {
				operationId: 'listFactChecks',
				summary:
					'Published fact-checks, newest first (best match first with ?q=, searched like /search, in published content only); ?q=&rating=&language= (public)',
				security: [],
				responses: { '200': ok('Fact-checks', page(ref('FactCheckSummary'))), ...errors(422) }
			}
		},
		'/public/fact-checks/{slug}': {
			get: {
				operationId: 'getFactCheck',
				summary: 'The latest published version, with its ClaimReviews (public)',
				security: [],
				responses: { '200': ok('The version', ref('PublicVersion')), ...errors(404) }
			}
		},
		'/public/fact-checks/{slug}/versions/{n}': {
			get: {
				operationId: 'getFactCheckVersion',
				summary: 'Published version n; never changes, cached for a year (public)',
				security: [],
				responses: { '200': ok('The version', ref('PublicVersion')), ...errors(404) }
			}
		},
		'/public/fact-checks/{slug}/versions/{n}/annotations': {
			get: {
				operationId: 'getFactCheckVersionAnnotations',
				summary: "Version n's claims as a W3C AnnotationCollection (public)",
				security: [],
				responses: { '200': annotations, ...errors(404) }
			}
		},
		'/public/claim-reviews': {
			get: {
				operationId: 'listClaimReviews',
				summary: 'Every ClaimReview of the latest versions as a schema.org DataFeed (public)',
				security: [],
				responses: {
					'200': {
						description: 'A schema.org DataFeed',
						content: { 'application/ld+json': { schema: object } }
					}
				}
			}
		},
		'/openapi.json': {
			get: {
				operationId: 'getOpenApi',
				summary: 'This document',
				security: [],
				responses: { '200': ok('OpenAPI 3.1') }
			}
		}
	},
	components: {
		securitySchemes: {
			bearer: { type: 'http', scheme: 'bearer' },
			cookie: { type: 'apiKey', in: 'cookie', name: 'factmark_session' }
		},
		schemas: {
			...responseSchemas,
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
