/**
 * Import Stripe payouts and the balance transactions inside each one, through
 * the API (the same code against the offline double and real Stripe). Upserts
 * by Stripe id, so running it again changes nothing.
 *
 * A payout's transactions are listed only once its `reconciliation_status` is
 * `completed`: Stripe documents `GET /v1/balance_transactions?payout=` as
 * complete only then (`in_progress` lists may be partial; manual payouts are
 * `not_applicable` and have no such list). Until then the payout is recorded
 * alone and counted in `awaitingReconciliation`; a later run imports its
 * transactions.
 */
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { stripeBalanceTransactions, stripePayouts } from "@/db/schema";
import { requireRole, type Principal } from "@/lib/auth/roles";

export interface StripeImportSummary {
  payouts: number;
  transactions: number;
  /** Payouts whose transactions were not imported yet: Stripe's reconciliation of them is not complete. */
  awaitingReconciliation: number;
}

function sourceIdOf(bt: Stripe.BalanceTransaction): string | null {
  const s = bt.source;
  if (!s) return null;
  return typeof s === "string" ? s : s.id;
}

export async function importStripePayouts(
  db: Db,
  stripe: Stripe,
  actor: Principal | null,
  opts: { onProgress?: (done: number) => unknown; createdAfter?: Date } = {},
): Promise<StripeImportSummary> {
  requireRole(actor, "treasurer");
  let payouts = 0;
  let transactions = 0;
  let awaitingReconciliation = 0;
  const list = stripe.payouts.list({
    limit: 100,
    ...(opts.createdAfter ? { created: { gte: Math.floor(opts.createdAfter.getTime() / 1000) } } : {}),
  });
  for await (const po of list) {
    await db
      .insert(stripePayouts)
      .values({ id: po.id, amountCents: po.amount, status: po.status, arrivalDate: new Date(po.arrival_date * 1000) })
      .onConflictDoUpdate({
        target: stripePayouts.id,
        set: {
          status: po.status,
          amountCents: po.amount,
          arrivalDate: new Date(po.arrival_date * 1000),
          updatedAt: new Date(),
        },
      });
    payouts++;
    if (po.reconciliation_status !== "completed") {
      awaitingReconciliation++;
      continue;
    }
    let batch: (typeof stripeBalanceTransactions.$inferInsert)[] = [];
    const flush = async () => {
      if (!batch.length) return;
      await db
        .insert(stripeBalanceTransactions)
        .values(batch)
        .onConflictDoNothing({ target: stripeBalanceTransactions.id });
      transactions += batch.length;
      await opts.onProgress?.(transactions);
      batch = [];
    };
    for await (const bt of stripe.balanceTransactions.list({ payout: po.id, limit: 100 })) {
      batch.push({
        id: bt.id,
        payoutId: po.id,
        type: bt.type,
        sourceId: sourceIdOf(bt),
        amountCents: bt.amount,
        feeCents: bt.fee,
        netCents: bt.net,
        stripeCreatedAt: new Date(bt.created * 1000),
      });
      if (batch.length >= 500) await flush();
    }
    await flush();
  }
  return { payouts, transactions, awaitingReconciliation };
}
