/**
 * Match imported Stripe balance transactions to the ledger by the Stripe object
 * they concern (charge, refund, dispute, payout): what moved in Stripe must be
 * what our `stripe` account says moved, to the cent. Linear in the number of
 * rows: two scans and a hash join in memory.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { stripeMovementsByEntry } from "@/lib/ledger/queries";

interface StripeException {
  sourceId: string;
  stripeNetCents: number;
  ledgerCents: number;
  kind: "missing_in_books" | "amount_differs";
}

/** In the books and at Stripe, in no imported payout yet: normal until Stripe pays it out. */
export interface StripePending {
  sourceId: string;
  ledgerCents: number;
  kind: "awaiting_payout";
}

export interface StripeReconciliation {
  matched: number;
  pending: StripePending[];
  exceptions: StripeException[];
}

export async function reconcileStripe(db: Db): Promise<StripeReconciliation> {
  const stripeSide = new Map<string, number>();
  for (const r of rowsOf<{ source_id: string; net: string | number }>(
    await db.execute(
      sql`SELECT source_id, sum(net_cents)::bigint AS net FROM stripe_balance_transactions WHERE source_id IS NOT NULL GROUP BY source_id`,
    ),
  )) {
    stripeSide.set(r.source_id, Number(r.net));
  }
  const books = new Map<string, number>();
  for (const { refs, amount } of await stripeMovementsByEntry(db)) {
    // The most specific reference wins: a refund entry also names its charge's payment intent.
    const key = ["refund", "dispute", "payout", "charge"].map((k) => refs[k]).find(Boolean);
    if (key) books.set(key, (books.get(key) ?? 0) + amount);
  }
  const exceptions: StripeException[] = [];
  const pending: StripePending[] = [];
  let matched = 0;
  for (const [sourceId, net] of stripeSide) {
    const ledger = books.get(sourceId);
    if (ledger === undefined)
      exceptions.push({ sourceId, stripeNetCents: net, ledgerCents: 0, kind: "missing_in_books" });
    else if (ledger !== net)
      exceptions.push({ sourceId, stripeNetCents: net, ledgerCents: ledger, kind: "amount_differs" });
    else matched++;
  }
  for (const [sourceId, amount] of books) {
    if (!stripeSide.has(sourceId) && amount !== 0)
      pending.push({ sourceId, ledgerCents: amount, kind: "awaiting_payout" });
  }
  return { matched, pending, exceptions };
}
