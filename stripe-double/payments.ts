import type Stripe from "stripe";
import { recordBalanceTransaction } from "./balance-transactions";
import type { DoubleCore } from "./core";
import { pendingBankTransaction, reverseBankTransaction } from "./bank-funds";
import { buildCharge } from "./factories/charge";
import { buildPaymentIntent } from "./factories/payment-intent";
import { processingFee } from "./fees";

type PaymentMethodType = "card" | "us_bank_account";

export interface PaymentSpec {
  amount: number;
  metadata: Stripe.Metadata;
  customer: string | null;
  email: string | null;
  description: string | null;
  method: PaymentMethodType;
  /** Bank debits: last four digits of the test account the donor picked. */
  bankLast4?: string;
}

export function createPaymentIntent(core: DoubleCore, spec: PaymentSpec): Stripe.PaymentIntent {
  const pi = buildPaymentIntent({
    id: core.id("pi_"),
    created: core.now(),
    amount: spec.amount,
    metadata: spec.metadata,
    description: spec.description,
    customer: spec.customer,
    paymentMethodType: spec.method,
  });
  core.store.put("payment_intent", pi);
  return pi;
}

/** A new charge attempt on the PaymentIntent; Stripe copies the PI's metadata onto it. */
function attempt(
  core: DoubleCore,
  pi: Stripe.PaymentIntent,
  spec: PaymentSpec,
  status: Stripe.Charge.Status & ("succeeded" | "pending" | "failed"),
): Stripe.Charge {
  const charge = buildCharge({
    id: core.id("ch_"),
    created: core.now(),
    amount: pi.amount,
    paymentIntent: pi.id,
    paymentMethod: core.id("pm_"),
    metadata: pi.metadata,
    customer: spec.customer,
    email: spec.email,
    status,
    paymentMethodType: spec.method,
    ...(spec.bankLast4 ? { bankLast4: spec.bankLast4 } : {}),
    ...(status === "failed" ? { failure: DECLINE } : {}),
  });
  core.store.put("charge", charge);
  return charge;
}

const DECLINE = { code: "card_declined", message: "Your card was declined.", declineCode: "generic_decline" };

function markSucceeded(core: DoubleCore, pi: Stripe.PaymentIntent, charge: Stripe.Charge): void {
  Object.assign(pi, {
    status: "succeeded",
    amount_received: pi.amount,
    latest_charge: charge.id,
    payment_method: charge.payment_method,
    processing: null,
    last_payment_error: null,
  });
  core.store.put("payment_intent", pi);
  core.emit("charge.succeeded", charge);
  core.emit("payment_intent.succeeded", pi);
}

export function succeedCard(core: DoubleCore, pi: Stripe.PaymentIntent, spec: PaymentSpec): Stripe.Charge {
  const charge = attempt(core, pi, spec, "succeeded");
  markSucceeded(core, pi, charge);
  return charge;
}

export function decline(core: DoubleCore, pi: Stripe.PaymentIntent, spec: PaymentSpec): Stripe.Charge {
  const charge = attempt(core, pi, spec, "failed");
  failIntent(core, pi, charge);
  return charge;
}

function failIntent(core: DoubleCore, pi: Stripe.PaymentIntent, charge: Stripe.Charge): void {
  const lastError: Stripe.PaymentIntent.LastPaymentError = {
    type: "card_error",
    charge: charge.id,
    code: charge.failure_code ?? "card_declined",
    message: charge.failure_message ?? "Your card was declined.",
    ...(charge.outcome?.reason ? { decline_code: charge.outcome.reason } : {}),
  };
  Object.assign(pi, {
    status: "requires_payment_method",
    latest_charge: charge.id,
    processing: null,
    last_payment_error: lastError,
  });
  core.store.put("payment_intent", pi);
  core.emit("charge.failed", charge);
  core.emit("payment_intent.payment_failed", pi);
}

/** Bank debits sit in `processing` for days before they succeed or fail. */
export function beginProcessing(core: DoubleCore, pi: Stripe.PaymentIntent, spec: PaymentSpec): Stripe.Charge {
  const charge = attempt(core, pi, spec, "pending");
  Object.assign(pi, { status: "processing", latest_charge: charge.id, payment_method: charge.payment_method });
  core.store.put("payment_intent", pi);
  core.emit("payment_intent.processing", pi);
  core.emit("charge.pending", charge);
  if (spec.method === "us_bank_account") {
    pendingBankTransaction(core, charge);
    core.emit("charge.updated", charge, undefined, { balance_transaction: null });
  }
  return charge;
}

export function finishProcessing(core: DoubleCore, piId: string, ok: boolean): Stripe.Charge {
  const pi = core.must("payment_intent", piId);
  const charge = core.must("charge", String(pi.latest_charge));
  if (ok) {
    Object.assign(charge, { status: "succeeded", paid: true, captured: true, amount_captured: charge.amount });
    core.store.put("charge", charge);
    markSucceeded(core, pi, charge);
  } else {
    Object.assign(charge, {
      status: "failed",
      failure_code: "insufficient_funds",
      failure_message: "The customer's account has insufficient funds to cover this payment.",
    });
    core.store.put("charge", charge);
    reverseBankTransaction(core, charge);
    failIntent(core, pi, charge);
  }
  return charge;
}

/**
 * The balance transaction (with the real fee) lands after the charge succeeds;
 * Stripe announces it with `charge.updated`, which is where the ledger learns the fee.
 * A bank debit's exists from submission (bank.ts), so it is returned as is.
 */
export function settle(core: DoubleCore, chargeId: string): Stripe.BalanceTransaction {
  const charge = core.must("charge", chargeId);
  if (charge.balance_transaction) return core.must("balance_transaction", String(charge.balance_transaction));
  const txn = recordBalanceTransaction(core, {
    amount: charge.amount,
    fee: processingFee(charge.amount, core.fees),
    source: charge.id,
    type: "charge",
    reportingCategory: "charge",
    description: null,
  });
  charge.balance_transaction = txn.id;
  core.store.put("charge", charge);
  core.emit("charge.updated", charge, undefined, { balance_transaction: null });
  return txn;
}
