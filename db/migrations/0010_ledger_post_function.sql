-- One journal entry in one statement: the whole of postEntry's database work
-- (idempotent insert, account locks in code order, sufficiency check, postings)
-- runs server-side, so a top-level post is a single round trip and account
-- locks are held only while the server works, never across a network wait.
-- The invariants stay where they were (migration 0001): the posting trigger
-- keeps cached balances, the CHECK refuses negative protected accounts, the
-- deferred trigger refuses unbalanced entries, UPDATE and DELETE are refused.
--
-- Errors carry their own SQLSTATE so the application can name the problem:
--   OBL01 the key was used for different content (DETAIL: the existing entry id)
--   OBL02 unknown account(s)                     (DETAIL: the codes, comma-separated)
--   OBL03 not enough money                       (DETAIL: JSON account, balance, needed)
CREATE FUNCTION ledger_post_entry(
  p_key text,
  p_kind text,
  p_memo text,
  p_hash text,
  p_reverses bigint,
  p_campaign uuid,
  p_refs jsonb,
  p_effective_at timestamptz,
  p_postings jsonb,
  p_check_now boolean
) RETURNS TABLE (entry_id bigint, replayed boolean)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_id bigint;
  v_hash text;
  v_accts text[];
  v_amounts bigint[];
  v_codes text[];
  v_net bigint;
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

  -- The postings as arrays, once; the codes they touch, once each.
  SELECT array_agg(p->>'a' ORDER BY ord), array_agg((p->>'n')::bigint ORDER BY ord)
    INTO v_accts, v_amounts
    FROM jsonb_array_elements(p_postings) WITH ORDINALITY AS x(p, ord);
  SELECT array_agg(DISTINCT c) INTO v_codes FROM unnest(v_accts) AS c;

  -- Lock every touched account in code order (LockRows sits above the sort; the
  -- primary key finds them), then check each protected account against the
  -- entry's net effect on it.
  FOR r IN
    SELECT a.code, a.balance, a.normal_sign, a.allow_negative
      FROM ledger_accounts a
     WHERE a.code = ANY (v_codes)
     ORDER BY a.code
       FOR UPDATE
  LOOP
    v_locked := v_locked + 1;
    SELECT sum(u.n) INTO v_net FROM unnest(v_accts, v_amounts) AS u(c, n) WHERE u.c = r.code;
    IF NOT r.allow_negative AND r.balance + r.normal_sign * v_net < 0 THEN
      RAISE EXCEPTION 'not enough money in % for entry %', r.code, p_key
        USING ERRCODE = 'OBL03',
              DETAIL = json_build_object('account', r.code, 'balance', r.balance, 'needed', -(r.normal_sign * v_net))::text;
    END IF;
  END LOOP;

  IF v_locked < cardinality(v_codes) THEN
    SELECT string_agg(c, ',' ORDER BY c) INTO v_missing
      FROM unnest(v_codes) AS c
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
END $$;
