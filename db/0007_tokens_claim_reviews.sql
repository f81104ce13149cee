CREATE TABLE "external_claim_review" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"url" text NOT NULL,
	"claim_reviewed" text NOT NULL,
	"claimant" text DEFAULT '' NOT NULL,
	"publisher" text DEFAULT '' NOT NULL,
	"rating_label" text DEFAULT '' NOT NULL,
	"rating_value" real,
	"best_rating" real,
	"worst_rating" real,
	"language" text DEFAULT '' NOT NULL,
	"date_published" timestamp with time zone,
	"item_reviewed_url" text DEFAULT '' NOT NULL,
	"json" jsonb NOT NULL,
	"imported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "external_claim_review_url_unique" UNIQUE("url")
);
--> statement-breakpoint
ALTER TABLE "session" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "external_claim_review" ADD CONSTRAINT "external_claim_review_imported_by_user_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "external_claim_review_created_idx" ON "external_claim_review" USING btree ("created_at");