-- Issue 15, item 3: gifts by check, wire, cash or other, recorded by a treasurer.
-- 1. The asset undeposited_funds holds a recorded gift until the bank line that
--    deposits it is matched (entry kinds offline_gift and deposit).
-- 2. offline_gifts: one row per gift (donor's private data: treasurer pages only);
--    offline_deposits: one row per matched bank line, which may carry several gifts.
-- 3. Recorded, unreversed gifts to a campaign count as donors (campaign_donor_counts).
ALTER TABLE "ledger_accounts" DROP CONSTRAINT "ledger_accounts_code_format";
--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_code_format" CHECK (("code" IN ('stripe', 'bank') AND "kind" = 'asset' AND "campaign_id" IS NULL AND "bond_id" IS NULL)
  OR ("code" = 'undeposited_funds' AND "kind" = 'asset' AND NOT "allow_negative" AND "campaign_id" IS NULL AND "bond_id" IS NULL)
  OR ("code" IN ('general', 'bonds_outstanding') AND "kind" = 'fund' AND NOT "allow_negative" AND "campaign_id" IS NULL AND "bond_id" IS NULL)
  OR ("code" = 'bond_allowance' AND "kind" = 'contra_asset' AND NOT "allow_negative" AND "campaign_id" IS NULL AND "bond_id" IS NULL)
  OR ("campaign_id" IS NOT NULL AND "bond_id" IS NULL AND "code" = 'campaign:' || "campaign_id"::text AND "kind" = 'fund' AND NOT "allow_negative")
  OR ("bond_id" IS NOT NULL AND "campaign_id" IS NULL AND "code" = 'bond:' || "bond_id"::text AND "kind" = 'asset' AND NOT "allow_negative"));
--> statement-breakpoint
INSERT INTO "ledger_accounts" ("code", "kind", "normal_sign", "allow_negative") VALUES ('undeposited_funds', 'asset', 1, false);
--> statement-breakpoint
ALTER TABLE "journal_entries" DROP CONSTRAINT "journal_entries_kind_known";
--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_kind_known" CHECK ("kind" IN (
  'donation', 'processing_fee', 'refund', 'dispute', 'dispute_reversal', 'payout', 'bond_payment',
  'bond_refund', 'interest', 'forfeiture', 'reallocation', 'adjustment', 'allowance_adjustment', 'write_off',
  'offline_gift', 'deposit'));
--> statement-breakpoint
CREATE TABLE "offline_deposits" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "bank_line_id" uuid NOT NULL UNIQUE REFERENCES "bank_statement_lines" ("id"),
  "amount_cents" bigint NOT NULL,
  "entry_id" bigint NOT NULL REFERENCES "journal_entries" ("id"),
  "matched_by" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "offline_deposits_amount_positive" CHECK ("amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "offline_gifts" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "method" text NOT NULL,
  "donor_name" text NOT NULL,
  "email" text,
  "amount_cents" bigint NOT NULL,
  "received_on" date NOT NULL,
  "reference" text DEFAULT '' NOT NULL,
  "campaign_id" uuid REFERENCES "campaigns" ("id"),
  "display_name" text,
  "display_name_review" text DEFAULT 'pending' NOT NULL,
  "display_name_reviewed_by" text,
  "display_name_reviewed_at" timestamp with time zone,
  "locale" text DEFAULT 'en' NOT NULL,
  "entry_id" bigint NOT NULL REFERENCES "journal_entries" ("id"),
  "deposit_id" uuid REFERENCES "offline_deposits" ("id"),
  "reversed_at" timestamp with time zone,
  "reversed_by" text,
  "reversal_reason" text,
  "reversal_entry_id" bigint REFERENCES "journal_entries" ("id"),
  "recorded_by" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "offline_gifts_method_known" CHECK ("method" IN ('check', 'wire', 'cash', 'other')),
  CONSTRAINT "offline_gifts_amount_positive" CHECK ("amount_cents" > 0),
  CONSTRAINT "offline_gifts_name_length" CHECK (length("donor_name") BETWEEN 1 AND 200),
  CONSTRAINT "offline_gifts_reference_length" CHECK (length("reference") <= 100),
  CONSTRAINT "offline_gifts_check_has_number" CHECK ("method" <> 'check' OR length("reference") > 0),
  CONSTRAINT "offline_gifts_display_name_review_known" CHECK ("display_name_review" IN ('pending', 'approved', 'rejected')),
  CONSTRAINT "offline_gifts_wall_needs_campaign" CHECK ("display_name" IS NULL OR "campaign_id" IS NOT NULL),
  CONSTRAINT "offline_gifts_reversal_pair" CHECK (("reversed_at" IS NULL) = ("reversal_entry_id" IS NULL)),
  CONSTRAINT "offline_gifts_reason_length" CHECK (length("reversal_reason") <= 300),
  CONSTRAINT "offline_gifts_deposited_or_reversed" CHECK ("deposit_id" IS NULL OR "reversed_at" IS NULL)
);
--> statement-breakpoint
-- The same check twice for one donor is refused (a reversed one may be recorded again, corrected).
CREATE UNIQUE INDEX "offline_gifts_one_check" ON "offline_gifts" (lower("donor_name"), "reference") WHERE "method" = 'check' AND "reversed_at" IS NULL;
--> statement-breakpoint
CREATE INDEX "offline_gifts_undeposited_idx" ON "offline_gifts" ("received_on") WHERE "deposit_id" IS NULL AND "reversed_at" IS NULL;
--> statement-breakpoint
CREATE INDEX "offline_gifts_campaign_idx" ON "offline_gifts" ("campaign_id", "received_on" DESC);
--> statement-breakpoint
CREATE FUNCTION offline_gift_count_donor() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was boolean := TG_OP <> 'INSERT' AND OLD.campaign_id IS NOT NULL AND OLD.reversed_at IS NULL;
  now_in boolean := TG_OP <> 'DELETE' AND NEW.campaign_id IS NOT NULL AND NEW.reversed_at IS NULL;
BEGIN
  IF was AND (NOT now_in OR NEW.campaign_id IS DISTINCT FROM OLD.campaign_id) THEN
    INSERT INTO campaign_donor_counts AS c (campaign_id, donors) VALUES (OLD.campaign_id, -1)
    ON CONFLICT (campaign_id) DO UPDATE SET donors = c.donors - 1;
  END IF;
  IF now_in AND (NOT was OR NEW.campaign_id IS DISTINCT FROM OLD.campaign_id) THEN
    INSERT INTO campaign_donor_counts AS c (campaign_id, donors) VALUES (NEW.campaign_id, 1)
    ON CONFLICT (campaign_id) DO UPDATE SET donors = c.donors + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER offline_gifts_count_donors AFTER INSERT OR UPDATE OR DELETE ON "offline_gifts"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION offline_gift_count_donor();
