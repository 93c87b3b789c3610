/**
 * Server-side cost of one transfer, with no client in the loop: a DO block
 * calls ledger_post_entry N times on one connection and reports µs per call,
 * next to the pg-ceiling's transfer done the same way. Run with
 * `npx tsx bench/profile-server.ts [server-url]`. Read it as a profile, not a score.
 */
import postgres from "postgres";
import { openDb } from "@/db/client";
import { createBenchDatabase, DEFAULT_BENCH_URL } from "./bench-db";
import { createFundedCampaigns } from "./ledger-setup";

const N = Number(process.env.PROFILE_N || 5_000);

async function main(): Promise<void> {
  const bench = await createBenchDatabase(process.argv[2] || process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_URL);
  const setup = await openDb({ url: bench.url, poolMax: 2 });
  let notice = "";
  const sql = postgres(bench.url, {
    max: 1,
    onnotice: (n) => (notice = String(n.message)),
    connection: { synchronous_commit: "off" },
  });
  try {
    await createFundedCampaigns(setup.db, "p", 1_000, 1_000_000);
    // A DO block may COMMIT (PostgreSQL 11+): each transfer is its own
    // transaction, as in the real thing, with synchronous_commit off so the
    // disk's flush time does not drown the server's own work.
    const time = async (label: string, body: string) => {
      await sql.unsafe(`
        DO $f$
        DECLARE t0 timestamptz := clock_timestamp(); w0 pg_lsn := pg_current_wal_insert_lsn(); accts text[]; a text; b text; i int;
        BEGIN
          SELECT array_agg(code ORDER BY code) INTO accts FROM ledger_accounts WHERE code LIKE 'campaign:%';
          FOR i IN 1..${N} LOOP
            a := accts[1 + floor(random() * array_length(accts, 1))::int];
            b := accts[1 + floor(random() * array_length(accts, 1))::int];
            CONTINUE WHEN a = b;
            ${body}
            COMMIT;
          END LOOP;
          RAISE NOTICE '% %', extract(epoch FROM clock_timestamp() - t0) * 1e6 / ${N}, pg_wal_lsn_diff(pg_current_wal_insert_lsn(), w0) / ${N};
        END $f$`);
      const [us, wal] = notice.split(" ").map(Number);
      console.log(`${label}: ${us!.toFixed(0)} µs and ${wal!.toFixed(0)} bytes of WAL per transfer`);
    };
    await time(
      "ledger_post_entry",
      `PERFORM ledger_post_entry('prof:' || i || ':' || random(), 'reallocation', '', md5(i::text), NULL, NULL, '{}'::jsonb, NULL,
         jsonb_build_array(jsonb_build_object('a', b, 'n', 1), jsonb_build_object('a', a, 'n', -1)), false);`,
    );
    if (process.env.PROFILE_VARIANTS) {
      // What each guard costs: drop it in this throwaway database and time again.
      const call = `PERFORM ledger_post_entry('prof:' || i || ':' || random(), 'reallocation', '', md5(i::text), NULL, NULL, '{}'::jsonb, NULL,
         jsonb_build_array(jsonb_build_object('a', b, 'n', 1), jsonb_build_object('a', a, 'n', -1)), false);`;
      for (const [label, ddl] of [
        ["- account guard trigger", "DROP TRIGGER ledger_accounts_guard ON ledger_accounts"],
        [
          "- posting FKs",
          "ALTER TABLE ledger_postings DROP CONSTRAINT ledger_postings_entry_id_journal_entries_id_fk, DROP CONSTRAINT ledger_postings_account_code_ledger_accounts_code_fk",
        ],
        [
          "- entry indexes (kind/effective, campaign)",
          "DROP INDEX journal_entries_kind_effective_idx; DROP INDEX journal_entries_campaign_idx",
        ],
        ["- account_version unique", "ALTER TABLE ledger_postings DROP CONSTRAINT ledger_postings_account_version"],
        ["- balanced trigger", "DROP TRIGGER journal_entries_balanced ON journal_entries"],
      ] as const) {
        await sql.unsafe(ddl);
        await time(label, call);
      }
    }
    await sql.unsafe(`CREATE TABLE c_acct(id text PRIMARY KEY, balance bigint NOT NULL DEFAULT 0);
      INSERT INTO c_acct SELECT code FROM ledger_accounts;
      CREATE TABLE c_xfer(id bigserial PRIMARY KEY, debit text NOT NULL REFERENCES c_acct, credit text NOT NULL REFERENCES c_acct, amount bigint NOT NULL CHECK (amount > 0), idem text UNIQUE NOT NULL, created_at timestamptz DEFAULT now());
      CREATE TABLE c_entry(id bigserial PRIMARY KEY, xfer_id bigint NOT NULL REFERENCES c_xfer, acct text NOT NULL REFERENCES c_acct, delta bigint NOT NULL);
      CREATE INDEX ON c_entry(acct);`);
    await time(
      "pg-ceiling's statements",
      `DECLARE x bigint; BEGIN
         UPDATE c_acct SET balance = balance + CASE WHEN id = a THEN -1 ELSE 1 END WHERE id = least(a, b);
         UPDATE c_acct SET balance = balance + CASE WHEN id = a THEN -1 ELSE 1 END WHERE id = greatest(a, b);
         INSERT INTO c_xfer(debit, credit, amount, idem) VALUES (a, b, 1, md5(random()::text)) RETURNING id INTO x;
         INSERT INTO c_entry(xfer_id, acct, delta) VALUES (x, a, -1), (x, b, 1);
       END;`,
    );
  } finally {
    await sql.end({ timeout: 5 });
    await setup.close();
    await bench.drop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
