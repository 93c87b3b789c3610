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
  v_wanted integer;
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

  SELECT count(DISTINCT p->>'a') INTO v_wanted FROM jsonb_array_elements(p_postings) p;

  -- Lock every touched account in code order (LockRows sits above the sort),
  -- then check each protected account against the entry's net effect on it.
  FOR r IN
    SELECT a.code, a.balance, a.normal_sign, a.allow_negative, n.net
      FROM ledger_accounts a
      JOIN (SELECT p->>'a' AS code, sum((p->>'n')::bigint) AS net
              FROM jsonb_array_elements(p_postings) p GROUP BY 1) n ON n.code = a.code
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

  IF v_locked < v_wanted THEN
    SELECT string_agg(DISTINCT p->>'a', ',') INTO v_missing
      FROM jsonb_array_elements(p_postings) p
     WHERE NOT EXISTS (SELECT 1 FROM ledger_accounts a WHERE a.code = p->>'a');
    RAISE EXCEPTION 'unknown ledger account(s) % in entry %', v_missing, p_key
      USING ERRCODE = 'OBL02', DETAIL = v_missing;
  END IF;

  -- In the order given (the caller applies raises before lowers, so the per-row
  -- CHECK sees the same result as the entry's net).
  INSERT INTO ledger_postings (entry_id, account_code, amount)
  SELECT v_id, p->>'a', (p->>'n')::bigint
    FROM jsonb_array_elements(p_postings) WITH ORDINALITY AS x(p, ord)
   ORDER BY ord;

  IF p_check_now THEN
    -- Inside a caller's transaction: run the deferred balance check now, so a
    -- failure belongs to this entry and not to the caller's commit.
    SET CONSTRAINTS journal_entries_balanced IMMEDIATE;
    SET CONSTRAINTS journal_entries_balanced DEFERRED;
  END IF;

  RETURN QUERY SELECT v_id, false;
END $$;
