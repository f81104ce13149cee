-- Search vectors are computed from terms made in TypeScript (src/lib/search: CJK bigrams,
-- folded words), so this migration cannot fill them: rows that exist already are indexed at
-- startup by search.indexPending. They live in side tables so that reading a document or a
-- claim never carries its vector along.
CREATE TABLE "claim_search" (
	"claim_id" uuid PRIMARY KEY NOT NULL,
	"search" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_search" (
	"document_id" uuid PRIMARY KEY NOT NULL,
	"search" "tsvector" NOT NULL,
	"published" "tsvector"
);
--> statement-breakpoint
CREATE TABLE "external_claim_review_search" (
	"external_id" uuid PRIMARY KEY NOT NULL,
	"search" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "published_claim" (
	"claim_id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"claim_text" text NOT NULL,
	"exact" text NOT NULL,
	"claimant" text NOT NULL,
	"rating" jsonb,
	"language" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"search" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "claim_search" ADD CONSTRAINT "claim_search_claim_id_claim_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claim"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_search" ADD CONSTRAINT "document_search_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_claim_review_search" ADD CONSTRAINT "external_claim_review_search_fk" FOREIGN KEY ("external_id") REFERENCES "public"."external_claim_review"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_claim" ADD CONSTRAINT "published_claim_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_search_idx" ON "claim_search" USING gin ("search");--> statement-breakpoint
CREATE INDEX "document_search_idx" ON "document_search" USING gin ("search");--> statement-breakpoint
CREATE INDEX "document_search_published_idx" ON "document_search" USING gin ("published");--> statement-breakpoint
CREATE INDEX "external_claim_review_search_idx" ON "external_claim_review_search" USING gin ("search");--> statement-breakpoint
CREATE INDEX "published_claim_document_idx" ON "published_claim" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "published_claim_search_idx" ON "published_claim" USING gin ("search");