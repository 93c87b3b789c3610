/** Money at ICE by age, with the interest expected to date, for the dashboard and the reports page. */
import type { Db } from "@/db/client";
import { interestRates } from "@/db/schema";
import { bondInterest } from "@/lib/bonds/interest";
import { now } from "@/lib/clock";
import { isoDay } from "@/lib/dates";
import { getBalance } from "@/lib/ledger";
import { agingTable, type AgingRow } from "./aging";
import { receivables } from "@/lib/ledger/queries";
import { readPolicy } from "./allowance";

export interface AgingReport {
  rows: AgingRow[];
  totalCents: number;
  /** The allowance on the books, and what the policy would ask for today (the treasurer applies it). */
  allowanceCents: number;
  policySet: boolean;
}

export async function moneyAtIceByAge(db: Db, at: Date = now()): Promise<AgingReport> {
  const today = isoDay(at);
  const rates = (await db.select().from(interestRates)).map((r) => ({
    quarterStart: r.quarterStart,
    rateBps: r.rateBps,
  }));
  const open = await receivables(db);
  const withInterest = open.map((b) => {
    let interestCents: number | null = null;
    if (b.postedOn && b.postedOn <= today) {
      try {
        interestCents = bondInterest(b.principalCents, b.postedOn, today, rates).cents;
      } catch {
        interestCents = null; // a quarter's rate is missing: the table says so instead of guessing
      }
    } else if (!b.postedOn) interestCents = 0; // paid, no I-305 yet: interest has not started
    return { since: b.since, principalCents: b.principalCents, interestCents, claimed: b.claimed };
  });
  const policy = await readPolicy(db);
  return {
    rows: agingTable(withInterest, today),
    totalCents: open.reduce((s, b) => s + b.principalCents, 0),
    allowanceCents: await getBalance(db, "bond_allowance"),
    policySet: policy.set,
  };
}
