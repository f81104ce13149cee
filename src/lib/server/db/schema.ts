import { sql } from 'drizzle-orm';
import {
	check,
	date,
	bigserial,
	customType,
	foreignKey,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	real,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const user = pgTable(
	'user',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		email: text('email').notNull().unique(),
		name: text('name').notNull(),
		passwordHash: text('password_hash').notNull(),
		roles: text('roles')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		disabledAt: timestamp('disabled_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [check('user_email_lowercase', sql`${t.email} = lower(${t.email})`)]
);

/**
 * A sign-in: the browser cookie, an API bearer token from signing in, or a personal access
 * token made in the settings page (named). Only the SHA-256 of the token is kept.
 */
export const session = pgTable(
	'session',
	{
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['cookie', 'token', 'personal'] }).notNull(),
		/** A personal access token's name, as its owner gave it; null for other kinds. */
		name: text('name'),
		userAgent: text('user_agent').notNull().default(''),
		ipAddress: text('ip_address').notNull().default(''),
		createdAt: createdAt(),
		lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

/** Fixed-window counters shared by every app instance (sign-in throttling). */
export const rateLimit = pgTable('rate_limit', {
	key: text('key').primaryKey(),
	count: integer('count').notNull(),
	windowStart: timestamp('window_start', { withTimezone: true }).notNull()
});

/**
 * The rating scale, in `position` order. `value` maps to ClaimReview's `ratingValue` (null for
 * ratings outside the scale, like Unverifiable). Retired ratings stay for the claims using them.
 */
export const rating = pgTable('rating', {
	key: text('key').primaryKey(),
	value: integer('value'),
	labels: jsonb('labels').$type<Record<string, string>>().notNull(),
	descriptions: jsonb('descriptions').$type<Record<string, string>>().notNull(),
	color: text('color').notNull(),
	position: integer('position').notNull(),
	retiredAt: timestamp('retired_at', { withTimezone: true }),
	version: integer('version').notNull().default(1),
	createdAt: createdAt(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export const document = pgTable(
	'document',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		title: text('title').notNull(),
		text: text('text').notNull(),
		language: text('language').notNull(),
		sourceUrl: text('source_url'),
		publisher: text('publisher'),
		author: text('author'),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		status: text('status', {
			enum: ['draft', 'in_review', 'approved', 'published', 'retracted']
		})
			.notNull()
			.default('draft'),
		revision: integer('revision').notNull().default(1),
		version: integer('version').notNull().default(1),
		assigneeId: uuid('assignee_id').references(() => user.id),
		retractedAt: timestamp('retracted_at', { withTimezone: true }),
		retractionReason: text('retraction_reason'),
		createdBy: uuid('created_by').references(() => user.id),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('document_updated_idx').on(t.updatedAt)]
);

/** Every text a document has had; the document row holds the current one as well. */
export const documentRevision = pgTable(
	'document_revision',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		documentId: uuid('document_id')
			.notNull()
			.references(() => document.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		text: text('text').notNull(),
		createdBy: uuid('created_by').references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [unique('document_revision_number').on(t.documentId, t.number)]
);

/**
 * A highlighted span of a document's current text, anchored by W3C selectors: the quote with
 * its context, and the position in code points. An orphan (its words changed or are gone in a
 * later revision) keeps its old quote and may carry a suggested new passage.
 */
export const claim = pgTable(
	'claim',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		documentId: uuid('document_id')
			.notNull()
			.references(() => document.id, { onDelete: 'cascade' }),
		exact: text('exact').notNull(),
		prefix: text('prefix').notNull().default(''),
		suffix: text('suffix').notNull().default(''),
		start: integer('start').notNull(),
		end: integer('end').notNull(),
		orphanedAt: timestamp('orphaned_at', { withTimezone: true }),
		suggestionStart: integer('suggestion_start'),
		suggestionEnd: integer('suggestion_end'),
		suggestionConfidence: real('suggestion_confidence'),
		claimText: text('claim_text').notNull().default(''),
		claimant: text('claimant').notNull().default(''),
		claimDate: date('claim_date'),
		ratingKey: text('rating_key').references(() => rating.key),
		/** The verdict's rationale as Tiptap JSON, and the sanitised HTML rendered from it. */
		rationale: jsonb('rationale'),
		rationaleHtml: text('rationale_html').notNull().default(''),
		/** Who last set the rating or rationale: the four-eyes rule asks it. */
		verdictBy: uuid('verdict_by').references(() => user.id),
		assigneeId: uuid('assignee_id').references(() => user.id),
		version: integer('version').notNull().default(1),
		createdBy: uuid('created_by').references(() => user.id),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		/** Who changed it last: the documents list shows who is working on a text. */
		updatedBy: uuid('updated_by').references(() => user.id),
		deletedAt: timestamp('deleted_at', { withTimezone: true })
	},
	(t) => [
		index('claim_document_idx').on(t.documentId),
		index('claim_recent_idx').on(t.documentId, t.updatedAt),
		check('claim_range', sql`${t.start} >= 0 and ${t.end} > ${t.start}`)
	]
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea'
});

/** An uploaded evidence file, in the database so that every app instance serves it. */
export const evidenceFile = pgTable('evidence_file', {
	id: uuid('id').primaryKey().defaultRandom(),
	name: text('name').notNull(),
	mediaType: text('media_type').notNull(),
	size: integer('size').notNull(),
	sha256: text('sha256').notNull(),
	bytes: bytea('bytes').notNull(),
	createdBy: uuid('created_by').references(() => user.id),
	createdAt: createdAt()
});

export const evidence = pgTable(
	'evidence',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		claimId: uuid('claim_id')
			.notNull()
			.references(() => claim.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		kind: text('kind', { enum: ['link', 'quote', 'file', 'dataset', 'statement'] }).notNull(),
		url: text('url'),
		title: text('title').notNull().default(''),
		publisher: text('publisher').notNull().default(''),
		date: date('date'),
		accessedAt: date('accessed_at'),
		quote: text('quote').notNull().default(''),
		stance: text('stance', { enum: ['supports', 'refutes', 'context'] }).notNull(),
		note: text('note').notNull().default(''),
		fileId: uuid('file_id').references(() => evidenceFile.id),
		version: integer('version').notNull().default(1),
		createdBy: uuid('created_by').references(() => user.id),
		createdAt: createdAt(),
		updatedBy: uuid('updated_by').references(() => user.id),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('evidence_claim_idx').on(t.claimId, t.position)]
);

/** A claim's discussion: comments and replies (one level), `@name` mentions resolved to ids. */
export const comment = pgTable(
	'comment',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		claimId: uuid('claim_id')
			.notNull()
			.references(() => claim.id, { onDelete: 'cascade' }),
		parentId: uuid('parent_id'),
		/** Set on a reviewer's comment made with a decision: the round it belongs to. */
		reviewRoundId: uuid('review_round_id').references(() => reviewRound.id),
		authorId: uuid('author_id')
			.notNull()
			.references(() => user.id),
		body: text('body').notNull(),
		mentions: uuid('mentions')
			.array()
			.notNull()
			.default(sql`'{}'::uuid[]`),
		createdAt: createdAt(),
		editedAt: timestamp('edited_at', { withTimezone: true }),
		deletedAt: timestamp('deleted_at', { withTimezone: true })
	},
	(t) => [index('comment_claim_idx').on(t.claimId, t.createdAt)]
);

/** In-app notifications: the bell. */
export const notification = pgTable(
	'notification',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		actorId: uuid('actor_id').references(() => user.id),
		documentId: uuid('document_id').references(() => document.id, { onDelete: 'cascade' }),
		claimId: uuid('claim_id').references(() => claim.id, { onDelete: 'cascade' }),
		commentId: uuid('comment_id').references(() => comment.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
		readAt: timestamp('read_at', { withTimezone: true })
	},
	(t) => [index('notification_user_idx').on(t.userId, t.createdAt)]
);

/** Every change of state or content: who, when, what, before and after. Never updated. */
export const audit = pgTable(
	'audit',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		documentId: uuid('document_id').references(() => document.id, { onDelete: 'cascade' }),
		entity: text('entity').notNull(),
		entityId: text('entity_id').notNull(),
		action: text('action').notNull(),
		actorId: uuid('actor_id').references(() => user.id),
		before: jsonb('before'),
		after: jsonb('after'),
		createdAt: createdAt()
	},
	(t) => [index('audit_document_idx').on(t.documentId, t.id)]
);

/** One submission of a document for review, and how it ended. */
export const reviewRound = pgTable(
	'review_round',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		documentId: uuid('document_id')
			.notNull()
			.references(() => document.id),
		number: integer('number').notNull(),
		submittedBy: uuid('submitted_by')
			.notNull()
			.references(() => user.id),
		submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
		/** The claims as submitted: what the next round shows as changed since. */
		snapshot: jsonb('snapshot').notNull(),
		/** The reviewer who took the submission from the queue. */
		takenBy: uuid('taken_by').references(() => user.id),
		outcome: text('outcome', { enum: ['approved', 'changes_requested'] }),
		closedAt: timestamp('closed_at', { withTimezone: true })
	},
	(t) => [unique('review_round_number').on(t.documentId, t.number)]
);

/** A reviewer's decision in a round, with its overall comment. */
export const reviewDecision = pgTable(
	'review_decision',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		roundId: uuid('round_id')
			.notNull()
			.references(() => reviewRound.id),
		reviewerId: uuid('reviewer_id')
			.notNull()
			.references(() => user.id),
		decision: text('decision', { enum: ['approve', 'request_changes'] }).notNull(),
		comment: text('comment').notNull().default(''),
		createdAt: createdAt()
	},
	(t) => [unique('review_decision_once').on(t.roundId, t.reviewerId)]
);

/**
 * An immutable published version: a snapshot of the fact-check as it was published. Rows are
 * never updated or deleted (a trigger refuses it); one number per document.
 */
export const publishedVersion = pgTable(
	'published_version',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		documentId: uuid('document_id')
			.notNull()
			.references(() => document.id),
		version: integer('version').notNull(),
		snapshot: jsonb('snapshot').notNull(),
		/** Public: what changed, required from version 2 on. */
		note: text('note'),
		publishedBy: uuid('published_by')
			.notNull()
			.references(() => user.id),
		publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('published_version_number').on(t.documentId, t.version)]
);

/** Organisation-wide settings an admin changes, one row per key. */
export const setting = pgTable('setting', {
	key: text('key').primaryKey(),
	value: jsonb('value').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * Who has which document open in the live workspace, one row per socket and document, on any
 * instance.
 * Each instance renews its rows' `seen_at` while they stay open; a row not renewed for a while
 * is from an instance that stopped, and no longer counts.
 */
export const presence = pgTable(
	'presence',
	{
		socketId: text('socket_id').notNull(),
		documentId: uuid('document_id')
			.notNull()
			.references(() => document.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.socketId, t.documentId] }),
		index('presence_document_idx').on(t.documentId)
	]
);

/**
 * A ClaimReview published by another fact-checker, imported as an external reference that
 * claim matching can find. `json` keeps the imported item as it came.
 */
export const externalClaimReview = pgTable(
	'external_claim_review',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		url: text('url').notNull().unique(),
		claimReviewed: text('claim_reviewed').notNull(),
		claimant: text('claimant').notNull().default(''),
		publisher: text('publisher').notNull().default(''),
		ratingLabel: text('rating_label').notNull().default(''),
		ratingValue: real('rating_value'),
		bestRating: real('best_rating'),
		worstRating: real('worst_rating'),
		language: text('language').notNull().default(''),
		datePublished: timestamp('date_published', { withTimezone: true }),
		itemReviewedUrl: text('item_reviewed_url').notNull().default(''),
		json: jsonb('json').notNull(),
		importedBy: uuid('imported_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('external_claim_review_created_idx').on(t.createdAt)]
);

/**
 * A full-text search vector, written by src/lib/server/search from the terms of
 * src/lib/search (CJK bigrams, folded words), read through GIN indexes and ts_rank. The
 * vectors live beside the rows they index, not in them, so that reading a document or claim
 * never carries its vector along.
 */
const tsvector = customType<{ data: string; driverData: string }>({
	dataType: () => 'tsvector'
});

/**
 * What search reads of a document: the working title (weight A) and text, for signed-in
 * staff; the working title alone, for the documents list's title filter; and the latest
 * published version's title, claims, rationales and text, for the public list (null until
 * published). Written in the transactions that change them; a document without a row (or
 * without a title vector) is indexed at startup.
 */
export const documentSearch = pgTable(
	'document_search',
	{
		documentId: uuid('document_id')
			.primaryKey()
			.references(() => document.id, { onDelete: 'cascade' }),
		search: tsvector('search').notNull(),
		title: tsvector('title'),
		published: tsvector('published')
	},
	(t) => [
		index('document_search_idx').using('gin', t.search),
		index('document_search_title_idx').using('gin', t.title),
		index('document_search_published_idx').using('gin', t.published)
	]
);

/** What search reads of a working claim: as checked (A), its quote (B), its claimant (C). */
export const claimSearch = pgTable(
	'claim_search',
	{
		claimId: uuid('claim_id')
			.primaryKey()
			.references(() => claim.id, { onDelete: 'cascade' }),
		search: tsvector('search').notNull()
	},
	(t) => [index('claim_search_idx').using('gin', t.search)]
);

/**
 * What claim matching reads of an imported ClaimReview: the claim reviewed (A) and claimant
 * (C). Written by `search.indexExternal`; rows imported without it are indexed when matching
 * next runs.
 */
export const externalClaimReviewSearch = pgTable(
	'external_claim_review_search',
	{
		externalId: uuid('external_id').primaryKey(),
		search: tsvector('search').notNull()
	},
	(t) => [
		// Named: the generated name is longer than PostgreSQL's 63 characters.
		foreignKey({
			name: 'external_claim_review_search_fk',
			columns: [t.externalId],
			foreignColumns: [externalClaimReview.id]
		}).onDelete('cascade'),
		index('external_claim_review_search_idx').using('gin', t.search)
	]
);

/**
 * The claims of each document's latest published version, one row each: what verdict search
 * and claim matching read, so that neither digs through snapshots. Derived from
 * published_version: replaced at every publish, rebuilt at startup where missing.
 */
export const publishedClaim = pgTable(
	'published_claim',
	{
		claimId: uuid('claim_id').primaryKey(),
		documentId: uuid('document_id')
			.notNull()
			.references(() => document.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		claimText: text('claim_text').notNull(),
		exact: text('exact').notNull(),
		claimant: text('claimant').notNull(),
		/** The rating as published: key, label per language, colour, value. */
		rating: jsonb('rating').$type<PublishedRating | null>(),
		language: text('language').notNull(),
		publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
		search: tsvector('search').notNull()
	},
	(t) => [
		index('published_claim_document_idx').on(t.documentId),
		index('published_claim_search_idx').using('gin', t.search)
	]
);

export interface PublishedRating {
	key: string;
	labels: Record<string, string>;
	color: string;
	value: number | null;
}
