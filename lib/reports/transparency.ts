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

/**
 * Every month from the first with any money through the last (or `until`, YYYY-MM, if later), empty ones as zeros, so
 * the chart's bars sit on a time scale (a quiet month shows as a gap, not as nothing).
 */
export function fillMonths(all: readonly MonthRow[], until = ""): MonthRow[] {
  let rows = all;
  const active = (r: MonthRow) => r.gifts !== 0 || r.bondsPaid !== 0 || r.recovered !== 0;
  const first = rows.findIndex(active);
  if (first < 0) return [];
  rows = rows.slice(first);
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const last = rows[rows.length - 1]!.month > until ? rows[rows.length - 1]!.month : until;
  let [y, m] = rows[0]!.month.split("-").map(Number) as [number, number];
  const out: MonthRow[] = [];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    out.push(byMonth.get(month) ?? { month, gifts: 0, bondsPaid: 0, recovered: 0 });
    if (month >= last || out.length > 1200) return out;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
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
    months: fillMonths(await monthlyFlows(db, campaignId)),
  };
}
