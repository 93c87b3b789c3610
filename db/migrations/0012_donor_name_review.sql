-- Issue 11, finding 2: a donor's wall name is public only once staff approve it.
-- Existing names were never reviewed, so they start pending like new ones.
ALTER TABLE "donations" ADD COLUMN "display_name_review" text DEFAULT 'pending' NOT NULL;
--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_display_name_review_known" CHECK ("display_name_review" IN ('pending', 'approved', 'rejected'));
--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "display_name_reviewed_by" text;
--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "display_name_reviewed_at" timestamp with time zone;
--> statement-breakpoint
CREATE INDEX "donations_name_review_pending_idx" ON "donations" ("campaign_id") WHERE "display_name" IS NOT NULL AND "display_name_review" = 'pending';
--> statement-breakpoint
-- Staff see their own sessions (issue 11, threat model): when each began.
ALTER TABLE "sessions" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;
