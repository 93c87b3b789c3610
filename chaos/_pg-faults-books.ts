/** chaos/pg-faults.ts's check of the books after the faults: every event once, every retried write once, balanced. */
import { sql } from "drizzle-orm";
import { rowsOf, type DbHandle } from "@/db/client";
import { trialBalance, verifyCachedBalances } from "@/lib/ledger";

/** Pushes each problem onto `failures`; returns the figures the summary prints. */
export async function checkBooks(own: DbHandle, sentCount: number, ledgerWrites: number, failures: string[]) {
  const events = rowsOf<{ outcome: string; n: number }>(
    await own.db.execute(
      sql`SELECT outcome, count(*)::int AS n FROM stripe_events WHERE id LIKE 'evt_chaos_%' GROUP BY outcome`,
    ),
  );
  const recorded = events.reduce((s, r) => s + Number(r.n), 0);
  if (recorded !== sentCount)
    failures.push(`stripe_events holds ${recorded} chaos events; ${sentCount} distinct were sent`);
  const halfDone = events.filter((r) => r.outcome !== "ignored");
  if (halfDone.length) failures.push(`events with an unexpected outcome: ${JSON.stringify(halfDone)}`);
  const tb = await trialBalance(own.db);
  if (tb.postingsSum !== 0 || tb.assets !== tb.funds || tb.unbalancedEntries.length)
    failures.push(`trial balance off: ${JSON.stringify(tb)}`);
  const mismatches = await verifyCachedBalances(own.db);
  if (mismatches.length) failures.push(`cached balances differ from postings: ${JSON.stringify(mismatches)}`);
  const chaosEntries = await count(
    own,
    sql`SELECT count(*)::int AS n FROM journal_entries WHERE idempotency_key LIKE ${`chaos:${process.pid}:%`}`,
  );
  if (chaosEntries !== ledgerWrites)
    failures.push(`${chaosEntries} chaos ledger entries for ${ledgerWrites} confirmed writes`);
  const badPostings = await count(
    own,
    sql`SELECT count(*)::int AS n FROM journal_entries e WHERE e.idempotency_key LIKE 'chaos:%' AND (SELECT count(*) FROM ledger_postings p WHERE p.entry_id = e.id) <> 2`,
  );
  if (badPostings) failures.push(`${badPostings} chaos entries without exactly two postings`);
  const entriesAfter = await count(own, sql`SELECT count(*)::int AS n FROM journal_entries`);
  return { recorded, tb, mismatches, entriesAfter };
}

export async function count(h: DbHandle, query: ReturnType<typeof sql>): Promise<number> {
  return Number(rowsOf<{ n: number }>(await h.db.execute(query))[0]?.n ?? 0);
}
