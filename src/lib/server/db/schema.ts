import { sql } from 'drizzle-orm';
import {
	check,
	date,
	index,
	integer,
	pgTable,
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

/** A sign-in: the browser cookie or an API bearer token. Only the SHA-256 of the token is kept. */
export const session = pgTable(
	'session',
	{
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['cookie', 'token'] }).notNull(),
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
