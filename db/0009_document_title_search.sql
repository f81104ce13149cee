-- The documents list filters by words of the title alone: a vector of its own, so that the
-- filter reads a small index rather than every document's text. Existing rows get theirs at
-- startup (search.indexPending).
ALTER TABLE "document_search" ADD COLUMN "title" "tsvector";--> statement-breakpoint
CREATE INDEX "document_search_title_idx" ON "document_search" USING gin ("title");