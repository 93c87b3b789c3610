-- After the bond is paid (issue 13): obligors of record, ICE notices and their
-- deadlines with encrypted scans, the once-a-day deadline digest claim, the
-- refund claim and its follow-ups, and the allowance for uncollectible bonds
-- (a contra-asset account, credit-normal, adjusted only by ledger entries).
CREATE TABLE "obligors" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "kind" text NOT NULL,
  "envelope" text NOT NULL,
  "is_fund_default" boolean DEFAULT false NOT NULL,
  "updated_by" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "obligors_kind_known" CHECK ("kind" IN ('fund', 'person'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "obligors_one_fund_default" ON "obligors" ("is_fund_default") WHERE "is_fund_default";
--> statement-breakpoint
CREATE TABLE "obligor_addresses" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "obligor_id" uuid NOT NULL REFERENCES "obligors"("id"),
  "envelope" text NOT NULL,
  "changed_on" date NOT NULL,
  "i333_filed_on" date,
  "created_by" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "obligor_addresses_i333_after_change" CHECK ("i333_filed_on" IS NULL OR "i333_filed_on" >= "changed_on" - 30)
);
--> statement-breakpoint
CREATE INDEX "obligor_addresses_obligor_idx" ON "obligor_addresses" ("obligor_id", "changed_on");
--> statement-breakpoint
CREATE TABLE "bond_obligors" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "bond_id" uuid NOT NULL REFERENCES "bonds"("id"),
  "obligor_id" uuid NOT NULL REFERENCES "obligors"("id"),
  "from_on" date NOT NULL,
  "reason" text NOT NULL,
  "created_by" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "bond_obligors_reason_known" CHECK ("reason" IN ('posted', 'substitution'))
);
--> statement-breakpoint
CREATE INDEX "bond_obligors_bond_idx" ON "bond_obligors" ("bond_id", "from_on");
--> statement-breakpoint
CREATE TABLE "bond_notices" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "bond_id" uuid NOT NULL REFERENCES "bonds"("id"),
  "form" text NOT NULL,
  "served_on" date NOT NULL,
  "served_by" text NOT NULL,
  "envelope" text NOT NULL,
  "deadline_kind" text,
  "deadline_at" timestamp with time zone,
  "resolved_at" timestamp with time zone,
  "dedupe_hash" text NOT NULL UNIQUE,
  "created_by" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "bond_notices_form_known" CHECK ("form" IN ('I-340', 'I-323', 'I-391', 'I-305', 'other')),
  CONSTRAINT "bond_notices_served_by_known" CHECK ("served_by" IN ('mail', 'email', 'in_person')),
  CONSTRAINT "bond_notices_deadline_pair" CHECK (("deadline_kind" IS NULL) = ("deadline_at" IS NULL))
);
--> statement-breakpoint
CREATE INDEX "bond_notices_bond_idx" ON "bond_notices" ("bond_id", "served_on");
--> statement-breakpoint
CREATE INDEX "bond_notices_open_deadline_idx" ON "bond_notices" ("deadline_at") WHERE "resolved_at" IS NULL AND "deadline_at" IS NOT NULL;
--> statement-breakpoint
CREATE TABLE "notice_scans" (
  "notice_id" uuid PRIMARY KEY NOT NULL REFERENCES "bond_notices"("id"),
  "mime" text NOT NULL,
  "size_bytes" integer NOT NULL,
  "envelope" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "notice_scans_mime_known" CHECK ("mime" IN ('application/pdf', 'image/jpeg', 'image/png')),
  CONSTRAINT "notice_scans_size" CHECK ("size_bytes" BETWEEN 1 AND 10485760)
);
--> statement-breakpoint
CREATE TABLE "deadline_digest_claims" (
  "recipient" text NOT NULL,
  "day" date NOT NULL,
  "deadlines" integer NOT NULL,
  "claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "deadline_digest_claims_pk" PRIMARY KEY ("recipient", "day")
);
--> statement-breakpoint
CREATE TABLE "refund_claims" (
  "bond_id" uuid PRIMARY KEY NOT NULL REFERENCES "bonds"("id"),
  "packet_generated_at" timestamp with time zone,
  "mailed_on" date,
  "tracking_envelope" text,
  "updated_by" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refund_followups" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "bond_id" uuid NOT NULL REFERENCES "bonds"("id"),
  "channel" text NOT NULL,
  "occurred_on" date NOT NULL,
  "envelope" text NOT NULL,
  "created_by" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "refund_followups_channel_known" CHECK ("channel" IN ('call', 'letter', 'email'))
);
--> statement-breakpoint
CREATE INDEX "refund_followups_bond_idx" ON "refund_followups" ("bond_id", "occurred_on");
--> statement-breakpoint
CREATE TABLE "allowance_policy" (
  "id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
  "mode" text NOT NULL,
  "under1_bps" integer DEFAULT 0 NOT NULL,
  "y1to2_bps" integer DEFAULT 0 NOT NULL,
  "y2to5_bps" integer DEFAULT 0 NOT NULL,
  "over5_bps" integer DEFAULT 0 NOT NULL,
  "updated_by" text NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "allowance_policy_single" CHECK ("id" = 1),
  CONSTRAINT "allowance_policy_mode_known" CHECK ("mode" IN ('by_age', 'per_bond')),
  CONSTRAINT "allowance_policy_bps_range" CHECK ("under1_bps" BETWEEN 0 AND 10000 AND "y1to2_bps" BETWEEN 0 AND 10000
    AND "y2to5_bps" BETWEEN 0 AND 10000 AND "over5_bps" BETWEEN 0 AND 10000)
);
--> statement-breakpoint
CREATE TABLE "bond_allowance_judgements" (
  "bond_id" uuid PRIMARY KEY NOT NULL REFERENCES "bonds"("id"),
  "bps" integer NOT NULL,
  "updated_by" text NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "bond_allowance_judgements_bps" CHECK ("bps" BETWEEN 0 AND 10000)
);
--> statement-breakpoint
ALTER TABLE "ledger_accounts" DROP CONSTRAINT "ledger_accounts_kind_sign";
--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_kind_sign" CHECK (("kind" = 'asset' AND "normal_sign" = 1)
  OR ("kind" = 'fund' AND "normal_sign" = -1) OR ("kind" = 'contra_asset' AND "normal_sign" = -1));
--> statement-breakpoint
ALTER TABLE "ledger_accounts" DROP CONSTRAINT "ledger_accounts_code_format";
--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_code_format" CHECK (("code" IN ('stripe', 'bank') AND "kind" = 'asset' AND "campaign_id" IS NULL AND "bond_id" IS NULL)
  OR ("code" IN ('general', 'bonds_outstanding') AND "kind" = 'fund' AND NOT "allow_negative" AND "campaign_id" IS NULL AND "bond_id" IS NULL)
  OR ("code" = 'bond_allowance' AND "kind" = 'contra_asset' AND NOT "allow_negative" AND "campaign_id" IS NULL AND "bond_id" IS NULL)
  OR ("campaign_id" IS NOT NULL AND "bond_id" IS NULL AND "code" = 'campaign:' || "campaign_id"::text AND "kind" = 'fund' AND NOT "allow_negative")
  OR ("bond_id" IS NOT NULL AND "campaign_id" IS NULL AND "code" = 'bond:' || "bond_id"::text AND "kind" = 'asset' AND NOT "allow_negative"));
--> statement-breakpoint
INSERT INTO "ledger_accounts" ("code", "kind", "normal_sign", "allow_negative") VALUES ('bond_allowance', 'contra_asset', -1, false);
--> statement-breakpoint
ALTER TABLE "journal_entries" DROP CONSTRAINT "journal_entries_kind_known";
--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_kind_known" CHECK ("kind" IN (
  'donation', 'processing_fee', 'refund', 'dispute', 'dispute_reversal', 'payout', 'bond_payment',
  'bond_refund', 'interest', 'forfeiture', 'reallocation', 'adjustment', 'allowance_adjustment', 'write_off'));
