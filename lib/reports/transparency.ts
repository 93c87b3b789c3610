/**
 * The public transparency figures, fund-wide or for one campaign. Bond events
 * are reported by month at most: an exact date could tell someone when a
 * person was released. Nothing here reads case files.
 */
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { statementOfActivity } from "./activity";

export interface MonthRow {
  month: string; // YYYY-MM
  gifts: number;
  bondsPaid: number;
  recovered: number;
}

export interface Transparency {
  raised: number;
  fees: number;
  refunded: number;
  disputed: number;
  /** Bonds paid to DHS (money leaving for ICE; not a cost). */
  bondsPaid: number;
  atIce: number;
  recovered: number;
  interest: number;
  forfeited: number;
  months: MonthRow[];
}

/** Gifts, bonds paid and money recovered per month (only months with any of them), fund-wide or for one campaign. */
export async function monthlyFlows(db: Db, campaignId?: string): Promise<MonthRow[]> {
  const where: SQL = campaignId ? sql`e.campaign_id = ${campaignId}` : sql`true`;
  const rows = rowsOf<{
    month: string;
    gifts: string | number;
    bonds_paid: string | number;
    recovered: string | number;
  }>(
    await db.execute(sql`
      SELECT to_char(e.effective_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month,
             coalesce(sum(-p.amount) FILTER (WHERE e.kind = 'donation' AND a.kind = 'fund'), 0)::bigint AS gifts,
             coalesce(sum(p.amount) FILTER (WHERE e.kind = 'bond_payment' AND a.bond_id IS NOT NULL), 0)::bigint AS bonds_paid,
             coalesce(sum(p.amount) FILTER (WHERE e.kind IN ('bond_refund', 'interest') AND a.code = 'bank'), 0)::bigint AS recovered
        FROM journal_entries e JOIN ledger_postings p ON p.entry_id = e.id JOIN ledger_accounts a ON a.code = p.account_code
       WHERE ${where} AND e.kind IN ('donation', 'bond_payment', 'bond_refund', 'interest')
       GROUP BY 1 ORDER BY 1`),
  );
  return rows.map((m) => ({
    month: m.month,
    gifts: Number(m.gifts),
    bondsPaid: Number(m.bonds_paid),
    recovered: Number(m.recovered),
  }));
}

export async function transparency(db: Db, campaignId?: string): Promise<Transparency> {
  const a = await statementOfActivity(db, campaignId ? { campaignId } : {});
  return {
    raised: a.gifts,
    fees: a.fees,
    refunded: a.refunds,
    disputed: a.disputes,
    bondsPaid: a.bondsPaid,
    atIce: a.bondsPaid - a.bondRefunds - a.forfeitures - a.writeOffs,
    recovered: a.bondRefunds + a.interest,
    interest: a.interest,
    forfeited: a.forfeitures + a.writeOffs,
    months: await monthlyFlows(db, campaignId),
  };
}
