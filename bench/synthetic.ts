/**
 * Synthetic donations in bulk, set-based: one INSERT ... SELECT generate_series
 * for the entries, one for their postings, one for the donation rows.
 *
 * Through the posting trigger the ledger takes ~5,000 postings/s here (every
 * posting updates the hot `stripe` row, and one row updated thousands of times
 * in a transaction gets slower with each update), so 1,000,000 postings would
 * take minutes. Instead the load runs in one transaction with the ledger's
 * triggers disabled, computes exactly what the triggers would have written
 * (balance_after and account_version per account, with window functions) and
 * moves the cached balances once per account. ALTER TABLE is transactional: a
 * failure anywhere rolls the triggers back on. CHECK constraints (non-negative
 * funds, non-zero amounts) and unique indexes stay on throughout, and `verifyBooks`
 * recomputes every balance from the postings afterwards with the ledger's own
 * checks.
 */
import postgres from "postgres";
import type { Db } from "@/db/client";
import { trialBalance, verifyCachedBalances, verifyDonorCounts, verifyKindTotals } from "@/lib/ledger";

/** Gift of donation number g, in cents: 5.00–504.99, deterministic so other tables can be derived from g. */
export const giftCentsSql = (g: string) => `(500 + ((${g}) * 7919) % 50000)`;

const TABLES = [
  "journal_entries",
  "ledger_postings",
  "ledger_accounts",
  "donations",
  "ledger_kind_totals",
  "campaign_donor_counts",
];

export interface BulkDonations {
  /** Campaigns the gifts go to, round-robin (gift g to campaignIds[g % length]). */
  campaignIds: string[];
  /** Numbers g of the gifts to create: [from, to). Each gift is one 2-posting `donation` entry. */
  from: number;
  to: number;
  /** Keys, charge ids (`${prefix}_ch_${g}`) and donation ids derive from it. */
  prefix: string;
  /** Also write a succeeded `donations` row per gift (the donor wall and donor count read them). */
  donationRows: boolean;
}

/** Returns the number of postings written. */
export async function bulkDonations(url: string, o: BulkDonations): Promise<number> {
  if (!o.campaignIds.length || o.to <= o.from) return 0;
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: "openbond-bench-gen" } });
  const gift = giftCentsSql("g");
  const k = o.campaignIds.length;
  try {
    return await sql.begin(async (raw) => {
      // BENCH_VERBOSE=1 times each statement.
      const tx = {
        unsafe: async (q: string, params?: unknown[]) => {
          const t0 = Date.now();
          const r = await raw.unsafe(q, params as never);
          if (process.env.BENCH_VERBOSE)
            console.log(`    ${Date.now() - t0} ms  ${q.trim().split("\n")[0]!.slice(0, 70)}`);
          return r;
        },
      };
      // ALL: the foreign-key triggers too (row by row they were half the time). Every reference
      // written below holds by construction: entry ids come from RETURNING, accounts from a join
      // with ledger_accounts, and the campaigns are checked here.
      for (const t of TABLES) await tx.unsafe(`ALTER TABLE ${t} DISABLE TRIGGER ALL`);
      await tx.unsafe(
        `CREATE TEMP TABLE gen_campaign ON COMMIT DROP AS SELECT id, ord - 1 AS n FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, ord)`,
        [o.campaignIds],
      );
      const [unknown] = (await tx.unsafe(
        `SELECT count(*)::int AS n FROM gen_campaign g LEFT JOIN campaigns c ON c.id = g.id WHERE c.id IS NULL`,
      )) as unknown as { n: number }[];
      if (unknown?.n) throw new Error("bulkDonations: unknown campaign id");
      await tx.unsafe(
        `CREATE TEMP TABLE gen_gift ON COMMIT DROP AS
           SELECT g, c.id AS campaign_id, ${gift}::bigint AS cents
             FROM generate_series($1::bigint, $2::bigint - 1) g JOIN gen_campaign c ON c.n = g % ${k}`,
        [o.from, o.to],
      );
      await tx.unsafe(
        `CREATE TEMP TABLE gen_entry ON COMMIT DROP AS
         WITH e AS (
           INSERT INTO journal_entries (idempotency_key, kind, memo, content_hash, campaign_id, refs, effective_at)
           SELECT $1 || ':' || g, 'donation', 'synthetic', 'synthetic:' || g, campaign_id,
                  jsonb_build_object('charge', $1 || '_ch_' || g), now() - ($2 - g) * interval '1 second'
             FROM gen_gift ORDER BY g
           RETURNING id, idempotency_key)
         SELECT e.id, gg.campaign_id, gg.cents FROM e JOIN gen_gift gg ON e.idempotency_key = $1 || ':' || gg.g`,
        [o.prefix, o.to],
      );
      // Debit stripe, credit the campaign; the running balance and version continue from the account's current ones.
      const inserted = await tx.unsafe(
        `INSERT INTO ledger_postings (entry_id, account_code, amount, balance_after, account_version)
         SELECT x.entry_id, x.code, x.amount,
                a.balance + a.normal_sign * sum(x.amount) OVER w,
                a.version + row_number() OVER w
           FROM (SELECT id AS entry_id, 'stripe' AS code, cents AS amount, 0 AS o FROM gen_entry
                 UNION ALL
                 SELECT id, 'campaign:' || campaign_id::text, -cents, 1 FROM gen_entry) x
           JOIN ledger_accounts a ON a.code = x.code
         WINDOW w AS (PARTITION BY x.code ORDER BY x.entry_id, x.o ROWS UNBOUNDED PRECEDING)
         ORDER BY x.entry_id, x.o`,
      );
      await tx.unsafe(
        `UPDATE ledger_accounts a SET balance = a.balance + a.normal_sign * s.total, version = a.version + s.n
           FROM (SELECT p.account_code, sum(p.amount) AS total, count(*) AS n
                   FROM ledger_postings p JOIN gen_entry e ON e.id = p.entry_id GROUP BY p.account_code) s
          WHERE a.code = s.account_code`,
      );
      // The running totals the statement-level posting trigger and the donor-count trigger keep.
      await tx.unsafe(
        `INSERT INTO ledger_kind_totals AS t (account_code, kind, total, postings)
         SELECT p.account_code, 'donation', sum(p.amount), count(*)
           FROM ledger_postings p JOIN gen_entry e ON e.id = p.entry_id GROUP BY p.account_code
         ON CONFLICT (account_code, kind) DO UPDATE SET total = t.total + EXCLUDED.total, postings = t.postings + EXCLUDED.postings`,
      );
      // The stored Stripe match (migration 0022) its posting trigger keeps.
      await tx.unsafe(
        `INSERT INTO stripe_match AS m (source_id, ledger_net, ledger_rows)
         SELECT stripe_match_key(j.refs), sum(p.amount), count(*)
           FROM ledger_postings p JOIN gen_entry e ON e.id = p.entry_id JOIN journal_entries j ON j.id = e.id
          WHERE p.account_code = 'stripe' AND stripe_match_key(j.refs) IS NOT NULL GROUP BY 1
         ON CONFLICT (source_id) DO UPDATE SET ledger_net = m.ledger_net + EXCLUDED.ledger_net, ledger_rows = m.ledger_rows + EXCLUDED.ledger_rows`,
      );
      if (o.donationRows) {
        await tx.unsafe(
          `INSERT INTO campaign_donor_counts AS d (campaign_id, donors)
           SELECT campaign_id, count(*) FROM gen_gift GROUP BY campaign_id
           ON CONFLICT (campaign_id) DO UPDATE SET donors = d.donors + EXCLUDED.donors`,
        );
        await tx.unsafe(
          `INSERT INTO donations (campaign_id, amount_cents, display_name, status, charge_id, payment_intent_id, fee_cents, succeeded_at, created_at)
           SELECT campaign_id, cents, CASE WHEN g % 3 = 0 THEN NULL ELSE 'Donor ' || g END, 'succeeded',
                  $1 || '_ch_' || g, $1 || '_pi_' || g, 0, now() - ($2 - g) * interval '1 second', now() - ($2 - g) * interval '1 second'
             FROM gen_gift`,
          [o.prefix, o.to],
        );
      }
      for (const t of TABLES) await tx.unsafe(`ALTER TABLE ${t} ENABLE TRIGGER ALL`);
      return inserted.count;
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The ledger's own recompute checks: every entry balances, every cached balance equals its postings. */
export async function verifyBooks(db: Db): Promise<{ ok: boolean; detail: string }> {
  const tb = await trialBalance(db);
  const mismatches = await verifyCachedBalances(db);
  const totals = await verifyKindTotals(db);
  const donors = await verifyDonorCounts(db);
  const ok =
    tb.postingsSum === 0 &&
    tb.unbalancedEntries.length === 0 &&
    mismatches.length === 0 &&
    tb.assets === tb.funds &&
    totals.length === 0 &&
    donors.length === 0;
  return {
    ok,
    detail: `postings sum ${tb.postingsSum}, unbalanced entries ${tb.unbalancedEntries.length}, cache mismatches ${mismatches.length}, running-total mismatches ${totals.length}, donor-count mismatches ${donors.length}`,
  };
}

/** Live campaigns for synthetic gifts, created through the normal insert (its trigger opens the ledger account). */
export async function createCampaigns(
  url: string,
  prefix: string,
  count: number,
): Promise<{ id: string; slug: string }[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await sql.unsafe<{ id: string; slug: string }[]>(
      `INSERT INTO campaigns (slug, alias, region, summary, story, goal_cents, status, published_at)
       SELECT $1::text || '-' || g, 'Bench ' || g, 'Benchland', 'A synthetic campaign for the benchmark.',
              repeat('A paragraph of the story, long enough to look like a real one. ', 8) || E'\\n\\n' ||
              repeat('A second paragraph with more words about the case and the family. ', 6),
              500000000, 'live', now()
         FROM generate_series(0, $2::int - 1) g ORDER BY g
       RETURNING id, slug`,
      [prefix, count],
    );
  } finally {
    await sql.end({ timeout: 5 });
  }
}
