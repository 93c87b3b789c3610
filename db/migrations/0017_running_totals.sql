-- Running totals, so that public figures cost the same at a million postings as
-- at ten thousand:
-- 1. ledger_kind_totals: per account and journal-entry kind, the signed sum and
--    count of its postings, kept by a statement-level trigger on ledger_postings
--    in the posting transaction (after the posting trigger has locked and
--    updated each account, so a totals row is only written under its account's
--    row lock and adds no lock order of its own). Direct changes are refused, as
--    for cached balances; verifyKindTotals (lib/ledger) recomputes them.
-- 2. campaign_donor_counts: per campaign, the donations counted as donors
--    (succeeded or partially refunded), kept by a deferred trigger on donations,
--    so the counter row is locked at commit and never ahead of a ledger lock.
-- 3. An index that serves the donor wall (newest gifts of a campaign) without
--    sorting every gift of the campaign (not partial: the wall's status filter
--    comes as query parameters, which a generic plan cannot match to a predicate;
--    gifts not yet succeeded have no succeeded_at and sort last).
CREATE TABLE "ledger_kind_totals" (
  "account_code" text NOT NULL REFERENCES "ledger_accounts" ("code"),
  "kind" text NOT NULL,
  "total" bigint NOT NULL,
  "postings" bigint NOT NULL,
  CONSTRAINT "ledger_kind_totals_pk" PRIMARY KEY ("account_code", "kind")
);
--> statement-breakpoint
INSERT INTO "ledger_kind_totals" ("account_code", "kind", "total", "postings")
SELECT p.account_code, e.kind, sum(p.amount), count(*)
  FROM ledger_postings p JOIN journal_entries e ON e.id = p.entry_id
 GROUP BY p.account_code, e.kind;
--> statement-breakpoint
CREATE FUNCTION ledger_add_kind_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_kind_totals AS t (account_code, kind, total, postings)
  SELECT n.account_code, e.kind, sum(n.amount), count(*)
    FROM new_postings n JOIN journal_entries e ON e.id = n.entry_id
   GROUP BY n.account_code, e.kind
   ORDER BY n.account_code, e.kind
  ON CONFLICT (account_code, kind)
  DO UPDATE SET total = t.total + EXCLUDED.total, postings = t.postings + EXCLUDED.postings;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_postings_kind_totals AFTER INSERT ON "ledger_postings"
  REFERENCING NEW TABLE AS new_postings
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_add_kind_totals();
--> statement-breakpoint
CREATE FUNCTION ledger_guard_derived() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Depth 1 is a direct statement; the maintaining trigger's statement runs at depth 2.
  IF pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION '% is kept by the database; % is not allowed', TG_TABLE_NAME, TG_OP
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_kind_totals_guard BEFORE INSERT OR UPDATE OR DELETE ON "ledger_kind_totals"
  FOR EACH ROW EXECUTE FUNCTION ledger_guard_derived();
--> statement-breakpoint
CREATE TRIGGER ledger_kind_totals_no_truncate BEFORE TRUNCATE ON "ledger_kind_totals"
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TABLE "campaign_donor_counts" (
  "campaign_id" uuid PRIMARY KEY REFERENCES "campaigns" ("id"),
  "donors" bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO "campaign_donor_counts" ("campaign_id", "donors")
SELECT campaign_id, count(*) FROM donations
 WHERE status IN ('succeeded', 'partially_refunded')
 GROUP BY campaign_id;
--> statement-breakpoint
CREATE FUNCTION campaign_count_donor() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was boolean := TG_OP <> 'INSERT' AND OLD.status IN ('succeeded', 'partially_refunded');
  now_in boolean := TG_OP <> 'DELETE' AND NEW.status IN ('succeeded', 'partially_refunded');
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
CREATE CONSTRAINT TRIGGER donations_count_donors AFTER INSERT OR UPDATE OR DELETE ON "donations"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION campaign_count_donor();
--> statement-breakpoint
CREATE TRIGGER campaign_donor_counts_guard BEFORE INSERT OR UPDATE OR DELETE ON "campaign_donor_counts"
  FOR EACH ROW EXECUTE FUNCTION ledger_guard_derived();
--> statement-breakpoint
CREATE INDEX "donations_wall_idx" ON "donations" USING btree ("campaign_id", "succeeded_at" DESC NULLS LAST, "created_at" DESC);
