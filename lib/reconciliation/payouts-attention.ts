/**
 * The Stripe payouts a treasurer must act on: those whose balance transactions
 * have not been imported yet (nothing says what was inside them), and those
 * holding a transaction that disagrees with the books (missing from them, or a
 * different amount). A payout still in transit is not an exception merely
 * because its own arrival is not booked: the webhook books it when it is paid.
 * Failed and canceled payouts moved no money to the bank.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { stripePayouts } from "@/db/schema";
import { disagreeingByPayout } from "./stripe-match";

export interface PayoutAttention {
  payoutId: string;
  amountCents: number;
  status: string;
  reason: "not_imported" | "exceptions";
  /** Stripe objects in this payout whose transactions disagree with the books. */
  exceptions: number;
}

export async function payoutsNeedingAttention(db: Db): Promise<PayoutAttention[]> {
  // Index probes only (payout, source): as many as there are payouts and disagreeing objects,
  // whatever the number of transactions imported.
  const payouts = rowsOf<{ id: string; amount: Num; status: string; imported: boolean }>(
    await db.execute(sql`
      SELECT p.id, p.amount_cents AS amount, p.status,
             EXISTS (SELECT 1 FROM stripe_balance_transactions t WHERE t.payout_id = p.id) AS imported
        FROM ${stripePayouts} p WHERE p.status NOT IN ('failed', 'canceled')
       ORDER BY p.arrival_date, p.id`),
  );
  if (!payouts.length) return [];
  const contents = await disagreeingByPayout(db);
  // Each payout's disagreeing Stripe objects.
  const inPayout = new Map<string, string[]>();
  for (const c of contents) inPayout.set(c.payout_id, [...(inPayout.get(c.payout_id) ?? []), c.source_id]);
  const out: PayoutAttention[] = [];
  for (const p of payouts) {
    const row = { payoutId: p.id, amountCents: Number(p.amount), status: p.status };
    if (!p.imported) {
      out.push({ ...row, reason: "not_imported", exceptions: 0 });
      continue;
    }
    const disagreeing = (inPayout.get(p.id) ?? []).filter((s) => !(s === p.id && p.status !== "paid"));
    if (disagreeing.length) out.push({ ...row, reason: "exceptions", exceptions: disagreeing.length });
  }
  return out;
}

type Num = string | number;
