/** Reading the books. A balance read is one primary-key lookup, whatever the number of postings. */
import { eq, inArray, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { ledgerAccounts } from "@/db/schema";
import type { Cents } from "@/lib/money";

/** Normal-side balance of one account (0 for an account that has never been used). */
export async function getBalance(db: Db, code: string): Promise<Cents> {
  const rows = await db
    .select({ balance: ledgerAccounts.balance })
    .from(ledgerAccounts)
    .where(eq(ledgerAccounts.code, code));
  return (rows[0]?.balance ?? 0) as Cents;
}

export async function getBalances(db: Db, codes: string[]): Promise<Map<string, Cents>> {
  const out = new Map<string, Cents>(codes.map((c) => [c, 0 as Cents]));
  if (!codes.length) return out;
  const rows = await db
    .select({ code: ledgerAccounts.code, balance: ledgerAccounts.balance })
    .from(ledgerAccounts)
    .where(inArray(ledgerAccounts.code, codes));
  for (const r of rows) out.set(r.code, r.balance as Cents);
  return out;
}

export interface BalanceMismatch {
  code: string;
  cached: number;
  fromPostings: number;
}

/** Recompute every balance from its postings and report any account whose cache disagrees (should be none). */
export async function verifyCachedBalances(db: Db): Promise<BalanceMismatch[]> {
  const rows = rowsOf<{ code: string; cached: string | number; computed: string | number }>(
    await db.execute(sql`
      SELECT a.code, a.balance AS cached, coalesce(a.normal_sign * sum(p.amount), 0)::bigint AS computed
        FROM ledger_accounts a LEFT JOIN ledger_postings p ON p.account_code = a.code
       GROUP BY a.code, a.balance, a.normal_sign`),
  );
  return rows
    .map((r) => ({ code: r.code, cached: Number(r.cached), fromPostings: Number(r.computed) }))
    .filter((r) => r.cached !== r.fromPostings);
}

/**
 * Per account, per journal-entry kind: the normal-side sum of its postings in
 * entries of that kind (what entries of that kind added to the balance; a
 * campaign's gifts are positive, its refunds negative). Read from the running
 * totals the database keeps in each posting's transaction: one index lookup per
 * account, whatever the number of postings. Kinds never posted are absent.
 */
export async function kindTotals(db: Db, codes: string[]): Promise<Map<string, Map<string, Cents>>> {
  const out = new Map<string, Map<string, Cents>>(codes.map((c) => [c, new Map()]));
  if (!codes.length) return out;
  const rows = rowsOf<{ code: string; kind: string; total: string | number }>(
    await db.execute(sql`
      SELECT t.account_code AS code, t.kind, (a.normal_sign * t.total)::bigint AS total
        FROM ledger_kind_totals t JOIN ledger_accounts a ON a.code = t.account_code
       WHERE t.account_code IN (${sql.join(
         codes.map((c) => sql`${c}`),
         sql`, `,
       )})`),
  );
  for (const r of rows) out.get(r.code)?.set(r.kind, Number(r.total) as Cents);
  return out;
}

/** The sum of `kinds` in one account's kindTotals entry (0 when none was posted). */
export function sumKinds(totals: Map<string, Cents> | undefined, kinds: readonly string[]): Cents {
  let n = 0;
  for (const k of kinds) n += totals?.get(k) ?? 0;
  return n as Cents;
}

export interface KindTotalMismatch {
  code: string;
  kind: string;
  kept: { total: number; postings: number } | null;
  fromPostings: { total: number; postings: number } | null;
}

/** Recompute the running totals (of `codes`, or all) from the postings and report any that disagrees (should be none). */
export async function verifyKindTotals(db: Db, codes?: string[]): Promise<KindTotalMismatch[]> {
  const only = (col: string) =>
    codes
      ? sql`${sql.raw(col)} IN (${sql.join(
          codes.map((c) => sql`${c}`),
          sql`, `,
        )})`
      : sql`true`;
  const rows = rowsOf<{
    code: string;
    kind: string;
    kept_total: string | number | null;
    kept_postings: string | number | null;
    total: string | number | null;
    postings: string | number | null;
  }>(
    await db.execute(sql`
      WITH recomputed AS (
        SELECT p.account_code AS code, e.kind, sum(p.amount)::bigint AS total, count(*)::bigint AS postings
          FROM ledger_postings p JOIN journal_entries e ON e.id = p.entry_id
         WHERE ${only("p.account_code")}
         GROUP BY p.account_code, e.kind),
      kept AS (SELECT * FROM ledger_kind_totals WHERE ${only("account_code")})
      SELECT coalesce(t.account_code, r.code) AS code, coalesce(t.kind, r.kind) AS kind,
             t.total AS kept_total, t.postings AS kept_postings, r.total, r.postings
        FROM kept t FULL JOIN recomputed r ON r.code = t.account_code AND r.kind = t.kind
       WHERE t.total IS DISTINCT FROM r.total OR t.postings IS DISTINCT FROM r.postings`),
  );
  const pair = (total: string | number | null, postings: string | number | null) =>
    total === null ? null : { total: Number(total), postings: Number(postings) };
  return rows.map((r) => ({
    code: r.code,
    kind: r.kind,
    kept: pair(r.kept_total, r.kept_postings),
    fromPostings: pair(r.total, r.postings),
  }));
}

export interface DonorCountMismatch {
  campaignId: string;
  kept: number;
  fromDonations: number;
}

/** Recompute every campaign's donor count from its gifts (card and offline) and report any that disagrees (should be none). */
export async function verifyDonorCounts(db: Db): Promise<DonorCountMismatch[]> {
  const rows = rowsOf<{ id: string; kept: string | number; actual: string | number }>(
    await db.execute(sql`
      WITH actual AS (
        SELECT campaign_id, count(*)::bigint AS n FROM (
          SELECT campaign_id FROM donations WHERE status IN ('succeeded', 'partially_refunded')
          UNION ALL SELECT campaign_id FROM offline_gifts WHERE campaign_id IS NOT NULL AND reversed_at IS NULL) g
         GROUP BY campaign_id)
      SELECT coalesce(k.campaign_id, a.campaign_id)::text AS id, coalesce(k.donors, 0) AS kept, coalesce(a.n, 0) AS actual
        FROM campaign_donor_counts k FULL JOIN actual a ON a.campaign_id = k.campaign_id
       WHERE coalesce(k.donors, 0) <> coalesce(a.n, 0)`),
  );
  return rows.map((r) => ({ campaignId: r.id, kept: Number(r.kept), fromDonations: Number(r.actual) }));
}

export interface TrialBalance {
  /** Sum of all signed postings: zero when every entry balances. */
  postingsSum: number;
  /** Net assets: asset balances less the contra-asset allowance for uncollectible bonds. Equals `funds`. */
  assets: number;
  /** Asset balances before the allowance (the bond receivable gross). */
  grossAssets: number;
  /** The contra-asset bond_allowance (credit-normal, so its balance is subtracted from the assets). */
  allowance: number;
  funds: number;
  /** Entries whose postings do not sum to zero (should be none). */
  unbalancedEntries: number[];
}

export async function trialBalance(db: Db): Promise<TrialBalance> {
  const [totals] = rowsOf<{
    postings_sum: string | number;
    assets: string | number;
    contra: string | number;
    funds: string | number;
  }>(
    await db.execute(sql`
      SELECT (SELECT coalesce(sum(amount), 0) FROM ledger_postings)::bigint AS postings_sum,
             (SELECT coalesce(sum(balance), 0) FROM ledger_accounts WHERE kind = 'asset')::bigint AS assets,
             (SELECT coalesce(sum(balance), 0) FROM ledger_accounts WHERE kind = 'contra_asset')::bigint AS contra,
             (SELECT coalesce(sum(balance), 0) FROM ledger_accounts WHERE kind = 'fund')::bigint AS funds`),
  );
  const unbalanced = rowsOf<{ entry_id: string | number }>(
    await db.execute(sql`SELECT entry_id FROM ledger_postings GROUP BY entry_id HAVING sum(amount) <> 0`),
  );
  return {
    postingsSum: Number(totals!.postings_sum),
    // Assets − contra-assets = funds (net assets): the accounting equation with the allowance.
    assets: Number(totals!.assets) - Number(totals!.contra),
    grossAssets: Number(totals!.assets),
    allowance: Number(totals!.contra),
    funds: Number(totals!.funds),
    unbalancedEntries: unbalanced.map((r) => Number(r.entry_id)),
  };
}
