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
