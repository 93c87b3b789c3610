-- Campaign updates are posted by the lawyer of record and published only after an admin's privacy
-- review (like the story): pending → approved (published_at set) or rejected (with notes). English
-- text in "body", an optional Spanish version in "body_es". Rows written before this migration were
-- already public, so they count as approved.
ALTER TABLE "campaign_updates" ADD COLUMN "body_es" text;
--> statement-breakpoint
ALTER TABLE "campaign_updates" ADD COLUMN "status" text NOT NULL DEFAULT 'approved';
--> statement-breakpoint
ALTER TABLE "campaign_updates" ALTER COLUMN "status" SET DEFAULT 'pending';
--> statement-breakpoint
ALTER TABLE "campaign_updates" ADD COLUMN "review_flags" jsonb NOT NULL DEFAULT '[]'::jsonb;
--> statement-breakpoint
ALTER TABLE "campaign_updates" ADD COLUMN "review_notes" text;
--> statement-breakpoint
ALTER TABLE "campaign_updates" ADD COLUMN "author_user_id" text REFERENCES "users"("id");
--> statement-breakpoint
ALTER TABLE "campaign_updates" ADD COLUMN "reviewer_user_id" text REFERENCES "users"("id");
--> statement-breakpoint
ALTER TABLE "campaign_updates" ADD COLUMN "submitted_at" timestamp with time zone NOT NULL DEFAULT now();
--> statement-breakpoint
ALTER TABLE "campaign_updates" ADD COLUMN "reviewed_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "campaign_updates" ALTER COLUMN "published_at" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "campaign_updates" ALTER COLUMN "published_at" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "campaign_updates" ADD CONSTRAINT "campaign_updates_status_known"
  CHECK ("status" IN ('pending', 'approved', 'rejected'));
--> statement-breakpoint
ALTER TABLE "campaign_updates" ADD CONSTRAINT "campaign_updates_published_iff_approved"
  CHECK (("status" = 'approved') = ("published_at" IS NOT NULL));
--> statement-breakpoint
ALTER TABLE "campaign_updates" ADD CONSTRAINT "campaign_updates_length"
  CHECK (char_length("body") BETWEEN 1 AND 2000 AND ("body_es" IS NULL OR char_length("body_es") BETWEEN 1 AND 2000));
--> statement-breakpoint
CREATE INDEX "campaign_updates_pending_idx" ON "campaign_updates" ("campaign_id", "submitted_at") WHERE "status" = 'pending';
