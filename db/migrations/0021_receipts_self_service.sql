-- Issue 15 items 4 and 5: IRS receipts as PDFs, year-end statements, Schedule B details, donor self-service.
-- A mail may carry one PDF, rebuilt from the books when it is sent (lib/receipts/attachments.ts):
-- the outbox holds only which document, never its bytes.
ALTER TABLE "outbox_messages" ADD COLUMN "attachment" text;
--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_attachment_known"
  CHECK ("attachment" IS NULL OR "attachment" ~ '^(receipt:[0-9a-f-]{36}|statement:[0-9]{4})$');
--> statement-breakpoint
-- Once per donor (sha256 of the lower-cased address) per calendar year: the January job's claim.
CREATE TABLE "year_end_statement_claims" (
	"email_hash" text NOT NULL,
	"year" integer NOT NULL,
	"gifts" integer NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resent" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "year_end_statement_claims_pk" PRIMARY KEY ("email_hash", "year"),
	CONSTRAINT "year_end_statement_claims_year" CHECK ("year" BETWEEN 2000 AND 2200)
);
--> statement-breakpoint
-- Name and address collected at checkout for a single gift of $5,000 or more (Schedule B), sealed like case files.
CREATE TABLE "donor_contact_details" (
	"donation_id" uuid PRIMARY KEY NOT NULL REFERENCES "donations"("id"),
	"envelope" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Self-service: a mailed link (purpose 'link', single use) opens a short session (purpose 'session').
-- Only the sha256 of each secret is stored.
CREATE TABLE "donor_access_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"email" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donor_access_tokens_purpose" CHECK ("purpose" IN ('link', 'session'))
);
--> statement-breakpoint
CREATE INDEX "donor_access_tokens_expiry_idx" ON "donor_access_tokens" ("expires_at");
--> statement-breakpoint
CREATE INDEX "donations_email_lower_idx" ON "donations" (lower("email"));
