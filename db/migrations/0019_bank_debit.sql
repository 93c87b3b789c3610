-- Issue 15, item 1: bank debit (ACH) for large one-time gifts. A bank gift stays
-- "pending" (nothing booked) from the donor's submission until Stripe says the
-- debit succeeded or failed, days later; these columns let the thank-you page and
-- the treasury show it as a pending bank payment, and the failure mail go once.
ALTER TABLE "donations" ADD COLUMN "payment_method" text DEFAULT 'card' NOT NULL;
--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_payment_method_known" CHECK ("payment_method" IN ('card', 'us_bank_account'));
--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "bank_submitted_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "bank_failed_at" timestamp with time zone;
--> statement-breakpoint
CREATE INDEX "donations_bank_pending_idx" ON "donations" ("bank_submitted_at") WHERE "payment_method" = 'us_bank_account' AND "status" = 'pending';
