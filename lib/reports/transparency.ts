/**
 * The public transparency figures, fund-wide or for one campaign. Bond events
 * are reported by month at most: an exact date could tell someone when a
 * person was released. Nothing here reads case files.
 */
import type { Db } from "@/db/client";
import { monthlyFlows, type MonthRow } from "@/lib/ledger/queries";
import { statementOfActivity } from "./activity";

export interface Transparency {
  raised: number;
  fees: number;
  refunded: number;
  disputed: number;
  /** Bonds paid to ICE (money leaving the fund for a bond; not a cost). */
  bondsPaid: number;
  atIce: number;
  recovered: number;
  interest: number;
  forfeited: number;
  months: MonthRow[];
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
