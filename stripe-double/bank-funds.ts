/**
 * The money side of an ACH Direct Debit, as Stripe models it: the balance
 * transaction (type `payment`, the bank fee already taken) exists from the
 * moment the donor submits the debit and stays `pending` until `available_on`;
 * if the debit fails, a `payment_failure_refund` transaction takes the same
 * amount and fee back out, so the pair nets to zero (our reading of Stripe's
 * reports: the charge's `failure_balance_transaction` points at it).
 */
import type Stripe from "stripe";
import type { DoubleCore } from "./core";
import { buildBalanceTransaction } from "./factories/balance-transaction";
import { processingFee } from "./fees";

const DAY = 24 * 3600;
/** Stripe's standard ACH settlement: about four business days. */
const ACH_BUSINESS_DAYS = 4;

/** `days` business days (Mon–Fri, UTC) after `from`, in epoch seconds. */
function addBusinessDays(from: number, days: number): number {
  let t = from;
  let left = days;
  while (left > 0) {
    t += DAY;
    const weekday = new Date(t * 1000).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return t;
}

export function pendingBankTransaction(core: DoubleCore, charge: Stripe.Charge): Stripe.BalanceTransaction {
  const created = core.now();
  const txn = buildBalanceTransaction({
    id: core.id("txn_"),
    created,
    amount: charge.amount,
    fee: processingFee(charge.amount, core.fees, "us_bank_account"),
    source: charge.id,
    type: "payment",
    reportingCategory: "charge",
    description: null,
    availableOn: addBusinessDays(created, ACH_BUSINESS_DAYS),
  });
  core.store.put("balance_transaction", txn);
  charge.balance_transaction = txn.id;
  core.store.put("charge", charge);
  return txn;
}

/** The debit bounced: reverse its pending funds (same `available_on`, so the pair never reaches a payout apart). */
export function reverseBankTransaction(core: DoubleCore, charge: Stripe.Charge): Stripe.BalanceTransaction | null {
  if (!charge.balance_transaction || charge.failure_balance_transaction) return null;
  const original = core.must("balance_transaction", String(charge.balance_transaction));
  const txn = buildBalanceTransaction({
    id: core.id("txn_"),
    created: core.now(),
    amount: -original.amount,
    fee: -original.fee,
    source: charge.id,
    type: "payment_failure_refund",
    reportingCategory: "charge_failure",
    description: "Payment failure refund",
    feeDescription: "Processing fee returned on failed payment",
    availableOn: Math.max(original.available_on, core.now()),
  });
  core.store.put("balance_transaction", txn);
  charge.failure_balance_transaction = txn.id;
  core.store.put("charge", charge);
  return txn;
}

/** Pending funds whose `available_on` has come become available, as Stripe's balance does on its own. */
export function promoteAvailable(core: DoubleCore): void {
  const now = core.now();
  for (const t of core.store.all("balance_transaction")) {
    if (t.status === "pending" && t.available_on <= now) {
      t.status = "available";
      core.store.put("balance_transaction", t);
    }
  }
}
