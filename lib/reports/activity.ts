/**
 * What happened to the money, grouped by journal-entry kind: the effect on the
 * funds (whose purpose money serves) and on the bonds held by DHS. One query,
 * so the statement of activity, the transparency page and the tests share it.
 */
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";

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

export async function totalsByKind(db: Db, f: ActivityFilter = {}): Promise<Map<string, KindTotals>> {
  const conds: SQL[] = [sql`true`];
  if (f.from) conds.push(sql`e.effective_at >= ${f.from.toISOString()}`);
  if (f.to) conds.push(sql`e.effective_at < ${f.to.toISOString()}`);
  if (f.campaignId) conds.push(sql`e.campaign_id = ${f.campaignId}`);
  const rows = rowsOf<{ kind: string; funds: string | number; bonds: string | number }>(
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

export interface Activity {
  gifts: number;
  fees: number;
  refunds: number;
  disputes: number;
  bondsPaid: number;
  bondRefunds: number;
  interest: number;
  /** Forfeited bond principal not covered by the allowance: a loss in this period. */
  forfeitures: number;
  /** Forfeited bond principal written off against the allowance (its loss was the earlier provision). */
  writeOffs: number;
  /** Provision for uncollectible bonds: allowance raised (positive) or released (negative). */
  provision: number;
  /** Net change of all funds over the period. */
  netChange: number;
}

/** Statement of activity: costs are positive numbers, as a treasurer reads them. */
export async function statementOfActivity(db: Db, f: ActivityFilter = {}): Promise<Activity> {
  const t = await totalsByKind(db, f);
  const funds = (k: string) => t.get(k)?.funds ?? 0;
  const bonds = (k: string) => t.get(k)?.bonds ?? 0;
  // `- 0` is -0, which prints as "-$0.00" and fails Object.is against 0.
  const neg = (n: number) => (n === 0 ? 0 : -n);
  return {
    gifts: funds("donation"),
    fees: neg(funds("processing_fee")),
    refunds: neg(funds("refund")),
    disputes: neg(funds("dispute") + funds("dispute_reversal")),
    bondsPaid: bonds("bond_payment"),
    bondRefunds: neg(bonds("bond_refund")),
    interest: funds("interest"),
    forfeitures: neg(bonds("forfeiture")),
    writeOffs: neg(bonds("write_off")),
    provision: neg(funds("allowance_adjustment")),
    netChange: [...t.values()].reduce((s, v) => s + v.funds, 0),
  };
}
