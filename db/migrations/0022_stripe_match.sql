-- Stripe reconciliation stored, not recomputed per view: per Stripe object (charge, refund,
-- dispute, payout; the balance transaction's source), what moved at Stripe (the imported
-- balance transactions' net) beside what the books' `stripe` account says moved for it (entries
-- keyed by the most specific of refs.refund, refs.dispute, refs.payout, refs.charge, as
-- lib/reconciliation/stripe-match.ts did in memory). Kept by triggers when balance
-- transactions are imported (per statement) and when a `stripe` posting is written (per row,
-- after ledger_post_entry has locked the accounts, so a match row adds no lock order of its
-- own: an import locks match rows only, never an account); a view reads only
-- the rows that need attention (partial index) and a count. stripe_match_rebuild() recomputes
-- every row from the two sources, as the view stripe_match_recomputed computes them; the
-- recompute check (stripeMatchDrift) compares the two.
CREATE TABLE "stripe_match" (
  "source_id" text PRIMARY KEY,
  "stripe_net" bigint NOT NULL DEFAULT 0,
  "stripe_rows" integer NOT NULL DEFAULT 0,
  "ledger_net" bigint NOT NULL DEFAULT 0,
  "ledger_rows" integer NOT NULL DEFAULT 0
);
--> statement-breakpoint
CREATE INDEX "stripe_match_attention_idx" ON "stripe_match" ("source_id")
  WHERE ("stripe_rows" > 0 AND ("ledger_rows" = 0 OR "stripe_net" <> "ledger_net"))
     OR ("stripe_rows" = 0 AND "ledger_net" <> 0);
--> statement-breakpoint
CREATE FUNCTION stripe_match_key(refs jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(refs ->> 'refund', refs ->> 'dispute', refs ->> 'payout', refs ->> 'charge')
$$;
--> statement-breakpoint
CREATE VIEW stripe_match_recomputed AS
SELECT coalesce(s.source_id, l.source_id) AS source_id, coalesce(s.net, 0)::bigint AS stripe_net,
       coalesce(s.n, 0)::int AS stripe_rows, coalesce(l.net, 0)::bigint AS ledger_net, coalesce(l.n, 0)::int AS ledger_rows
  FROM (SELECT source_id, sum(net_cents) AS net, count(*) AS n FROM stripe_balance_transactions
         WHERE source_id IS NOT NULL GROUP BY source_id) s
  FULL JOIN (SELECT stripe_match_key(e.refs) AS source_id, sum(p.amount) AS net, count(*) AS n
               FROM ledger_postings p JOIN journal_entries e ON e.id = p.entry_id
              WHERE p.account_code = 'stripe' AND stripe_match_key(e.refs) IS NOT NULL
              GROUP BY 1) l ON l.source_id = s.source_id;
--> statement-breakpoint
CREATE FUNCTION stripe_match_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM stripe_match;
  INSERT INTO stripe_match (source_id, stripe_net, stripe_rows, ledger_net, ledger_rows)
  SELECT source_id, stripe_net, stripe_rows, ledger_net, ledger_rows FROM stripe_match_recomputed;
END $$;
--> statement-breakpoint
SELECT stripe_match_rebuild();
--> statement-breakpoint
-- Balance transactions arrive in batches (an import's page, a bulk load): one set-based upsert per statement.
CREATE FUNCTION stripe_match_add_bts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO stripe_match AS m (source_id, stripe_net, stripe_rows)
    SELECT source_id, sum(net_cents), count(*) FROM new_rows WHERE source_id IS NOT NULL GROUP BY source_id
    ON CONFLICT (source_id) DO UPDATE
      SET stripe_net = m.stripe_net + EXCLUDED.stripe_net, stripe_rows = m.stripe_rows + EXCLUDED.stripe_rows;
  ELSE
    UPDATE stripe_match m SET stripe_net = m.stripe_net - o.net, stripe_rows = m.stripe_rows - o.n
      FROM (SELECT source_id, sum(net_cents) AS net, count(*) AS n FROM old_rows
             WHERE source_id IS NOT NULL GROUP BY source_id) o
     WHERE m.source_id = o.source_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stripe_match_bt_insert AFTER INSERT ON stripe_balance_transactions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stripe_match_add_bts();
--> statement-breakpoint
CREATE TRIGGER stripe_match_bt_delete AFTER DELETE ON stripe_balance_transactions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stripe_match_add_bts();
--> statement-breakpoint
CREATE FUNCTION stripe_match_add_posting() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE k text;
BEGIN
  SELECT stripe_match_key(refs) INTO k FROM journal_entries WHERE id = NEW.entry_id;
  IF k IS NOT NULL THEN
    INSERT INTO stripe_match AS m (source_id, ledger_net, ledger_rows) VALUES (k, NEW.amount, 1)
    ON CONFLICT (source_id) DO UPDATE SET ledger_net = m.ledger_net + EXCLUDED.ledger_net, ledger_rows = m.ledger_rows + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stripe_match_posting AFTER INSERT ON ledger_postings
  FOR EACH ROW WHEN (NEW.account_code = 'stripe') EXECUTE FUNCTION stripe_match_add_posting();
