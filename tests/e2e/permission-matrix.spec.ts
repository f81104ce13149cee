// The permission matrix: every page load, form action, endpoint method and OpenAPI operation,
// and the /collab handshake, tried by each kind of person on a document in each state of the
// review workflow. What each may do is read from the permission table (`can`) and the documented
// state rules (the design's product.md and api.md, the README), written once per route below;
// the routes come from walking src/routes (and the OpenAPI document), so a route, method or
// action without a rule fails, and so does a rule for a route that is gone.
//
// Deciding what passed authorization: a denial is exact — 401 (API, not signed in), a redirect
// to the sign-in page (pages and form actions, not signed in), 403 (signed in, not allowed),
// 404 (unpublished, to the public), 405, 409 (not in this state). Anything else that is a
// success, a redirect, or a refusal of the input (400, 412, 422: checked only after who and
// state) counts as allowed. Form actions are posted as `use:enhance` posts them
// (`accept: application/json`), which answers `{type, status}`: `error` for the 403 that
// requirePermission throws, `failure` with the status of the AppError for what comes later.
//
// Writes must not spoil what later checks read. Where the server checks who and state before
// the input, an allowed write is sent so that it fails on its input after those checks and
// changes nothing (a stale If-Match → 412; the current text as a new revision → 422; a
// submission with an incomplete claim → 422; a review comment on a claim of another document
// → 422). What has no such probe gets a target of its own when it is expected to pass: a
// claim, evidence item or comment made for it, a document approved or published for it.
// Denied requests use the shared fixtures: a denial changes nothing, and one that did not is
// reported anyway. Requests that end sessions use spare sessions, or run last.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { APIResponse } from '@playwright/test';
import WebSocket from 'ws';
import { can, type Action, type Role } from '../../src/lib/permissions';
import { states as workflowStates } from '../../src/lib/workflow';
import { claimReview, reviewFlow, text, type Doc, type FlowCall, type Step } from './api-data';
import { origin } from './e2e-env';
import { createPerson, expect, type Person, test } from './fixtures';

const states = ['draft', 'in_review', 'approved', 'published', 'retracted'] as const;
type State = (typeof states)[number];

// The documented state rules (product.md, "Review workflow"), written out here rather than read
// from src/lib/workflow, so that a wrong arrow there is caught here.
/** Text, claims, verdicts and evidence change except while in review or approved. */
const editable: readonly State[] = ['draft', 'published', 'retracted'];
/** Submitted from a draft, or with corrections after publishing. */
const submittable: readonly State[] = ['draft', 'published'];
/** Public once published; a retraction keeps the versions readable. */
const published: readonly State[] = ['published', 'retracted'];

const people = ['anonymous', 'author', 'other', 'reviewer', 'admin', 'disabled'] as const;
type Who = (typeof people)[number];

/**
 * The roles each holds. The author and the other editor are both editors (the author made the
 * documents and wrote their comments); the disabled person held every role until an admin
 * disabled them, after they had signed in.
 */
const held: Record<Who, Role[]> = {
	anonymous: [],
	author: ['editor'],
	other: ['editor'],
	reviewer: ['reviewer'],
	admin: ['admin'],
	disabled: ['admin', 'editor', 'reviewer']
};
const signedIn = (who: Who) => who !== 'anonymous' && who !== 'disabled';

type Surface = 'page' | 'action' | 'api' | 'endpoint' | 'collab';
type Denial = 401 | 403 | 404 | 405 | 409 | 'sign-in';
type Verdict = { allow: true; ok?: readonly number[] } | { deny: Denial };
type Decide = (who: Who, state: State, surface: Surface) => Verdict;

/** Anyone at all: the public site, signing in. */
const anyone =
	(ok?: readonly number[]): Decide =>
	() => ({ allow: true, ok });

/** No one: an unpublished claim on a public page, a method a route does not have. */
const nobody =
	(status: Denial): Decide =>
	() => ({ deny: status });

/**
 * Signed-in people whose roles the permission table lets take `action`, in the states listed
 * (409 in the others); `ok` pins the statuses a pass may answer.
 */
const guard =
	(action: Action, allowedIn: readonly State[] = states, ok?: readonly number[]): Decide =>
	(who, state, surface) => {
		if (!signedIn(who)) {
			return { deny: surface === 'page' || surface === 'action' ? 'sign-in' : 401 };
		}
		if (!can(held[who], action)) {
			return { deny: 403 };
		}
		return allowedIn.includes(state) ? { allow: true, ok } : { deny: 409 };
	};

/** As `guard`, and only the author of the thing (a comment) may, whatever their roles. */
const own =
	(action: Action, ok?: readonly number[]): Decide =>
	(who, state, surface) => {
		const verdict = guard(action, states, ok)(who, state, surface);
		return 'allow' in verdict && who !== 'author' ? { deny: 403 } : verdict;
	};

/** The public reads what has been published, and gets 404 for everything else. */
const publicIn =
	(visible: readonly State[]): Decide =>
	(_who, state) =>
		visible.includes(state) ? { allow: true, ok: [200] } : { deny: 404 };

/** A document in one state, made for the matrix by the author. */
interface Fixture {
	state: State;
	id: string;
	slug: string;
	/** A complete claim: rating, rationale, a link and a file. */
	claim: string;
	/** Its file evidence. */
	evidence: string;
	/** The author's comment on it. */
	comment: string;
	/** A claim deleted before the document left the draft. */
	deleted: string;
	/** A claim in no published version: added after publishing, or the claim of a draft. */
	working: string;
}

/** Someone's credentials: a cookie as the browser holds it, and an API token. */
interface Credentials {
	id: string;
	cookie: string;
	token: string;
	/** Others of the same, for the requests that end them. */
	spareCookie: string;
	spareToken: string;
}

interface Request {
	method?: string;
	path: string;
	json?: unknown;
	form?: Record<string, string>;
	headers?: Record<string, string>;
	/** Send it with the spare session: it ends the one it is sent with. */
	spare?: boolean;
}

interface Context {
	who: Who;
	state: State;
	doc: Fixture;
	/** Whether the rule lets it pass, for a destructive request to get a target of its own. */
	passes: boolean;
}

/** What a route's answer or a /collab connection came to: a status, or sent to sign in. */
type Outcome = number | 'sign-in';

interface Rule {
	/**
	 * What it is about: one document (tried on each state's), a list showing documents (tried
	 * once per person and judged for each state by whether it shows that state's document), or
	 * neither (tried once per person).
	 */
	scope: 'document' | 'list' | 'global';
	decide: Decide;
	request?: (c: Context) => Request | Promise<Request>;
	/** For a list: the states whose document the answer shows, and what shows it. */
	lists?: { states: readonly State[]; mark: (doc: Fixture) => string };
	/** For /collab, which is not HTTP. */
	connect?: (c: Context) => Promise<Outcome>;
	/** Ends sessions that other checks use: run after them. */
	late?: boolean;
}

const uuid = () => crypto.randomUUID();
const MISSING = '00000000-0000-4000-8000-000000000000';
/** Letters only: every search tokenizer keeps it one word. */
const tag = `zq${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;

test.use({ extraHTTPHeaders: { origin } });

test('the matrix knows every state of the workflow', () => {
	expect([...states]).toEqual([...workflowStates]);
});

test('every route answers each person as the permission table and the workflow say', async ({
	request,
	playwright
}) => {
	test.setTimeout(240_000);
	const started = Date.now();
	// One context for every check, sending each person's cookie or token explicitly: its own
	// cookie jar is never read (an explicit Cookie header, empty for none, replaces it).
	const client = await playwright.request.newContext({ baseURL: origin, maxRedirects: 0 });

	// The people: made by the bootstrap admin, signed in twice each way, then one disabled.
	const made = await Promise.all([
		createPerson(request, ['editor'], 'Matrix author'),
		createPerson(request, ['editor'], 'Matrix other editor'),
		createPerson(request, ['reviewer'], 'Matrix reviewer'),
		createPerson(request, ['admin'], 'Matrix admin'),
		createPerson(request, ['admin', 'editor', 'reviewer'], 'Matrix disabled'),
		// Approves and publishes the fixtures, so that the matrix reviewer has decided nothing.
		createPerson(request, ['reviewer'], 'Matrix approver'),
		// What the admin's actions on a person act on.
		createPerson(request, ['editor'], 'Matrix subject'),
		// Whose credentials the sign-in checks send: signing in as them harms nothing.
		createPerson(request, [], 'Matrix signer')
	]);
	const [author, other, reviewer, admin, disabled, approver, subject, signer] = made;

	const signInCookie = async (person: Person) => {
		const response = await client.post('/login', {
			form: { email: person.email, password: person.password },
			headers: { origin, cookie: '', accept: 'text/html' }
		});
		expect(response.status(), await response.text()).toBe(303);
		const set = response.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie');
		return set?.value.split(';')[0] ?? '';
	};
	const signInToken = async (person: Person) => {
		const response = await client.post('/api/v1/auth/login', {
			data: { email: person.email, password: person.password },
			headers: { origin, cookie: '' }
		});
		expect(response.status()).toBe(200);
		const { token, user } = await response.json();
		return { token: token as string, id: user.id as string };
	};
	const credentialsOf = async (person: Person): Promise<Credentials> => {
		const [cookie, spareCookie, main, spare] = await Promise.all([
			signInCookie(person),
			signInCookie(person),
			signInToken(person),
			signInToken(person)
		]);
		return { id: main.id, cookie, spareCookie, token: main.token, spareToken: spare.token };
	};
	const nothing: Credentials = { id: '', cookie: '', token: '', spareCookie: '', spareToken: '' };
	const [authorC, otherC, reviewerC, adminC, disabledC, approverC, subjectC] = await Promise.all(
		[author, other, reviewer, admin, disabled, approver, subject].map(credentialsOf)
	);
	// The disabled person's API token is a personal access token (its login token is the spare):
	// neither kind may outlive the person's being disabled.
	const personal = await client.post('/api/v1/me/tokens', {
		data: { name: 'Matrix script', expiresInDays: 30 },
		headers: { origin, cookie: '', authorization: `Bearer ${disabledC.token}` }
	});
	expect(personal.status()).toBe(201);
	disabledC.spareToken = disabledC.token;
	disabledC.token = (await personal.json()).token;
	const credentials: Record<Who, Credentials> = {
		anonymous: nothing,
		author: authorC,
		other: otherC,
		reviewer: reviewerC,
		admin: adminC,
		disabled: disabledC
	};

	/** An API request as `token`'s holder. */
	const api = (token: string, method: string, path: string, json?: unknown) =>
		client.fetch(`/api/v1${path}`, {
			method,
			data: json,
			headers: { origin, cookie: '', ...(token ? { authorization: `Bearer ${token}` } : {}) }
		});
	const must = async (response: APIResponse) => {
		expect(response.status(), `${response.url()}: ${await response.text()}`).toBeLessThan(300);
		return response.status() === 204 ? null : response.json();
	};
	const stepTokens: Record<Step, string> = {
		editor: authorC.token,
		reviewer: approverC.token,
		admin: adminC.token
	};
	const call: FlowCall<unknown> = async (as, method, path, json, headers) => {
		const response = await client.fetch(`/api/v1${path}`, {
			method,
			data: json,
			headers: { origin, cookie: '', authorization: `Bearer ${stepTokens[as]}`, ...headers }
		});
		return must(response);
	};
	const flow = reviewFlow(call);

	// The disabled person's sessions and tokens are all from before: an admin disables them in
	// the admin pages (there is no API for it).
	const disabling = await client.post(`/admin/users/${disabledC.id}?/disable`, {
		form: { disabled: 'true' },
		headers: { origin, cookie: adminC.cookie, accept: 'application/json' }
	});
	expect(await disabling.json()).toMatchObject({ type: 'success' });

	// One document in each state, each reached through the workflow as a newsroom would.
	const fixture = async (state: State): Promise<Fixture> => {
		const doc = await flow.draft(`Matrix ${tag} ${state}`);
		const { claim } = await flow.completeClaimOn(doc.id);
		const file = await must(
			await client.fetch(`/api/v1/claims/${claim.id}/evidence`, {
				method: 'post',
				headers: { origin, cookie: '', authorization: `Bearer ${authorC.token}` },
				multipart: {
					kind: 'file',
					stance: 'supports',
					file: { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Notes.') }
				}
			})
		);
		const comment = (await call('editor', 'post', `/claims/${claim.id}/comments`, {
			body: 'Is this the latest figure?'
		})) as { id: string };
		const deleted = await flow.claimOn(doc.id, 'Growth');
		await call('editor', 'delete', `/claims/${deleted.id}`);
		let working = claim.id;
		if (state === 'draft') {
			// Incomplete: a submission is refused (422) after the checks of who and state.
			working = (await flow.claimOn(doc.id, 'Unemployment fell')).id;
		} else {
			await flow.submit(doc.id);
		}
		if (state !== 'draft' && state !== 'in_review') {
			await flow.approve(doc.id);
		}
		let slug = doc.slug;
		if (published.includes(state)) {
			slug = await flow.publish(doc.id);
			// Corrections begun after publishing: in no version, and incomplete (see above).
			working = (await flow.claimOn(doc.id, 'Unemployment fell')).id;
		}
		if (state === 'retracted') {
			await flow.retract(doc.id);
		}
		return {
			state,
			id: doc.id,
			slug,
			claim: claim.id,
			evidence: file.id,
			comment: comment.id,
			deleted: deleted.id,
			working
		};
	};
	const fixtures = Object.fromEntries(
		await Promise.all(states.map(async (state) => [state, await fixture(state)] as const))
	) as Record<State, Fixture>;

	// Targets of their own, for destructive requests expected to pass.
	const fresh = {
		claim: async (doc: Fixture) => (await flow.claimOn(doc.id, 'ministry said')).id,
		deletedClaim: async (doc: Fixture) => {
			const id = await fresh.claim(doc);
			await call('editor', 'delete', `/claims/${id}`);
			return id;
		},
		evidence: async (doc: Fixture) =>
			(
				(await call('editor', 'post', `/claims/${doc.claim}/evidence`, {
					kind: 'link',
					url: 'https://example.org/spare',
					stance: 'context'
				})) as { id: string }
			).id,
		comment: async (doc: Fixture) =>
			(
				(await call('editor', 'post', `/claims/${doc.claim}/comments`, {
					body: 'A spare comment.'
				})) as { id: string }
			).id,
		approved: () => flow.approved(`Matrix ${tag} spare`),
		published: () => flow.published(`Matrix ${tag} spare`),
		reference: async () =>
			(
				(await must(
					await api(authorC.token, 'post', '/external-claim-reviews', claimReview())
				)) as {
					imported: { id: string }[];
				}
			).imported[0].id,
		personalToken: async (who: Who) =>
			(
				(await must(
					await api(credentials[who].token, 'post', '/me/tokens', {
						name: `Spare ${uuid()}`,
						expiresInDays: 30
					})
				)) as { id: string }
			).id
	};
	/** The document a destructive request acts on: its own when it should pass. */
	const target = async (c: Context, make: () => Promise<Doc>) => (c.passes ? make() : c.doc);

	const claimPage = (doc: Fixture, claim: string) =>
		`/fact-checks/${encodeURIComponent(doc.slug)}/claims/${claim}`;
	const oembed = (doc: Fixture, claim: string) =>
		`/api/oembed?url=${encodeURIComponent(`${origin}${claimPage(doc, claim)}`)}`;
	const bySlug = (doc: Fixture) => `/api/v1/public/fact-checks/${encodeURIComponent(doc.slug)}`;
	const stale = { 'if-match': '"999999"' };
	const showsId = { mark: (doc: Fixture) => doc.id };
	const showsSlug = { mark: (doc: Fixture) => doc.slug };

	// The rules: one per page load, form action, endpoint method and OpenAPI operation. Keys are
	// `METHOD /route` as src/routes spells it; a form action is `POST /route?/name`, a default
	// one `POST /route`. `#…` marks a second target of the same route.
	const rules: Record<string, Rule> = {
		// Pages.
		'GET /': { scope: 'global', decide: anyone([303]), request: () => ({ path: '/' }) },
		'GET /admin': {
			scope: 'global',
			decide: guard('user.manage', states, [303]),
			request: () => ({ path: '/admin' })
		},
		'GET /admin/ratings': {
			scope: 'global',
			decide: guard('rating_scale.manage'),
			request: () => ({ path: '/admin/ratings' })
		},
		'GET /admin/settings': {
			scope: 'global',
			decide: guard('settings.manage'),
			request: () => ({ path: '/admin/settings' })
		},
		'GET /admin/users': {
			scope: 'global',
			decide: guard('user.manage'),
			request: () => ({ path: '/admin/users' })
		},
		'GET /admin/users/[id]': {
			scope: 'global',
			decide: guard('user.manage'),
			request: () => ({ path: `/admin/users/${subjectC.id}` })
		},
		'GET /api/docs': { scope: 'global', decide: anyone(), request: () => ({ path: '/api/docs' }) },
		'GET /documents': {
			scope: 'list',
			decide: guard('document.read'),
			lists: { states, ...showsId },
			request: () => ({ path: `/documents?q=${tag}` })
		},
		'GET /documents/[id]': {
			scope: 'document',
			decide: guard('document.read'),
			request: ({ doc }) => ({ path: `/documents/${doc.id}` })
		},
		'GET /documents/[id]/history': {
			scope: 'document',
			decide: guard('audit.read'),
			request: ({ doc }) => ({ path: `/documents/${doc.id}/history` })
		},
		// The import and revision pages open in every state; their actions say 409 (below).
		'GET /documents/[id]/import-annotations': {
			scope: 'document',
			decide: guard('document.edit'),
			request: ({ doc }) => ({ path: `/documents/${doc.id}/import-annotations` })
		},
		'GET /documents/[id]/revision': {
			scope: 'document',
			decide: guard('document.edit'),
			request: ({ doc }) => ({ path: `/documents/${doc.id}/revision` })
		},
		'GET /documents/new': {
			scope: 'global',
			decide: guard('document.create'),
			request: () => ({ path: '/documents/new' })
		},
		'GET /embed/claims/[claimId]': {
			scope: 'document',
			decide: publicIn(published),
			request: ({ doc }) => ({ path: `/embed/claims/${doc.claim}` })
		},
		'GET /embed/claims/[claimId] #working claim': {
			scope: 'document',
			decide: nobody(404),
			request: ({ doc }) => ({ path: `/embed/claims/${doc.working}` })
		},
		'GET /fact-checks': {
			scope: 'list',
			decide: anyone(),
			lists: { states: published, ...showsSlug },
			request: () => ({ path: `/fact-checks?q=${tag}` })
		},
		'GET /fact-checks/[slug]': {
			scope: 'document',
			decide: publicIn(published),
			request: ({ doc }) => ({ path: `/fact-checks/${encodeURIComponent(doc.slug)}` })
		},
		'GET /fact-checks/[slug]/claims/[claimId]': {
			scope: 'document',
			decide: publicIn(published),
			request: ({ doc }) => ({ path: claimPage(doc, doc.claim) })
		},
		'GET /fact-checks/[slug]/claims/[claimId] #working claim': {
			scope: 'document',
			decide: nobody(404),
			request: ({ doc }) => ({ path: claimPage(doc, doc.working) })
		},
		'GET /fact-checks/[slug]/v/[n]': {
			scope: 'document',
			decide: publicIn(published),
			request: ({ doc }) => ({ path: `/fact-checks/${encodeURIComponent(doc.slug)}/v/1` })
		},
		// Signed in, it sends one on (303).
		'GET /login': {
			scope: 'global',
			decide: anyone([200, 303]),
			request: () => ({ path: '/login' })
		},
		'GET /notifications': {
			scope: 'global',
			decide: guard('account.manage'),
			request: () => ({ path: '/notifications' })
		},
		'GET /references': {
			scope: 'global',
			decide: guard('reference.read'),
			request: () => ({ path: '/references' })
		},
		'GET /review': {
			scope: 'list',
			decide: guard('review.queue'),
			lists: { states: ['in_review'], ...showsId },
			request: () => ({ path: '/review' })
		},
		'GET /search': {
			scope: 'global',
			decide: guard('document.read'),
			request: () => ({ path: `/search?q=${tag}` })
		},
		'GET /settings': {
			scope: 'global',
			decide: guard('account.manage'),
			request: () => ({ path: '/settings' })
		},

		// Form actions. Those of the admin pages are sent with input refused after the checks,
		// so that the scale, the settings and the people other tests use stay as they are.
		'POST /admin/ratings?/create': {
			scope: 'global',
			decide: guard('rating_scale.manage', states, [422]),
			request: () => ({ path: '/admin/ratings?/create', form: { key: 'Not a key!' } })
		},
		// Without labels: 422, before anything is looked up.
		'POST /admin/ratings?/update': {
			scope: 'global',
			decide: guard('rating_scale.manage', states, [422]),
			request: () => ({ path: '/admin/ratings?/update', form: { key: 'true', version: '0' } })
		},
		'POST /admin/ratings?/retire': {
			scope: 'global',
			decide: guard('rating_scale.manage', states, [412]),
			request: () => ({
				path: '/admin/ratings?/retire',
				form: { key: 'true', retired: 'true', version: '0' }
			})
		},
		// A rating that is not there: 404 only after the check of who (moving a real one would
		// reorder the scale under other tests).
		'POST /admin/ratings?/move': {
			scope: 'global',
			decide: guard('rating_scale.manage', states, [404]),
			request: () => ({
				path: '/admin/ratings?/move',
				form: { key: 'no_such_rating', direction: 'down' }
			})
		},
		'POST /admin/settings?/save': {
			scope: 'global',
			decide: guard('settings.manage', states, [422]),
			request: () => ({ path: '/admin/settings?/save', form: { organisationName: '' } })
		},
		'POST /admin/users?/create': {
			scope: 'global',
			decide: guard('user.manage', states, [422]),
			request: () => ({ path: '/admin/users?/create', form: { email: 'not an address' } })
		},
		'POST /admin/users/[id]?/roles': {
			scope: 'global',
			decide: guard('user.manage', states, [200]),
			request: () => ({ path: `/admin/users/${subjectC.id}?/roles`, form: { roles: 'editor' } })
		},
		'POST /admin/users/[id]?/disable': {
			scope: 'global',
			decide: guard('user.manage', states, [200]),
			request: () => ({
				path: `/admin/users/${subjectC.id}?/disable`,
				form: { disabled: 'true' }
			})
		},
		'POST /admin/users/[id]?/signOut': {
			scope: 'global',
			decide: guard('user.manage', states, [200]),
			request: () => ({ path: `/admin/users/${subjectC.id}?/signOut` })
		},
		'POST /admin/users/[id]?/password': {
			scope: 'global',
			decide: guard('user.manage'),
			request: () => ({
				path: `/admin/users/${subjectC.id}?/password`,
				form: { password: `a new pass phrase ${uuid()}` }
			})
		},
		'POST /documents/[id]?/submit': {
			scope: 'document',
			decide: guard('document.edit', submittable, [422]),
			request: ({ doc }) => ({ path: `/documents/${doc.id}?/submit` })
		},
		'POST /documents/[id]?/decide': {
			scope: 'document',
			decide: guard('review.decide', ['in_review'], [422]),
			request: ({ doc }) => ({
				path: `/documents/${doc.id}?/decide`,
				form: { decision: 'approve', [`claimComment:${MISSING}`]: 'Not this document’s.' }
			})
		},
		'POST /documents/[id]?/take': {
			scope: 'document',
			decide: guard('review.decide', ['in_review'], [200]),
			request: ({ doc }) => ({ path: `/documents/${doc.id}?/take` })
		},
		'POST /documents/[id]?/publish': {
			scope: 'document',
			decide: guard('document.publish', ['approved'], [200]),
			request: async (c) => ({
				path: `/documents/${(await target(c, fresh.approved)).id}?/publish`
			})
		},
		'POST /documents/[id]?/retract': {
			scope: 'document',
			decide: guard('document.retract', ['published'], [200]),
			request: async (c) => ({
				path: `/documents/${(await target(c, fresh.published)).id}?/retract`,
				form: { reason: 'Matrix retraction.' }
			})
		},
		'POST /documents/[id]?/mark': {
			scope: 'document',
			decide: guard('document.edit', editable, [422]),
			request: ({ doc }) => ({
				path: `/documents/${doc.id}?/mark`,
				form: { start: '0', end: '999999' }
			})
		},
		'POST /documents/[id]?/save': {
			scope: 'document',
			decide: guard('document.edit', editable, [412]),
			request: ({ doc }) => ({
				path: `/documents/${doc.id}?/save`,
				form: {
					id: doc.claim,
					version: '999999',
					claimText: '',
					claimant: '',
					claimDate: '',
					rating: '',
					assigneeId: ''
				}
			})
		},
		// Assigning says who works on it; it changes nothing in the document, so in any state.
		'POST /documents/[id]?/assign': {
			scope: 'document',
			decide: guard('document.assign', states, [200]),
			request: ({ doc }) => ({ path: `/documents/${doc.id}?/assign`, form: { assigneeId: '' } })
		},
		'POST /documents/[id]?/reattach': {
			scope: 'document',
			decide: guard('document.edit', editable, [412]),
			request: ({ doc }) => ({
				path: `/documents/${doc.id}?/reattach`,
				form: { id: doc.claim, version: '999999', start: '0', end: '6' }
			})
		},
		'POST /documents/[id]?/delete': {
			scope: 'document',
			decide: guard('document.edit', editable, [200]),
			request: async (c) => ({
				path: `/documents/${c.doc.id}?/delete`,
				form: { id: c.passes ? await fresh.claim(c.doc) : c.doc.claim }
			})
		},
		'POST /documents/[id]?/restore': {
			scope: 'document',
			decide: guard('document.edit', editable, [200]),
			request: async (c) => ({
				path: `/documents/${c.doc.id}?/restore`,
				form: { id: c.passes ? await fresh.deletedClaim(c.doc) : c.doc.deleted }
			})
		},
		// An annotation that places nothing: the report (200) says so.
		'POST /documents/[id]/import-annotations': {
			scope: 'document',
			decide: guard('document.edit', editable, [200]),
			request: ({ doc }) => ({
				path: `/documents/${doc.id}/import-annotations`,
				form: { text: JSON.stringify([{ type: 'Annotation' }]) }
			})
		},
		// The current text again: 422 (unchanged), after the checks.
		'POST /documents/[id]/revision': {
			scope: 'document',
			decide: guard('document.edit', editable, [422]),
			request: ({ doc }) => ({ path: `/documents/${doc.id}/revision`, form: { text } })
		},
		'POST /documents/new': {
			scope: 'global',
			decide: guard('document.create', states, [422]),
			request: () => ({ path: '/documents/new', form: { text: '' } })
		},
		'POST /login': {
			scope: 'global',
			decide: anyone([303]),
			request: () => ({ path: '/login', form: { email: signer.email, password: signer.password } })
		},
		'POST /notifications?/open': {
			scope: 'global',
			decide: guard('account.manage', states, [303]),
			request: () => ({ path: '/notifications?/open', form: { id: uuid() } })
		},
		'POST /notifications?/markAll': {
			scope: 'global',
			decide: guard('account.manage', states, [200]),
			request: () => ({ path: '/notifications?/markAll' })
		},
		'POST /references?/import': {
			scope: 'global',
			decide: guard('reference.import', states, [422]),
			request: () => ({ path: '/references?/import', form: { text: '' } })
		},
		'POST /references?/delete': {
			scope: 'global',
			decide: guard('reference.import', states, [200]),
			request: async (c) => ({
				path: '/references?/delete',
				form: { id: c.passes ? await fresh.reference() : MISSING }
			})
		},
		'POST /review?/take': {
			scope: 'document',
			decide: guard('review.decide', ['in_review'], [200]),
			request: ({ doc }) => ({ path: '/review?/take', form: { id: doc.id } })
		},
		'POST /settings?/password': {
			scope: 'global',
			decide: guard('account.manage', states, [422]),
			request: () => ({
				path: '/settings?/password',
				form: { current: 'wrong', next: 'one new pass phrase', confirm: 'another pass phrase' }
			})
		},
		'POST /settings?/endSession': {
			scope: 'global',
			decide: guard('account.manage', states, [200]),
			request: () => ({ path: '/settings?/endSession', form: { id: uuid() } })
		},
		'POST /settings?/endOthers': {
			scope: 'global',
			decide: guard('account.manage', states, [200]),
			request: () => ({ path: '/settings?/endOthers' }),
			late: true
		},
		'POST /settings?/createToken': {
			scope: 'global',
			decide: guard('account.manage', states, [200]),
			request: () => ({
				path: '/settings?/createToken',
				form: { name: `Matrix ${uuid()}`, expiresInDays: '30' }
			})
		},
		'POST /settings?/revokeToken': {
			scope: 'global',
			decide: guard('account.manage', states, [200]),
			request: () => ({ path: '/settings?/revokeToken', form: { id: uuid() } })
		},

		// The API.
		'POST /api/v1/auth/login': {
			scope: 'global',
			decide: anyone([200]),
			request: () => ({
				method: 'POST',
				path: '/api/v1/auth/login',
				json: { email: signer.email, password: signer.password }
			})
		},
		'POST /api/v1/auth/logout': {
			scope: 'global',
			decide: guard('account.manage', states, [204]),
			request: () => ({ method: 'POST', path: '/api/v1/auth/logout', spare: true })
		},
		'GET /api/v1/me': {
			scope: 'global',
			decide: guard('account.manage', states, [200]),
			request: () => ({ path: '/api/v1/me' })
		},
		'GET /api/v1/me/tokens': {
			scope: 'global',
			decide: guard('account.manage', states, [200]),
			request: () => ({ path: '/api/v1/me/tokens' })
		},
		'POST /api/v1/me/tokens': {
			scope: 'global',
			decide: guard('account.manage', states, [201]),
			request: () => ({
				method: 'POST',
				path: '/api/v1/me/tokens',
				json: { name: `Matrix ${uuid()}`, expiresInDays: 30 }
			})
		},
		'DELETE /api/v1/me/tokens/[id]': {
			scope: 'global',
			decide: guard('account.manage', states, [204]),
			request: async (c) => ({
				method: 'DELETE',
				path: `/api/v1/me/tokens/${c.passes ? await fresh.personalToken(c.who) : MISSING}`
			})
		},
		'GET /api/v1/users': {
			scope: 'global',
			decide: guard('user.manage', states, [200]),
			request: () => ({ path: '/api/v1/users' })
		},
		'POST /api/v1/users': {
			scope: 'global',
			decide: guard('user.manage', states, [422]),
			request: () => ({ method: 'POST', path: '/api/v1/users', json: {} })
		},
		'GET /api/v1/documents': {
			scope: 'list',
			decide: guard('document.read', states, [200]),
			lists: { states, ...showsId },
			request: () => ({ path: `/api/v1/documents?q=${tag}` })
		},
		'POST /api/v1/documents': {
			scope: 'global',
			decide: guard('document.create', states, [422]),
			request: () => ({ method: 'POST', path: '/api/v1/documents', json: {} })
		},
		'GET /api/v1/documents/[id]': {
			scope: 'document',
			decide: guard('document.read', states, [200]),
			request: ({ doc }) => ({ path: `/api/v1/documents/${doc.id}` })
		},
		'PATCH /api/v1/documents/[id]': {
			scope: 'document',
			decide: guard('document.assign', states, [200]),
			request: ({ doc }) => ({
				method: 'PATCH',
				path: `/api/v1/documents/${doc.id}`,
				json: { assigneeId: null }
			})
		},
		'GET /api/v1/documents/[id]/annotations': {
			scope: 'document',
			decide: guard('document.read', states, [200]),
			request: ({ doc }) => ({ path: `/api/v1/documents/${doc.id}/annotations` })
		},
		'POST /api/v1/documents/[id]/annotations': {
			scope: 'document',
			decide: guard('document.edit', editable, [200]),
			request: ({ doc }) => ({
				method: 'POST',
				path: `/api/v1/documents/${doc.id}/annotations`,
				json: [{ type: 'Annotation' }]
			})
		},
		'GET /api/v1/documents/[id]/audit': {
			scope: 'document',
			decide: guard('audit.read', states, [200]),
			request: ({ doc }) => ({ path: `/api/v1/documents/${doc.id}/audit` })
		},
		'GET /api/v1/documents/[id]/claims': {
			scope: 'document',
			decide: guard('document.read', states, [200]),
			request: ({ doc }) => ({ path: `/api/v1/documents/${doc.id}/claims` })
		},
		'POST /api/v1/documents/[id]/claims': {
			scope: 'document',
			decide: guard('document.edit', editable, [422]),
			request: ({ doc }) => ({
				method: 'POST',
				path: `/api/v1/documents/${doc.id}/claims`,
				json: { selector: [{ type: 'TextQuoteSelector', exact: 'words not in the text' }] }
			})
		},
		'POST /api/v1/documents/[id]/publish': {
			scope: 'document',
			decide: guard('document.publish', ['approved'], [201]),
			request: async (c) => ({
				method: 'POST',
				path: `/api/v1/documents/${(await target(c, fresh.approved)).id}/publish`,
				json: {}
			})
		},
		'POST /api/v1/documents/[id]/retract': {
			scope: 'document',
			decide: guard('document.retract', ['published'], [200]),
			request: async (c) => ({
				method: 'POST',
				path: `/api/v1/documents/${(await target(c, fresh.published)).id}/retract`,
				json: { reason: 'Matrix retraction.' }
			})
		},
		'POST /api/v1/documents/[id]/review': {
			scope: 'document',
			decide: guard('review.decide', ['in_review'], [422]),
			request: ({ doc }) => ({
				method: 'POST',
				path: `/api/v1/documents/${doc.id}/review`,
				json: { decision: 'approve', claimComments: [{ claimId: MISSING, body: 'Elsewhere.' }] }
			})
		},
		'POST /api/v1/documents/[id]/revisions': {
			scope: 'document',
			decide: guard('document.edit', editable, [422]),
			request: ({ doc }) => ({
				method: 'POST',
				path: `/api/v1/documents/${doc.id}/revisions`,
				json: { text }
			})
		},
		'POST /api/v1/documents/[id]/submit': {
			scope: 'document',
			decide: guard('document.edit', submittable, [422]),
			request: ({ doc }) => ({ method: 'POST', path: `/api/v1/documents/${doc.id}/submit` })
		},
		'GET /api/v1/claims/[id]': {
			scope: 'document',
			decide: guard('document.read', states, [200]),
			request: ({ doc }) => ({ path: `/api/v1/claims/${doc.claim}` })
		},
		'PATCH /api/v1/claims/[id]': {
			scope: 'document',
			decide: guard('document.edit', editable, [412]),
			request: ({ doc }) => ({
				method: 'PATCH',
				path: `/api/v1/claims/${doc.claim}`,
				headers: stale,
				json: { claimant: 'Someone' }
			})
		},
		'DELETE /api/v1/claims/[id]': {
			scope: 'document',
			decide: guard('document.edit', editable, [204]),
			request: async (c) => ({
				method: 'DELETE',
				path: `/api/v1/claims/${c.passes ? await fresh.claim(c.doc) : c.doc.claim}`
			})
		},
		'GET /api/v1/claims/[id]/comments': {
			scope: 'document',
			decide: guard('document.read', states, [200]),
			request: ({ doc }) => ({ path: `/api/v1/claims/${doc.claim}/comments` })
		},
		// Discussion goes on in every state: reviewers comment on what they review.
		'POST /api/v1/claims/[id]/comments': {
			scope: 'document',
			decide: guard('claim.comment', states, [201]),
			request: ({ doc }) => ({
				method: 'POST',
				path: `/api/v1/claims/${doc.claim}/comments`,
				json: { body: 'Checked by the matrix.' }
			})
		},
		'GET /api/v1/claims/[id]/evidence': {
			scope: 'document',
			decide: guard('document.read', states, [200]),
			request: ({ doc }) => ({ path: `/api/v1/claims/${doc.claim}/evidence` })
		},
		// A file item without its file: 422, after the checks.
		'POST /api/v1/claims/[id]/evidence': {
			scope: 'document',
			decide: guard('document.edit', editable, [422]),
			request: ({ doc }) => ({
				method: 'POST',
				path: `/api/v1/claims/${doc.claim}/evidence`,
				json: { kind: 'file', stance: 'supports' }
			})
		},
		'PUT /api/v1/claims/[id]/evidence/order': {
			scope: 'document',
			decide: guard('document.edit', editable, [422]),
			request: ({ doc }) => ({
				method: 'PUT',
				path: `/api/v1/claims/${doc.claim}/evidence/order`,
				json: { ids: [MISSING] }
			})
		},
		'GET /api/v1/claims/[id]/matches': {
			scope: 'document',
			decide: guard('document.read', states, [200]),
			request: ({ doc }) => ({ path: `/api/v1/claims/${doc.claim}/matches` })
		},
		'PATCH /api/v1/comments/[id]': {
			scope: 'document',
			decide: own('claim.comment', [200]),
			request: ({ doc }) => ({
				method: 'PATCH',
				path: `/api/v1/comments/${doc.comment}`,
				json: { body: 'Is this the latest figure? (edited)' }
			})
		},
		'DELETE /api/v1/comments/[id]': {
			scope: 'document',
			decide: own('claim.comment', [204]),
			request: async (c) => ({
				method: 'DELETE',
				path: `/api/v1/comments/${c.passes ? await fresh.comment(c.doc) : c.doc.comment}`
			})
		},
		'GET /api/v1/evidence/[id]': {
			scope: 'document',
			decide: guard('document.read', states, [200]),
			request: ({ doc }) => ({ path: `/api/v1/evidence/${doc.evidence}` })
		},
		'PATCH /api/v1/evidence/[id]': {
			scope: 'document',
			decide: guard('document.edit', editable, [412]),
			request: ({ doc }) => ({
				method: 'PATCH',
				path: `/api/v1/evidence/${doc.evidence}`,
				headers: stale,
				json: { note: 'Read again.' }
			})
		},
		'DELETE /api/v1/evidence/[id]': {
			scope: 'document',
			decide: guard('document.edit', editable, [204]),
			request: async (c) => ({
				method: 'DELETE',
				path: `/api/v1/evidence/${c.passes ? await fresh.evidence(c.doc) : c.doc.evidence}`
			})
		},
		'GET /api/v1/evidence/[id]/file': {
			scope: 'document',
			decide: guard('document.read', states, [200]),
			request: ({ doc }) => ({ path: `/api/v1/evidence/${doc.evidence}/file` })
		},
		'GET /api/v1/external-claim-reviews': {
			scope: 'global',
			decide: guard('reference.read', states, [200]),
			request: () => ({ path: '/api/v1/external-claim-reviews' })
		},
		'POST /api/v1/external-claim-reviews': {
			scope: 'global',
			decide: guard('reference.import', states, [422]),
			request: () => ({ method: 'POST', path: '/api/v1/external-claim-reviews', json: 42 })
		},
		'DELETE /api/v1/external-claim-reviews/[id]': {
			scope: 'global',
			decide: guard('reference.import', states, [204]),
			request: async (c) => ({
				method: 'DELETE',
				path: `/api/v1/external-claim-reviews/${c.passes ? await fresh.reference() : MISSING}`
			})
		},
		'GET /api/v1/notifications': {
			scope: 'global',
			decide: guard('account.manage', states, [200]),
			request: () => ({ path: '/api/v1/notifications' })
		},
		'POST /api/v1/notifications/read': {
			scope: 'global',
			decide: guard('account.manage', states, [204]),
			request: () => ({ method: 'POST', path: '/api/v1/notifications/read', json: {} })
		},
		'GET /api/v1/openapi.json': {
			scope: 'global',
			decide: anyone([200]),
			request: () => ({ path: '/api/v1/openapi.json' })
		},
		// Retracted fact-checks stay readable, but leave the feed that partners republish.
		'GET /api/v1/public/claim-reviews': {
			scope: 'list',
			decide: anyone([200]),
			lists: { states: ['published'], ...showsSlug },
			request: () => ({ path: '/api/v1/public/claim-reviews' })
		},
		'GET /api/v1/public/fact-checks': {
			scope: 'list',
			decide: anyone([200]),
			lists: { states: published, ...showsSlug },
			request: () => ({ path: `/api/v1/public/fact-checks?q=${tag}` })
		},
		'GET /api/v1/public/fact-checks/[slug]': {
			scope: 'document',
			decide: publicIn(published),
			request: ({ doc }) => ({ path: bySlug(doc) })
		},
		'GET /api/v1/public/fact-checks/[slug]/versions/[n]': {
			scope: 'document',
			decide: publicIn(published),
			request: ({ doc }) => ({ path: `${bySlug(doc)}/versions/1` })
		},
		'GET /api/v1/public/fact-checks/[slug]/versions/[n]/annotations': {
			scope: 'document',
			decide: publicIn(published),
			request: ({ doc }) => ({ path: `${bySlug(doc)}/versions/1/annotations` })
		},
		'GET /api/v1/rating-scale': {
			scope: 'global',
			decide: anyone([200]),
			request: () => ({ path: '/api/v1/rating-scale' })
		},
		'POST /api/v1/rating-scale': {
			scope: 'global',
			decide: guard('rating_scale.manage', states, [422]),
			request: () => ({ method: 'POST', path: '/api/v1/rating-scale', json: {} })
		},
		'GET /api/v1/rating-scale/[key]': {
			scope: 'global',
			decide: anyone([200]),
			request: () => ({ path: '/api/v1/rating-scale/true' })
		},
		'PATCH /api/v1/rating-scale/[key]': {
			scope: 'global',
			decide: guard('rating_scale.manage', states, [412]),
			request: () => ({
				method: 'PATCH',
				path: '/api/v1/rating-scale/true',
				headers: { 'if-match': '"0"' },
				json: { color: '#123456' }
			})
		},
		'PUT /api/v1/rating-scale/order': {
			scope: 'global',
			decide: guard('rating_scale.manage', states, [422]),
			request: () => ({ method: 'PUT', path: '/api/v1/rating-scale/order', json: { keys: [] } })
		},
		'GET /api/v1/review-queue': {
			scope: 'list',
			decide: guard('review.queue', states, [200]),
			lists: { states: ['in_review'], ...showsId },
			request: () => ({ path: `/api/v1/review-queue?submitter=${authorC.id}` })
		},
		'GET /api/v1/search': {
			scope: 'global',
			decide: guard('document.read', states, [200]),
			request: () => ({ path: `/api/v1/search?q=${tag}` })
		},
		// Every API route answers methods it does not have with 405, whoever asks; any other
		// path under /api with 404.
		'fallback *': { scope: 'global', decide: nobody(405) },
		'fallback /api/[...rest]': {
			scope: 'global',
			decide: nobody(404),
			request: () => ({ path: '/api/v1/no-such-resource' })
		},

		// Other endpoints.
		'GET /api/oembed': {
			scope: 'document',
			decide: publicIn(published),
			request: ({ doc }) => ({ path: oembed(doc, doc.claim) })
		},
		'GET /api/oembed #working claim': {
			scope: 'document',
			decide: nobody(404),
			request: ({ doc }) => ({ path: oembed(doc, doc.working) })
		},
		'GET /feed.xml': {
			scope: 'list',
			decide: anyone([200]),
			lists: { states: published, ...showsSlug },
			request: () => ({ path: '/feed.xml' })
		},
		'GET /sitemap.xml': {
			scope: 'list',
			decide: anyone([200]),
			lists: { states: published, ...showsSlug },
			request: () => ({ path: '/sitemap.xml' })
		},
		'POST /language': {
			scope: 'global',
			decide: anyone([303]),
			request: () => ({ method: 'POST', path: '/language', form: { locale: 'en' } })
		},
		'POST /logout': {
			scope: 'global',
			decide: anyone([303]),
			request: () => ({ method: 'POST', path: '/logout', spare: true })
		},
		'GET /readyz': {
			scope: 'global',
			decide: anyone([200]),
			request: () => ({ path: '/readyz' })
		},
		'GET /robots.txt': {
			scope: 'global',
			decide: anyone([200]),
			request: () => ({ path: '/robots.txt' })
		},

		// The live workspace: staff who may read documents, in every state; every connection
		// read-only. A browser sends its cookie with the upgrade, a program a token.
		'WS /collab (cookie)': {
			scope: 'document',
			decide: guard('document.read'),
			connect: (c) => collab(c, 'cookie')
		},
		'WS /collab (token)': {
			scope: 'document',
			decide: guard('document.read'),
			connect: (c) => collab(c, 'token')
		}
	};

	// The routes there are: every load, action and method in src/routes, every OpenAPI
	// operation, and /collab (served by server.js beside SvelteKit).
	const found = routeList('src/routes');
	const description = await (await client.get('/api/v1/openapi.json')).json();
	const operations = Object.entries(description.paths as Record<string, object>).flatMap(
		([path, methods]) =>
			Object.keys(methods).map(
				(method) => `${method.toUpperCase()} /api/v1${path.replace(/\{(\w+)\}/g, '[$1]')}`
			)
	);
	expect(
		operations.filter((key) => !found.some((route) => route.key === key)),
		'OpenAPI operations that src/routes does not serve'
	).toEqual([]);
	const ruleFor = (key: string) =>
		rules[key] ?? (key.startsWith('fallback ') && rules['fallback *']);
	const keys = [...found.map((route) => route.key), 'WS /collab (cookie)', 'WS /collab (token)'];
	expect(
		keys.filter((key) => !ruleFor(key)),
		'routes without a rule in this test'
	).toEqual([]);
	expect(
		Object.keys(rules).filter(
			(key) => key !== 'fallback *' && !keys.includes(key.replace(/ #.*$/, ''))
		),
		'rules for routes that are gone'
	).toEqual([]);

	// A method each API route does not have, for its fallback.
	const fallbackRules = found
		.filter((route) => route.key.startsWith('fallback ') && !rules[route.key])
		.map((route): [string, Rule] => {
			const method =
				['DELETE', 'PUT', 'PATCH', 'POST', 'GET'].find((m) => !route.methods.includes(m)) ??
				'OPTIONS';
			const path = route.path.replace(/\[(\w+)\]/g, (_, name: string) =>
				name === 'slug' ? 'some-slug' : name === 'n' ? '1' : name === 'key' ? 'true' : MISSING
			);
			return [route.key, { ...rules['fallback *'], request: () => ({ method, path }) }];
		});
	const table: [string, Rule][] = [
		...Object.entries(rules).filter(([key]) => key !== 'fallback *'),
		...fallbackRules
	];

	/** Where requireUser sends those not signed in (signing out lands on /login?signedOut). */
	const signInFirst = '/login?redirectTo=';
	/** Sends `r` as `who`, the way its surface is used, and says what it came to. */
	const send = async (surface: Surface, who: Who, r: Request) => {
		const mine = credentials[who];
		const cookie = r.spare ? mine.spareCookie : mine.cookie;
		const token = r.spare ? mine.spareToken : mine.token;
		const response = await client.fetch(r.path, {
			method: r.method ?? (surface === 'action' ? 'POST' : 'GET'),
			...(r.json !== undefined ? { data: r.json } : {}),
			...(r.form ? { form: r.form } : surface === 'action' ? { form: {} } : {}),
			headers: {
				origin,
				cookie: surface === 'api' ? '' : cookie,
				...(surface === 'api' && token ? { authorization: `Bearer ${token}` } : {}),
				...(surface === 'action' ? { accept: 'application/json' } : {}),
				...r.headers
			}
		});
		const body = await response.text();
		const location = response.headers().location ?? '';
		let outcome: Outcome = response.status();
		if (surface === 'action' && response.headers()['content-type']?.includes('json')) {
			const result = JSON.parse(body) as { type: string; status?: number; location?: string };
			outcome =
				result.type === 'redirect' && result.location?.startsWith(signInFirst)
					? 'sign-in'
					: result.type === 'error'
						? response.status()
						: (result.status ?? response.status());
		} else if (outcome >= 300 && outcome < 400 && location.startsWith(signInFirst)) {
			outcome = 'sign-in';
		}
		return { outcome, body };
	};

	/**
	 * Opens the document on /collab as `who`: a browser's upgrade carries Origin and the
	 * session cookie, a program's the token in the Hocuspocus handshake. Once in, it writes to
	 * the shared Yjs document, and a second connection checks that the server took none of it.
	 */
	const collab = async (c: Context, mode: 'cookie' | 'token'): Promise<Outcome> => {
		const mine = credentials[c.who];
		const headers: Record<string, string> =
			mode === 'cookie' ? { origin, ...(mine.cookie ? { cookie: mine.cookie } : {}) } : {};
		const writer = await open(c.doc.id, headers, mode === 'token' ? mine.token : null);
		try {
			if (writer.outcome !== 200) {
				return writer.outcome;
			}
			writer.provider.document.getMap('matrix').set(`${c.who} ${mode}`, 'written');
			await new Promise((resolve) => setTimeout(resolve, 150));
			const reader = await open(c.doc.id, {}, authorC.token);
			const written = reader.provider.document.getMap('matrix').size;
			reader.close();
			if (reader.outcome !== 200 || written !== 0) {
				failures.push(`WS /collab (${mode}) as ${c.who} on ${c.state}: took a write (${written})`);
			}
			return writer.outcome;
		} finally {
			writer.close();
		}
	};

	// The checks: document routes on each state's document, lists once per person judged per
	// state, the rest once per person. At most eight requests at a time.
	const failures: string[] = [];
	let checks = 0;
	let requests = 0;
	const counts = { document: 0, list: 0, global: 0 };
	const judge = (
		label: string,
		surface: Surface,
		verdict: Verdict,
		outcome: Outcome,
		body: string,
		listed?: { expected: boolean; mark: string }
	) => {
		checks++;
		const shown =
			outcome === 'sign-in' ? 'sent to sign in' : `${outcome}: ${body.slice(0, 200).trim()}`;
		if ('deny' in verdict) {
			if (outcome !== verdict.deny) {
				const kind = typeof outcome === 'number' && outcome < 400 ? 'ALLOWED' : 'wrong denial';
				failures.push(`${label}: expected ${verdict.deny}, ${kind} ${shown}`);
			}
			return;
		}
		// A page that lets one in shows itself; an open connection has synced.
		const ok = verdict.ok ?? (surface === 'page' || surface === 'collab' ? [200] : undefined);
		const passed =
			outcome !== 'sign-in' &&
			(ok ? ok.includes(outcome) : outcome < 400 || [400, 412, 422].includes(outcome));
		if (!passed) {
			failures.push(`${label}: expected a pass${ok ? ` (${ok})` : ''}, got ${shown}`);
		} else if (listed) {
			const pattern = new RegExp(`${listed.mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`);
			if (pattern.test(body) !== listed.expected) {
				failures.push(
					`${label}: ${listed.expected ? 'does not show' : 'SHOWS'} the ${listed.mark} document`
				);
			}
		}
	};
	const surfaceOf = (key: string): Surface =>
		key.startsWith('WS ')
			? 'collab'
			: / \/api\/(v1\/|\[)/.test(key)
				? 'api'
				: (found.find((route) => route.key === key.replace(/ #.*$/, ''))?.kind ?? 'endpoint');
	const jobs: (() => Promise<void>)[] = [];
	const late: (() => Promise<void>)[] = [];
	for (const [key, rule] of table) {
		const surface = surfaceOf(key);
		const run = async (who: Who, state: State) => {
			const verdict = rule.decide(who, state, surface);
			const c: Context = { who, state, doc: fixtures[state], passes: 'allow' in verdict };
			requests++;
			if (rule.connect) {
				return { outcome: await rule.connect(c), body: '' };
			}
			if (!rule.request) {
				throw new Error(`The rule for ${key} says neither what to request nor what to open.`);
			}
			return send(surface, who, await rule.request(c));
		};
		for (const who of people) {
			const queue = rule.late ? late : jobs;
			if (rule.scope === 'global') {
				queue.push(async () => {
					counts.global++;
					const { outcome, body } = await run(who, 'draft');
					judge(`${key} as ${who}`, surface, rule.decide(who, 'draft', surface), outcome, body);
				});
				continue;
			}
			if (rule.scope === 'list') {
				queue.push(async () => {
					const { outcome, body } = await run(who, 'draft');
					for (const state of states) {
						counts.list++;
						const verdict = rule.decide(who, state, surface);
						judge(`${key} as ${who}, ${state}`, surface, verdict, outcome, body, {
							expected: rule.lists?.states.includes(state) ?? false,
							mark: rule.lists?.mark(fixtures[state]) ?? ''
						});
					}
				});
				continue;
			}
			for (const state of states) {
				queue.push(async () => {
					counts.document++;
					const { outcome, body } = await run(who, state);
					judge(
						`${key} as ${who} on ${state}`,
						surface,
						rule.decide(who, state, surface),
						outcome,
						body
					);
				});
			}
		}
	}
	const matrixStarted = Date.now();
	await pool(jobs, 8);
	// Nothing the matrix did moved a fixture: every denied write really changed nothing.
	for (const state of states) {
		const { status } = await must(
			await api(authorC.token, 'get', `/documents/${fixtures[state].id}`)
		);
		expect(status, `the ${state} fixture's state`).toBe(state);
	}
	await pool(late, 1);
	await client.dispose();

	console.log(
		`permission matrix: ${checks} checks (${counts.document} route × person × state on one ` +
			`document, ${counts.list} list × person × state, ${counts.global} route × person ` +
			`independent of state) over ${table.length} routes, ${people.length} people, ` +
			`${states.length} states; ${requests} requests in ${((Date.now() - matrixStarted) / 1000).toFixed(1)} s ` +
			`(${((Date.now() - started) / 1000).toFixed(1)} s with setup)`
	);
	expect(failures, `${failures.length} of ${checks} checks failed`).toEqual([]);
});

/** A route of src/routes: its key for the rules, its path, what it is, and its methods. */
interface Route {
	key: string;
	path: string;
	kind: Surface;
	methods: string[];
}

/**
 * Every page load, form action and endpoint method in `dir`, read from the source: `load` of a
 * +page.server.ts, the names in its `actions` object, and the methods a +server.ts exports.
 */
function routeList(dir: string): Route[] {
	const routes: Route[] = [];
	const walk = (at: string, path: string) => {
		for (const entry of readdirSync(at).sort()) {
			const file = join(at, entry);
			if (statSync(file).isDirectory()) {
				walk(file, /^\(.*\)$/.test(entry) ? path : `${path}/${entry}`);
				continue;
			}
			const route = path || '/';
			const source = readFileSync(file, 'utf8');
			if (entry === '+page.server.ts') {
				if (/export const load\b/.test(source)) {
					routes.push({ key: `GET ${route}`, path: route, kind: 'page', methods: ['GET'] });
				}
				const start = source.indexOf('export const actions');
				if (start >= 0) {
					const block = source.slice(start, source.indexOf('\n};', start));
					for (const [, name] of block.matchAll(/^\t(\w+)\s*:/gm)) {
						const key = name === 'default' ? `POST ${route}` : `POST ${route}?/${name}`;
						routes.push({ key, path: route, kind: 'action', methods: ['POST'] });
					}
				}
			} else if (entry === '+server.ts') {
				const methods = [
					...source.matchAll(
						/export (?:const|(?:async )?function) (GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD|fallback)\b/g
					)
				].map(([, method]) => method);
				for (const method of methods) {
					routes.push({ key: `${method} ${route}`, path: route, kind: 'endpoint', methods });
				}
			}
		}
	};
	walk(dir, '');
	return routes;
}

/** Runs `jobs` with at most `size` at once. */
async function pool(jobs: (() => Promise<void>)[], size: number) {
	let next = 0;
	await Promise.all(
		Array.from({ length: size }, async () => {
			while (next < jobs.length) {
				await jobs[next++]();
			}
		})
	);
}

/**
 * A connection to /collab for `documentId`, as @hocuspocus/provider makes it, with `ws` standing
 * in for the browser's WebSocket so that it can send Origin and Cookie. Its outcome: 200 once
 * synced, the HTTP status of a refused upgrade, or the status of the refusal's reason.
 */
async function open(documentId: string, headers: Record<string, string>, token: string | null) {
	let settle: (outcome: Outcome) => void = () => {};
	const settled = new Promise<Outcome>((resolve) => (settle = resolve));
	const reasons: Record<string, number> = { unauthorized: 401, forbidden: 403, 'not-found': 404 };
	const socket = new HocuspocusProviderWebsocket({
		url: `${origin.replace(/^http/, 'ws')}/collab`,
		WebSocketPolyfill: class extends WebSocket {
			constructor(url: string) {
				super(url, { headers });
				this.on('unexpected-response', (request, response) => {
					settle(response.statusCode ?? 0);
					request.destroy();
				});
				this.on('error', () => {});
			}
		},
		maxAttempts: 1
	});
	const provider = new HocuspocusProvider({
		websocketProvider: socket,
		name: `document:${documentId}`,
		token,
		onSynced: () => settle(200),
		onAuthenticationFailed: ({ reason }) => settle(reasons[reason] ?? 0)
	});
	provider.attach();
	const timer = setTimeout(() => settle(0), 10_000);
	const outcome = await settled;
	clearTimeout(timer);
	return {
		outcome,
		provider,
		close: () => {
			provider.destroy();
			socket.destroy();
		}
	};
}
