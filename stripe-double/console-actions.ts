import type Stripe from "stripe";
import { recordBalanceTransaction } from "./balance-transactions";
import { NO_REQUEST, type DoubleCore, type RequestContext } from "./core";
import { invalidRequest, noSuchObject } from "./errors";
import { buildEarlyFraudWarning } from "./factories/early-fraud-warning";
import { buildRefund } from "./factories/refund";

const usd = (cents: number): string => `$${(cents / 100).toFixed(2)}`;

/** Accept a charge id or a PaymentIntent id (its latest charge), like `POST /v1/refunds`. */
export function resolveCharge(core: DoubleCore, chargeOrPi: string, param = "charge"): Stripe.Charge {
  if (chargeOrPi.startsWith("pi_")) {
    const pi = core.store.get("payment_intent", chargeOrPi);
    if (!pi) throw noSuchObject("payment_intent", chargeOrPi, "payment_intent");
    if (!pi.latest_charge || pi.status !== "succeeded") {
      throw invalidRequest(
        `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`,
        "payment_intent",
        "charge_not_refundable",
      );
    }
    return core.must("charge", String(pi.latest_charge));
  }
  const charge = core.store.get("charge", chargeOrPi);
  if (!charge) throw noSuchObject("charge", chargeOrPi, param);
  return charge;
}

export interface RefundOptions {
  amount?: number;
  reason?: Stripe.Refund.Reason;
  metadata?: Record<string, string>;
}

/** Stripe keeps the processing fee on refunds, so the refund's balance transaction has fee 0. */
export function refund(
  core: DoubleCore,
  chargeOrPi: string,
  opts: RefundOptions = {},
  ctx: RequestContext = NO_REQUEST,
): Stripe.Refund {
  const charge = resolveCharge(core, chargeOrPi, chargeOrPi.startsWith("pi_") ? "payment_intent" : "charge");
  if (charge.status !== "succeeded")
    throw invalidRequest(
      `Charge ${charge.id} has not succeeded and cannot be refunded.`,
      "charge",
      "charge_not_refundable",
    );
  if (charge.disputed)
    throw invalidRequest(
      `Charge ${charge.id} has been charged back; cannot issue a refund.`,
      "charge",
      "charge_disputed",
    );
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining <= 0)
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, "charge", "charge_already_refunded");
  const amount = opts.amount ?? remaining;
  if (!Number.isInteger(amount) || amount < 1)
    throw invalidRequest("Invalid positive integer", "amount", "parameter_invalid_integer");
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${usd(amount)}) is greater than unrefunded amount on charge (${usd(remaining)})`,
      "amount",
      "amount_too_large",
    );
  }
  const refundId = core.id("re_");
  const txn = recordBalanceTransaction(core, {
    amount: -amount,
    fee: 0,
    source: refundId,
    type: "refund",
    reportingCategory: "refund",
    description: "REFUND FOR CHARGE",
  });
  const re = buildRefund({
    id: refundId,
    created: core.now(),
    amount,
    charge: charge.id,
    paymentIntent: typeof charge.payment_intent === "string" ? charge.payment_intent : null,
    balanceTransaction: txn.id,
    metadata: opts.metadata ?? {},
    reason: opts.reason ?? null,
  });
  core.store.put("refund", re);
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  core.store.put("charge", charge);
  core.emit("charge.refunded", charge, ctx, previous);
  core.emit("refund.created", re, ctx);
  return re;
}

export function earlyFraudWarning(core: DoubleCore, chargeId: string): Stripe.Radar.EarlyFraudWarning {
  const charge = resolveCharge(core, chargeId);
  const efw = buildEarlyFraudWarning({
    id: core.id("issfr_"),
    created: core.now(),
    charge: charge.id,
    paymentIntent: typeof charge.payment_intent === "string" ? charge.payment_intent : null,
  });
  core.store.put("radar.early_fraud_warning", efw);
  core.emit("radar.early_fraud_warning.created", efw);
  return efw;
}
