/** The reports' aggregate reads of the books (re-exported by queries.ts, the one entry point for ledger reads). */
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";

type Num = string | number;

export interface AccountTotals {
  stripe: number;
  bank: number;
  /** Offline gifts recorded, not yet matched to a bank deposit. */
  undeposited: number;
  atIce: number;
  general: number;
  campaigns: number;
  outstanding: number;
}

/** Cached balances summed by account group (assets: stripe, bank, at ICE; funds: general, campaigns, outstanding). */
export async function accountTotals(db: Db): Promise<AccountTotals> {
  const [r] = rowsOf<
    Record<"stripe" | "bank" | "undeposited" | "at_ice" | "general" | "campaigns" | "outstanding", Num>
  >(
    await db.execute(sql`
      SELECT coalesce(sum(balance) FILTER (WHERE code = 'stripe'), 0)::bigint AS stripe,
             coalesce(sum(balance) FILTER (WHERE code = 'bank'), 0)::bigint AS bank,
             coalesce(sum(balance) FILTER (WHERE code = 'undeposited_funds'), 0)::bigint AS undeposited,
             coalesce(sum(balance) FILTER (WHERE bond_id IS NOT NULL), 0)::bigint AS at_ice,
             coalesce(sum(balance) FILTER (WHERE code = 'general'), 0)::bigint AS general,
             coalesce(sum(balance) FILTER (WHERE campaign_id IS NOT NULL), 0)::bigint AS campaigns,
             coalesce(sum(balance) FILTER (WHERE code = 'bonds_outstanding'), 0)::bigint AS outstanding
        FROM ledger_accounts`),
  );
  return {
    stripe: Number(r!.stripe),
    bank: Number(r!.bank),
    undeposited: Number(r!.undeposited),
    atIce: Number(r!.at_ice),
    general: Number(r!.general),
    campaigns: Number(r!.campaigns),
    outstanding: Number(r!.outstanding),
  };
}

/** Campaign funds with a non-zero balance, largest first (public alias only). */
export async function nonZeroCampaignFunds(db: Db): Promise<{ campaignId: string; alias: string; cents: number }[]> {
  const rows = rowsOf<{ campaign_id: string; alias: string; cents: Num }>(
    await db.execute(sql`
      SELECT a.campaign_id, c.alias, a.balance::bigint AS cents FROM ledger_accounts a JOIN campaigns c ON c.id = a.campaign_id
       WHERE a.balance <> 0 ORDER BY a.balance DESC`),
  );
  return rows.map((x) => ({ campaignId: x.campaign_id, alias: x.alias, cents: Number(x.cents) }));
}

/** Per month (YYYY-MM, UTC): change of the general pool, the campaign funds and the money at ICE. */
export async function monthlyBalanceChanges(
  db: Db,
): Promise<{ month: string; general: Num; campaigns: Num; at_ice: Num }[]> {
  return rowsOf<{ month: string; general: Num; campaigns: Num; at_ice: Num }>(
    await db.execute(sql`
      SELECT to_char(e.effective_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month,
             coalesce(sum(-p.amount) FILTER (WHERE a.code = 'general'), 0)::bigint AS general,
             coalesce(sum(-p.amount) FILTER (WHERE a.campaign_id IS NOT NULL), 0)::bigint AS campaigns,
             coalesce(sum(p.amount) FILTER (WHERE a.bond_id IS NOT NULL), 0)::bigint AS at_ice
        FROM journal_entries e JOIN ledger_postings p ON p.entry_id = e.id JOIN ledger_accounts a ON a.code = p.account_code
       GROUP BY 1 ORDER BY 1`),
  );
}

export interface MonthRow {
  month: string; // YYYY-MM
  gifts: number;
  bondsPaid: number;
  recovered: number;
}

/** Gifts, bonds paid and money recovered per month (only months with any of them), fund-wide or for one campaign. */
export async function monthlyFlows(db: Db, campaignId?: string): Promise<MonthRow[]> {
  const where: SQL = campaignId ? sql`e.campaign_id = ${campaignId}` : sql`true`;
  const rows = rowsOf<{ month: string; gifts: Num; bonds_paid: Num; recovered: Num }>(
    await db.execute(sql`
      SELECT to_char(e.effective_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month,
             coalesce(sum(-p.amount) FILTER (WHERE e.kind IN ('donation', 'offline_gift') AND a.kind = 'fund'), 0)::bigint AS gifts,
             coalesce(sum(p.amount) FILTER (WHERE e.kind = 'bond_payment' AND a.bond_id IS NOT NULL), 0)::bigint AS bonds_paid,
             coalesce(sum(p.amount) FILTER (WHERE e.kind IN ('bond_refund', 'interest') AND a.code = 'bank'), 0)::bigint AS recovered
        FROM journal_entries e JOIN ledger_postings p ON p.entry_id = e.id JOIN ledger_accounts a ON a.code = p.account_code
       WHERE ${where} AND e.kind IN ('donation', 'offline_gift', 'bond_payment', 'bond_refund', 'interest')
       GROUP BY 1 ORDER BY 1`),
  );
  return rows.map((m) => ({
    month: m.month,
    gifts: Number(m.gifts),
    bondsPaid: Number(m.bonds_paid),
    recovered: Number(m.recovered),
  }));
}

export interface KindTotals {
  /** Net change of all funds (campaigns, general, bonds_outstanding), credit-positive. */
  funds: number;
  /** Net change of bond receivables (money at ICE). */
  bonds: number;
}

export interface ActivityFilter {
  from?: Date;
  to?: Date;
  campaignId?: string;
}

/** The effect of each entry kind on the funds and on the bonds held by DHS, over a period or for one campaign. */
export async function totalsByKind(db: Db, f: ActivityFilter = {}): Promise<Map<string, KindTotals>> {
  const conds: SQL[] = [sql`true`];
  if (f.from) conds.push(sql`e.effective_at >= ${f.from.toISOString()}`);
  if (f.to) conds.push(sql`e.effective_at < ${f.to.toISOString()}`);
  if (f.campaignId) conds.push(sql`e.campaign_id = ${f.campaignId}`);
  const rows = rowsOf<{ kind: string; funds: Num; bonds: Num }>(
    await db.execute(sql`
      SELECT e.kind,
             coalesce(sum(CASE WHEN a.kind = 'fund' THEN -p.amount END), 0)::bigint AS funds,
             coalesce(sum(CASE WHEN a.bond_id IS NOT NULL THEN p.amount END), 0)::bigint AS bonds
        FROM journal_entries e
        JOIN ledger_postings p ON p.entry_id = e.id
        JOIN ledger_accounts a ON a.code = p.account_code
       WHERE ${sql.join(conds, sql` AND `)}
       GROUP BY e.kind`),
  );
  return new Map(rows.map((r) => [r.kind, { funds: Number(r.funds), bonds: Number(r.bonds) }]));
}

export interface LedgerExportRow {
  id: number;
  at: string;
  kind: string;
  memo: string;
  account: string;
  amount: Num;
  alias: string | null;
  reverses: number | null;
}

/** Every posting with its entry and campaign alias, in entry order (the accountant's ledger export). */
export async function allPostingsForExport(db: Db): Promise<LedgerExportRow[]> {
  return rowsOf<LedgerExportRow>(
    await db.execute(sql`
        SELECT e.id, e.effective_at AS at, e.kind, e.memo, p.account_code AS account, p.amount, c.alias, e.reverses_entry_id AS reverses
          FROM journal_entries e JOIN ledger_postings p ON p.entry_id = e.id LEFT JOIN campaigns c ON c.id = e.campaign_id
         ORDER BY e.id, p.id`),
  );
}
