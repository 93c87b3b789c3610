-- Ledger invariants enforced by the database itself, whatever code talks to it.
-- 1. Postings and journal entries are append-only.
-- 2. Each posting updates its account's cached balance in the same transaction,
--    under the account's row lock; CHECK ledger_accounts_non_negative refuses any
--    balance that would go below zero on a protected account.
-- 3. Cached balances cannot be changed except by a posting.
-- 4. Every journal entry balances (deferred to commit) and has at least two postings.
-- 5. Postings can only be added in the transaction that created their entry.

ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_kind_known" CHECK ("kind" IN (
  'donation', 'processing_fee', 'refund', 'dispute', 'dispute_reversal', 'payout', 'bond_payment',
  'bond_refund', 'interest', 'forfeiture', 'reallocation', 'adjustment'));
--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_not_self_reversal" CHECK ("reverses_entry_id" IS NULL OR "reverses_entry_id" <> "id");
--> statement-breakpoint
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger is append-only: % on % is not allowed; post a reversing entry instead', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER journal_entries_append_only BEFORE UPDATE OR DELETE ON "journal_entries"
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER journal_entries_no_truncate BEFORE TRUNCATE ON "journal_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_postings_append_only BEFORE UPDATE OR DELETE ON "ledger_postings"
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_postings_no_truncate BEFORE TRUNCATE ON "ledger_postings"
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_accounts_no_delete BEFORE DELETE ON "ledger_accounts"
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_accounts_no_truncate BEFORE TRUNCATE ON "ledger_accounts"
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE FUNCTION ledger_guard_account_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.code IS DISTINCT FROM OLD.code OR NEW.kind IS DISTINCT FROM OLD.kind
     OR NEW.normal_sign IS DISTINCT FROM OLD.normal_sign OR NEW.allow_negative IS DISTINCT FROM OLD.allow_negative
     OR NEW.campaign_id IS DISTINCT FROM OLD.campaign_id OR NEW.bond_id IS DISTINCT FROM OLD.bond_id THEN
    RAISE EXCEPTION 'ledger account % cannot be redefined', OLD.code USING ERRCODE = 'restrict_violation';
  END IF;
  -- Depth 1 is a direct UPDATE; the posting trigger's UPDATE runs at depth 2.
  IF (NEW.balance IS DISTINCT FROM OLD.balance OR NEW.version IS DISTINCT FROM OLD.version)
     AND pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'balance of ledger account % changes only through postings', OLD.code USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_accounts_guard BEFORE UPDATE ON "ledger_accounts"
  FOR EACH ROW EXECUTE FUNCTION ledger_guard_account_update();
--> statement-breakpoint
CREATE FUNCTION ledger_apply_posting() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  entry_txid bigint;
BEGIN
  SELECT txid INTO entry_txid FROM journal_entries WHERE id = NEW.entry_id;
  IF entry_txid IS DISTINCT FROM txid_current() THEN
    RAISE EXCEPTION 'postings can only be added to journal entry % in the transaction that created it', NEW.entry_id
      USING ERRCODE = 'restrict_violation';
  END IF;
  UPDATE ledger_accounts
     SET balance = balance + normal_sign * NEW.amount, version = version + 1
   WHERE code = NEW.account_code
  RETURNING balance, version INTO NEW.balance_after, NEW.account_version;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'unknown ledger account %', NEW.account_code USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_postings_apply BEFORE INSERT ON "ledger_postings"
  FOR EACH ROW EXECUTE FUNCTION ledger_apply_posting();
--> statement-breakpoint
CREATE FUNCTION ledger_check_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  total numeric;
  n integer;
BEGIN
  SELECT coalesce(sum(amount), 0), count(*) INTO total, n FROM ledger_postings WHERE entry_id = NEW.id;
  IF n < 2 THEN
    RAISE EXCEPTION 'journal entry % has % posting(s); at least two are required', NEW.id, n
      USING ERRCODE = 'check_violation', CONSTRAINT = 'journal_entries_balanced';
  END IF;
  IF total <> 0 THEN
    RAISE EXCEPTION 'journal entry % does not balance: postings sum to % cents', NEW.id, total
      USING ERRCODE = 'check_violation', CONSTRAINT = 'journal_entries_balanced';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER journal_entries_balanced AFTER INSERT ON "journal_entries"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_entry_balanced();
--> statement-breakpoint
INSERT INTO "ledger_accounts" ("code", "kind", "normal_sign", "allow_negative") VALUES
  ('stripe', 'asset', 1, true),
  ('bank', 'asset', 1, true),
  ('general', 'fund', -1, false),
  ('bonds_outstanding', 'fund', -1, false);
