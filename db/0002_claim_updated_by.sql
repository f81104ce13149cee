ALTER TABLE "claim" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "claim" ADD CONSTRAINT "claim_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_recent_idx" ON "claim" USING btree ("document_id","updated_at");