-- The ledger's rules in one current file: GENERATED from db/migrations by
-- `npm run db:ledger-rules` (tests/integration/ledger-rules-file.test.ts fails when it is stale).
-- Do not edit: change the rules with a new migration, then regenerate.
-- What the rules mean: docs/chart-of-accounts.md.

-- Tables: constraints (columns: db/schema/ledger.ts)
ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_campaign_id_campaigns_id_fk FOREIGN KEY (campaign_id) REFERENCES campaigns(id);
ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_idempotency_key_unique UNIQUE (idempotency_key);
ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_key_length CHECK (((length(idempotency_key) >= 1) AND (length(idempotency_key) <= 255)));
ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_kind_known CHECK (ledger_entry_kind_known(kind));
ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_not_self_reversal CHECK (((reverses_entry_id IS NULL) OR (reverses_entry_id <> id)));
ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_pkey PRIMARY KEY (id);
ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_reverses_entry_id_journal_entries_id_fk FOREIGN KEY (reverses_entry_id) REFERENCES journal_entries(id);
ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_reverses_entry_id_unique UNIQUE (reverses_entry_id);
ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_bond_id_bonds_id_fk FOREIGN KEY (bond_id) REFERENCES bonds(id);
ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_campaign_id_campaigns_id_fk FOREIGN KEY (campaign_id) REFERENCES campaigns(id);
ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_code_format CHECK (ledger_account_code_well_formed(code, kind, allow_negative, campaign_id, bond_id));
ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_kind_sign CHECK ((((kind = 'asset'::text) AND (normal_sign = 1)) OR ((kind = 'fund'::text) AND (normal_sign = '-1'::integer)) OR ((kind = 'contra_asset'::text) AND (normal_sign = '-1'::integer))));
ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_non_negative CHECK ((allow_negative OR (balance >= 0)));
ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_pkey PRIMARY KEY (code);
ALTER TABLE ledger_postings ADD CONSTRAINT ledger_postings_account_code_ledger_accounts_code_fk FOREIGN KEY (account_code) REFERENCES ledger_accounts(code);
ALTER TABLE ledger_postings ADD CONSTRAINT ledger_postings_account_version UNIQUE (account_code, account_version);
ALTER TABLE ledger_postings ADD CONSTRAINT ledger_postings_amount_nonzero CHECK ((amount <> 0));
ALTER TABLE ledger_postings ADD CONSTRAINT ledger_postings_entry_id_journal_entries_id_fk FOREIGN KEY (entry_id) REFERENCES journal_entries(id);
ALTER TABLE ledger_postings ADD CONSTRAINT ledger_postings_pkey PRIMARY KEY (id);

-- Indexes
CREATE INDEX journal_entries_campaign_idx ON public.journal_entries USING btree (campaign_id);
CREATE UNIQUE INDEX journal_entries_idempotency_key_unique ON public.journal_entries USING btree (idempotency_key);
CREATE INDEX journal_entries_kind_effective_idx ON public.journal_entries USING btree (kind, effective_at);
CREATE UNIQUE INDEX journal_entries_pkey ON public.journal_entries USING btree (id);
CREATE UNIQUE INDEX journal_entries_reverses_entry_id_unique ON public.journal_entries USING btree (reverses_entry_id);
CREATE UNIQUE INDEX ledger_accounts_pkey ON public.ledger_accounts USING btree (code);
CREATE UNIQUE INDEX ledger_postings_account_version ON public.ledger_postings USING btree (account_code, account_version);
CREATE INDEX ledger_postings_entry_idx ON public.ledger_postings USING btree (entry_id);
CREATE UNIQUE INDEX ledger_postings_pkey ON public.ledger_postings USING btree (id);

-- Functions
CREATE OR REPLACE FUNCTION public.ledger_account_code_well_formed(p_code text, p_kind text, p_allow_negative boolean, p_campaign uuid, p_bond uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$
BEGIN
  RETURN (p_code IN ('stripe', 'bank') AND p_kind = 'asset' AND p_campaign IS NULL AND p_bond IS NULL)
    OR (p_code = 'undeposited_funds' AND p_kind = 'asset' AND NOT p_allow_negative AND p_campaign IS NULL AND p_bond IS NULL)
    OR (p_code IN ('general', 'bonds_outstanding') AND p_kind = 'fund' AND NOT p_allow_negative AND p_campaign IS NULL AND p_bond IS NULL)
    OR (p_code = 'bond_allowance' AND p_kind = 'contra_asset' AND NOT p_allow_negative AND p_campaign IS NULL AND p_bond IS NULL)
    OR (p_campaign IS NOT NULL AND p_bond IS NULL AND p_code = 'campaign:' || p_campaign::text AND p_kind = 'fund' AND NOT p_allow_negative)
    OR (p_bond IS NOT NULL AND p_campaign IS NULL AND p_code = 'bond:' || p_bond::text AND p_kind = 'asset' AND NOT p_allow_negative);
END $function$;

CREATE OR REPLACE FUNCTION public.ledger_add_kind_totals()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO ledger_kind_totals AS t (account_code, kind, total, postings)
  SELECT n.account_code, e.kind, sum(n.amount), count(*)
    FROM new_postings n JOIN journal_entries e ON e.id = n.entry_id
   GROUP BY n.account_code, e.kind
   ORDER BY n.account_code, e.kind
  ON CONFLICT (account_code, kind)
  DO UPDATE SET total = t.total + EXCLUDED.total, postings = t.postings + EXCLUDED.postings;
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.ledger_apply_posting()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
END $function$;

CREATE OR REPLACE FUNCTION public.ledger_check_entry_balanced()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
END $function$;

CREATE OR REPLACE FUNCTION public.ledger_entry_kind_known(p_kind text)
 RETURNS boolean
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$
BEGIN
  RETURN p_kind IN ('donation', 'processing_fee', 'refund', 'dispute', 'dispute_reversal', 'payout', 'bond_payment',
    'bond_refund', 'interest', 'forfeiture', 'reallocation', 'adjustment', 'allowance_adjustment', 'write_off',
    'offline_gift', 'deposit');
END $function$;

CREATE OR REPLACE FUNCTION public.ledger_guard_account_update()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
END $function$;

CREATE OR REPLACE FUNCTION public.ledger_guard_derived()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  -- Depth 1 is a direct statement; the maintaining trigger's statement runs at depth 2.
  IF pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION '% is kept by the database; % is not allowed', TG_TABLE_NAME, TG_OP
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $function$;

CREATE OR REPLACE FUNCTION public.ledger_open_bond_account()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO ledger_accounts (code, kind, normal_sign, allow_negative, bond_id)
  VALUES ('bond:' || NEW.id::text, 'asset', 1, false, NEW.id) ON CONFLICT (code) DO NOTHING;
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.ledger_open_campaign_account()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO ledger_accounts (code, kind, normal_sign, allow_negative, campaign_id)
  VALUES ('campaign:' || NEW.id::text, 'fund', -1, false, NEW.id) ON CONFLICT (code) DO NOTHING;
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.ledger_post_entry(p_key text, p_kind text, p_memo text, p_hash text, p_reverses bigint, p_campaign uuid, p_refs jsonb, p_effective_at timestamp with time zone, p_postings jsonb, p_check_now boolean)
 RETURNS TABLE(entry_id bigint, replayed boolean)
 LANGUAGE plpgsql
AS $function$
#variable_conflict use_column
DECLARE
  v_id bigint;
  v_hash text;
  v_accts text[];
  v_amounts bigint[];
  v_distinct integer;
  v_locked integer := 0;
  v_missing text;
  r record;
BEGIN
  INSERT INTO journal_entries (idempotency_key, kind, memo, content_hash, reverses_entry_id, campaign_id, refs, effective_at)
  VALUES (p_key, p_kind, p_memo, p_hash, p_reverses, p_campaign, p_refs, coalesce(p_effective_at, now()))
  ON CONFLICT (idempotency_key) DO NOTHING
  RETURNING id INTO v_id;

  IF v_id IS NULL THEN
    -- Posted before, or by a concurrent transaction that has now committed.
    SELECT j.id, j.content_hash INTO v_id, v_hash FROM journal_entries j WHERE j.idempotency_key = p_key;
    IF v_id IS NULL THEN
      RAISE EXCEPTION 'entry % could not be written; try again', p_key USING ERRCODE = '40001';
    END IF;
    IF v_hash <> p_hash THEN
      RAISE EXCEPTION 'idempotency key % was already used for a different entry', p_key
        USING ERRCODE = 'OBL01', DETAIL = v_id::text;
    END IF;
    RETURN QUERY SELECT v_id, true;
    RETURN;
  END IF;

  -- The postings as arrays, once.
  SELECT array_agg(p->>'a' ORDER BY ord), array_agg((p->>'n')::bigint ORDER BY ord), count(DISTINCT p->>'a')
    INTO v_accts, v_amounts, v_distinct
    FROM jsonb_array_elements(p_postings) WITH ORDINALITY AS x(p, ord);

  -- Lock every touched account in code order (LockRows sits above the sort; the
  -- primary key finds them), each with the entry's net effect on it, and check
  -- each protected account against that net.
  FOR r IN
    SELECT a.code, a.balance, a.normal_sign, a.allow_negative, u.net
      FROM ledger_accounts a
      JOIN (SELECT c, sum(n) AS net FROM unnest(v_accts, v_amounts) AS t(c, n) GROUP BY c) u ON u.c = a.code
     ORDER BY a.code
       FOR UPDATE OF a
  LOOP
    v_locked := v_locked + 1;
    IF NOT r.allow_negative AND r.balance + r.normal_sign * r.net < 0 THEN
      RAISE EXCEPTION 'not enough money in % for entry %', r.code, p_key
        USING ERRCODE = 'OBL03',
              DETAIL = json_build_object('account', r.code, 'balance', r.balance, 'needed', -(r.normal_sign * r.net))::text;
    END IF;
  END LOOP;

  IF v_locked < v_distinct THEN
    SELECT string_agg(DISTINCT c, ',' ORDER BY c) INTO v_missing
      FROM unnest(v_accts) AS c
     WHERE NOT EXISTS (SELECT 1 FROM ledger_accounts a WHERE a.code = c);
    RAISE EXCEPTION 'unknown ledger account(s) % in entry %', v_missing, p_key
      USING ERRCODE = 'OBL02', DETAIL = v_missing;
  END IF;

  -- In the order given (the caller applies raises before lowers, so the per-row
  -- CHECK sees the same result as the entry's net).
  INSERT INTO ledger_postings (entry_id, account_code, amount)
  SELECT v_id, u.c, u.n
    FROM unnest(v_accts, v_amounts) WITH ORDINALITY AS u(c, n, ord)
   ORDER BY u.ord;

  IF p_check_now THEN
    -- Inside a caller's transaction: run the deferred balance check now, so a
    -- failure belongs to this entry and not to the caller's commit.
    SET CONSTRAINTS journal_entries_balanced IMMEDIATE;
    SET CONSTRAINTS journal_entries_balanced DEFERRED;
  END IF;

  RETURN QUERY SELECT v_id, false;
END $function$;

CREATE OR REPLACE FUNCTION public.ledger_refuse_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION 'ledger is append-only: % on % is not allowed; post a reversing entry instead', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END $function$;

-- Triggers
CREATE TRIGGER audit_log_append_only BEFORE DELETE OR UPDATE ON public.audit_log FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER bonds_open_ledger_account AFTER INSERT ON public.bonds FOR EACH ROW EXECUTE FUNCTION ledger_open_bond_account();
CREATE TRIGGER campaign_donor_counts_guard BEFORE INSERT OR DELETE OR UPDATE ON public.campaign_donor_counts FOR EACH ROW EXECUTE FUNCTION ledger_guard_derived();
CREATE TRIGGER campaigns_open_ledger_account AFTER INSERT ON public.campaigns FOR EACH ROW EXECUTE FUNCTION ledger_open_campaign_account();
CREATE TRIGGER journal_entries_append_only BEFORE DELETE OR UPDATE ON public.journal_entries FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE CONSTRAINT TRIGGER journal_entries_balanced AFTER INSERT ON public.journal_entries DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_entry_balanced();
CREATE TRIGGER journal_entries_no_truncate BEFORE TRUNCATE ON public.journal_entries FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_accounts_guard BEFORE UPDATE ON public.ledger_accounts FOR EACH ROW EXECUTE FUNCTION ledger_guard_account_update();
CREATE TRIGGER ledger_accounts_no_delete BEFORE DELETE ON public.ledger_accounts FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_accounts_no_truncate BEFORE TRUNCATE ON public.ledger_accounts FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_kind_totals_guard BEFORE INSERT OR DELETE OR UPDATE ON public.ledger_kind_totals FOR EACH ROW EXECUTE FUNCTION ledger_guard_derived();
CREATE TRIGGER ledger_kind_totals_no_truncate BEFORE TRUNCATE ON public.ledger_kind_totals FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_postings_append_only BEFORE DELETE OR UPDATE ON public.ledger_postings FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_postings_apply BEFORE INSERT ON public.ledger_postings FOR EACH ROW EXECUTE FUNCTION ledger_apply_posting();
CREATE TRIGGER ledger_postings_kind_totals AFTER INSERT ON public.ledger_postings REFERENCING NEW TABLE AS new_postings FOR EACH STATEMENT EXECUTE FUNCTION ledger_add_kind_totals();
CREATE TRIGGER ledger_postings_no_truncate BEFORE TRUNCATE ON public.ledger_postings FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER stripe_match_posting AFTER INSERT ON public.ledger_postings FOR EACH ROW WHEN ((new.account_code = 'stripe'::text)) EXECUTE FUNCTION stripe_match_add_posting();
