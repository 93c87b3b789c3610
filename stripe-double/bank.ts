/**
 * ACH Direct Debit through Checkout, in two steps as with Stripe: the donor
 * submits the debit (session `complete`, `payment_status: "unpaid"`, PaymentIntent
 * `processing`), and days later it succeeds or fails
 * (`checkout.session.async_payment_succeeded` / `_failed`, with
 * `payment_intent.succeeded` / `payment_intent.payment_failed`).
 */
import type Stripe from "stripe";
import type { DoubleCore } from "./core";
import { finishProcessing } from "./payments";

/** Stripe's test bank accounts (routing 110000000): the first clears, the second fails after submission. */
export const TEST_BANK_ACCOUNTS = {
  succeeds: "000123456789",
  fails: "000111111116",
} as const;

export function last4Of(account: string): string {
  return account.slice(-4);
}

/** A submitted debit's fate by its test account, unless the tester forces one from the console. */
function bankDebitWillSucceed(charge: Stripe.Charge): boolean {
  return charge.payment_method_details?.us_bank_account?.last4 !== last4Of(TEST_BANK_ACCOUNTS.fails);
}

/** PaymentIntents whose bank debit is still processing (for the console). */
export function processingBankDebits(core: DoubleCore): Stripe.PaymentIntent[] {
  return core.store
    .all("payment_intent")
    .filter((pi) => pi.status === "processing" && pi.payment_method_types.includes("us_bank_account"));
}

/**
 * The bank's answer arrives: the debit clears or bounces. `outcome` defaults to
 * what the test account does. Returns the session's final payment status.
 */
export function resolveBankDebit(
  core: DoubleCore,
  piId: string,
  outcome: "succeed" | "fail" | "by_account" = "by_account",
): "paid" | "failed" {
  const pi = core.must("payment_intent", piId);
  if (pi.status !== "processing")
    throw new Error(`StripeDouble: PaymentIntent ${piId} is ${pi.status}, not processing a bank debit`);
  const charge = core.must("charge", String(pi.latest_charge));
  const ok = outcome === "by_account" ? bankDebitWillSucceed(charge) : outcome === "succeed";
  finishProcessing(core, piId, ok);
  const session = core.store.all("checkout.session").find((s) => s.payment_intent === piId);
  if (session) {
    if (ok) {
      session.payment_status = "paid";
      core.store.put("checkout.session", session);
    }
    core.emit(ok ? "checkout.session.async_payment_succeeded" : "checkout.session.async_payment_failed", session);
  }
  return ok ? "paid" : "failed";
}
