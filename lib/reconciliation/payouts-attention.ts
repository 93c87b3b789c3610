/**
 * The Stripe payouts a treasurer must act on: those whose balance transactions
 * have not been imported yet (nothing says what was inside them), and those
 * holding a transaction that disagrees with the books (missing from them, or a
 * different amount). A payout still in transit is not an exception merely
 * because its own arrival is not booked: the webhook books it when it is paid.
 * Failed and canceled payouts moved no money to the bank.
 */
import { notInArray, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { stripePayouts } from "@/db/schema";
import { reconcileStripe, type StripeReconciliation } from "./stripe-match";

export interface PayoutAttention {
  payoutId: string;
  amountCents: number;
  status: string;
  reason: "not_imported" | "exceptions";
  /** Stripe objects in this payout whose transactions disagree with the books. */
  exceptions: number;
}

/** `reconciliation`: pass it when the caller has already matched Stripe to the books, to avoid doing it twice. */
export async function payoutsNeedingAttention(
  db: Db,
  reconciliation?: StripeReconciliation,
): Promise<PayoutAttention[]> {
  const payouts = await db
    .select({ id: stripePayouts.id, amountCents: stripePayouts.amountCents, status: stripePayouts.status })
    .from(stripePayouts)
    .where(notInArray(stripePayouts.status, ["failed", "canceled"]))
    .orderBy(stripePayouts.arrivalDate, stripePayouts.id);
  if (!payouts.length) return [];
  const contents = rowsOf<{ payout_id: string; source_id: string | null }>(
    await db.execute(
      sql`SELECT DISTINCT payout_id, source_id FROM stripe_balance_transactions WHERE payout_id IS NOT NULL`,
    ),
  );
  const bad = new Set((reconciliation ?? (await reconcileStripe(db))).exceptions.map((x) => x.sourceId));
  // Each payout's Stripe objects (a payout without any has not been imported).
  const inPayout = new Map<string, string[]>();
  for (const c of contents) {
    const list = inPayout.get(c.payout_id) ?? [];
    if (c.source_id) list.push(c.source_id);
    inPayout.set(c.payout_id, list);
  }
  const out: PayoutAttention[] = [];
  for (const p of payouts) {
    const sources = inPayout.get(p.id);
    const row = { payoutId: p.id, amountCents: p.amountCents, status: p.status };
    if (!sources) {
      out.push({ ...row, reason: "not_imported", exceptions: 0 });
      continue;
    }
    const disagreeing = sources.filter((s) => bad.has(s) && !(s === p.id && p.status !== "paid"));
    if (disagreeing.length) out.push({ ...row, reason: "exceptions", exceptions: disagreeing.length });
  }
  return out;
}
