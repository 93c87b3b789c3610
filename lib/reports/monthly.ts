/**
 * Month-by-month series for the treasury charts: month-end balances of the
 * general pool, the campaign funds and the money at ICE (running sums of the
 * postings by effective date), money flows per month, and bond counts per
 * month. Staff-only; every month from the first entry to the last is present.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { monthlyBalanceChanges, monthlyFlows } from "@/lib/ledger/queries";

export interface TreasuryMonth {
  month: string; // YYYY-MM
  /** Month-end balances. */
  general: number;
  campaigns: number;
  atIce: number;
  /** Flows within the month. */
  gifts: number;
  bondsPaid: number;
  recovered: number;
  /** Bonds by the month of their I-305 posting, refund and forfeiture. */
  bondsPosted: number;
  bondsRefunded: number;
  bondsForfeited: number;
}

type Num = string | number;

function nextMonth(m: string): string {
  const [y, mo] = m.split("-").map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, "0")}`;
}

export async function monthlyTreasury(db: Db): Promise<TreasuryMonth[]> {
  const changes = await monthlyBalanceChanges(db);
  const flows = await monthlyFlows(db);
  const counts = rowsOf<{ month: string; what: "posted" | "refunded" | "forfeited"; n: Num }>(
    await db.execute(sql`
      SELECT to_char(posted_on, 'YYYY-MM') AS month, 'posted' AS what, count(*) AS n FROM bonds WHERE posted_on IS NOT NULL GROUP BY 1
      UNION ALL SELECT to_char(refunded_on, 'YYYY-MM'), 'refunded', count(*) FROM bonds WHERE status = 'refunded' GROUP BY 1
      UNION ALL SELECT to_char(forfeited_on, 'YYYY-MM'), 'forfeited', count(*) FROM bonds WHERE status = 'forfeited' GROUP BY 1`),
  );
  const months = [...changes.map((c) => c.month), ...counts.map((c) => c.month)].sort();
  if (!months.length) return [];
  const changeOf = new Map(changes.map((c) => [c.month, c]));
  const flowOf = new Map(flows.map((f) => [f.month, f]));
  const countOf = new Map(counts.map((c) => [`${c.month}:${c.what}`, Number(c.n)]));
  const out: TreasuryMonth[] = [];
  let general = 0,
    campaigns = 0,
    atIce = 0;
  for (let m = months[0]!; m <= months.at(-1)!; m = nextMonth(m)) {
    const c = changeOf.get(m);
    general += Number(c?.general ?? 0);
    campaigns += Number(c?.campaigns ?? 0);
    atIce += Number(c?.at_ice ?? 0);
    const f = flowOf.get(m);
    out.push({
      month: m,
      general,
      campaigns,
      atIce,
      gifts: f?.gifts ?? 0,
      bondsPaid: f?.bondsPaid ?? 0,
      recovered: f?.recovered ?? 0,
      bondsPosted: countOf.get(`${m}:posted`) ?? 0,
      bondsRefunded: countOf.get(`${m}:refunded`) ?? 0,
      bondsForfeited: countOf.get(`${m}:forfeited`) ?? 0,
    });
  }
  return out;
}
