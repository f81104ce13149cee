import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
