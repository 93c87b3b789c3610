import type Stripe from "stripe";
import { promoteAvailable } from "./bank-funds";
import { recordBalanceTransaction } from "./balance-transactions";
import type { DoubleCore } from "./core";
import { buildPayout } from "./factories/payout";

/** Balance transactions that no payout has swept yet (payout debits themselves excluded). */
export function unsweptTransactions(core: DoubleCore): Stripe.BalanceTransaction[] {
  promoteAvailable(core);
  return core.store
    .all("balance_transaction")
    .filter((t) => t.status === "available" && t.type !== "payout" && core.store.payoutOf(t.id) === undefined);
}

/**
 * An automatic payout sweeping every available, unswept transaction. Each swept
 * transaction and the payout's own debit are linked to it, so
 * `balanceTransactions.list({ payout })` returns them and their non-payout nets
 * sum to the payout amount. Returns null when there is nothing positive to pay.
 */
export function createPayout(core: DoubleCore, opts: { reconcile?: boolean } = {}): Stripe.Payout | null {
  const swept = unsweptTransactions(core);
  const amount = swept.reduce((s, t) => s + t.net, 0);
  if (swept.length === 0 || amount <= 0) return null;
  const payoutId = core.id("po_");
  const debit = recordBalanceTransaction(core, {
    amount: -amount,
    fee: 0,
    source: payoutId,
    type: "payout",
    reportingCategory: "payout",
    description: "STRIPE PAYOUT",
  });
  for (const t of swept) core.store.setPayoutOf(t.id, payoutId);
  core.store.setPayoutOf(debit.id, payoutId);
  const po = buildPayout({ id: payoutId, created: core.now(), amount, balanceTransaction: debit.id });
  core.store.put("payout", po);
  core.emit("payout.created", po);
  Object.assign(po, {
    status: "paid",
    trace_id: { status: "supported", value: `DBLTRACE${payoutId.slice(3, 15).toUpperCase()}` },
  });
  core.store.put("payout", po);
  core.emit("payout.paid", po);
  return opts.reconcile === false ? po : completeReconciliation(core, payoutId);
}

/**
 * Stripe finishes working out which transactions an automatic payout carries:
 * `reconciliation_status` becomes `completed` and `payout.reconciliation_completed`
 * is sent. Only then is `GET /v1/balance_transactions?payout=` complete (see
 * `listableInPayout`).
 */
export function completeReconciliation(core: DoubleCore, payoutId: string): Stripe.Payout {
  const po = core.must("payout", payoutId);
  if (po.reconciliation_status === "completed") return po;
  po.reconciliation_status = "completed";
  core.store.put("payout", po);
  core.emit("payout.reconciliation_completed", po);
  return po;
}

/**
 * Whether `GET /v1/balance_transactions?payout=<id>` lists this transaction.
 * Stripe documents the list as complete only once the payout's reconciliation
 * has completed; until then the double lists the payout's own debit alone, so
 * an importer that does not wait records an incomplete payout (and a test sees it).
 */
export function listableInPayout(core: DoubleCore, t: Stripe.BalanceTransaction, payoutId: string): boolean {
  if (core.store.payoutOf(t.id) !== payoutId) return false;
  return core.store.get("payout", payoutId)?.reconciliation_status === "completed" || t.type === "payout";
}

/**
 * The bank bounced the payout: Stripe credits the amount back to the balance
 * with a `payout_failure` transaction, which the next payout sweeps again.
 */
export function failPayout(core: DoubleCore, payoutId: string): Stripe.Payout {
  const po = core.must("payout", payoutId);
  if (po.status === "failed") return po;
  const credit = recordBalanceTransaction(core, {
    amount: po.amount,
    fee: 0,
    source: payoutId,
    type: "payout_failure",
    reportingCategory: "payout_reversal",
    description: "Payout failure",
  });
  Object.assign(po, {
    status: "failed",
    failure_balance_transaction: credit.id,
    failure_code: "account_closed",
    failure_message: "The bank account has been closed.",
  });
  core.store.put("payout", po);
  core.emit("payout.failed", po);
  return po;
}

/**
 * Available balance, counted from the sweep links rather than by summing every
 * net, so tests can check the two agree. A failed payout's transactions stay
 * linked to it; its `payout_failure` credit is what returns the money.
 */
export function availableBalance(core: DoubleCore): number {
  promoteAvailable(core);
  return core.store
    .all("balance_transaction")
    .filter((t) => t.status === "available" && t.type !== "payout" && core.store.payoutOf(t.id) === undefined)
    .reduce((sum, t) => sum + t.net, 0);
}
