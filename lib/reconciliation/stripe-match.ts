/**
 * Match imported Stripe balance transactions to the ledger by the Stripe object
 * they concern (charge, refund, dispute, payout): what moved in Stripe must be
 * what our `stripe` account says moved, to the cent. The match is stored, not
 * recomputed per view: `stripe_match` (migration 0022) keeps both sides per
 * Stripe object, updated by triggers as balance transactions are imported and
 * `stripe` postings written; this reads them in one pass (no join, no recompute) and
 * brings back only the rows that need attention and a count.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";

interface StripeException {
  sourceId: string;
  stripeNetCents: number;
  ledgerCents: number;
  kind: "missing_in_books" | "amount_differs";
}

/** In the books and at Stripe, in no imported payout yet: normal until Stripe pays it out. */
interface StripePending {
  sourceId: string;
  ledgerCents: number;
  kind: "awaiting_payout";
}

export interface StripeReconciliation {
  matched: number;
  pending: StripePending[];
  exceptions: StripeException[];
}

const ATTENTION = sql.raw(
  `(stripe_rows > 0 AND (ledger_rows = 0 OR stripe_net <> ledger_net)) OR (stripe_rows = 0 AND ledger_net <> 0)`,
);

export async function reconcileStripe(db: Db): Promise<StripeReconciliation> {
  // One pass over the stored rows: the count of matched ones, and the rows that need attention.
  const [r] = rowsOf<{ matched: number; attention: [string, number, number, number, number][] }>(
    await db.execute(sql`
      SELECT count(*) FILTER (WHERE stripe_rows > 0 AND ledger_rows > 0 AND stripe_net = ledger_net)::int AS matched,
             coalesce(json_agg(json_build_array(source_id, stripe_net, stripe_rows, ledger_net, ledger_rows)
                               ORDER BY source_id) FILTER (WHERE ${ATTENTION}), '[]') AS attention
        FROM stripe_match`),
  );
  const exceptions: StripeException[] = [];
  const pending: StripePending[] = [];
  for (const [sourceId, stripeNetCents, stripeRows, ledgerCents, ledgerRows] of r?.attention ?? []) {
    if (stripeRows === 0) pending.push({ sourceId, ledgerCents, kind: "awaiting_payout" });
    else
      exceptions.push({
        sourceId,
        stripeNetCents,
        ledgerCents,
        kind: ledgerRows === 0 ? "missing_in_books" : "amount_differs",
      });
  }
  return { matched: r?.matched ?? 0, pending, exceptions };
}

/** The payouts holding a Stripe object that disagrees with the books, and those objects. */
export async function disagreeingByPayout(db: Db): Promise<{ payout_id: string; source_id: string }[]> {
  return rowsOf<{ payout_id: string; source_id: string }>(
    await db.execute(sql`
      SELECT DISTINCT t.payout_id, t.source_id
        FROM (SELECT source_id FROM stripe_match WHERE (${ATTENTION}) AND stripe_rows > 0) m
        JOIN stripe_balance_transactions t ON t.source_id = m.source_id
       WHERE t.payout_id IS NOT NULL`),
  );
}

/**
 * The recompute check: stored match rows that differ from a fresh computation from the balance
 * transactions and the postings (0 when the triggers kept them right). Rows whose both sides are
 * back to nothing count as equal to absent ones.
 */
export async function stripeMatchDrift(db: Db): Promise<number> {
  const [r] = rowsOf<{ n: number }>(
    await db.execute(sql`SELECT count(*)::int AS n FROM (
      (SELECT * FROM stripe_match WHERE stripe_rows <> 0 OR ledger_rows <> 0 EXCEPT SELECT * FROM stripe_match_recomputed)
      UNION ALL
      (SELECT * FROM stripe_match_recomputed EXCEPT SELECT * FROM stripe_match)) d`),
  );
  return r?.n ?? 0;
}
