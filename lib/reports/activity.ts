/**
 * What happened to the money, grouped by journal-entry kind: the effect on the
 * funds (whose purpose money serves) and on the bonds held by ICE. One query,
 * so the statement of activity, the transparency page and the tests share it.
 */
import type { Db } from "@/db/client";
import { totalsByKind, type ActivityFilter } from "@/lib/ledger/queries";

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
    gifts: funds("donation") + funds("offline_gift"),
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
