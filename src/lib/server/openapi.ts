import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '$lib/server/auth/password';
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
