/**
 * Disputes as Stripe documents them for US card payments (support.stripe.com,
 * "Disputes"): when the issuer opens a chargeback, the disputed amount and the
 * dispute fee leave the balance in one balance transaction. If the fund counters
 * (submits evidence), a dispute countered fee is charged on top. If the dispute
 * is won, the disputed amount and the countered fee come back; the dispute fee
 * does not. If lost (or accepted), nothing comes back.
 *
 * Every movement is a balance transaction whose source is the dispute, listed
 * on `dispute.balance_transactions`:
 *   withdrawal        amount -X, fee dispute fee   (adjustment / dispute)
 *   countered fee     amount  0, fee countered fee (adjustment / dispute)
 *   reinstatement     amount +X, fee 0             (adjustment / dispute_reversal)
 *   countered fee back amount 0, fee -countered fee (adjustment / dispute_reversal)
 */
import type Stripe from "stripe";
import { recordBalanceTransaction } from "./balance-transactions";
import { NO_REQUEST, type DoubleCore, type RequestContext } from "./core";
import { invalidRequest, noSuchObject } from "./errors";
import { resolveCharge } from "./console-actions";
import { buildDispute } from "./factories/dispute";

export type DisputeResult = "won" | "lost";

function txn(
  core: DoubleCore,
  dp: Stripe.Dispute,
  amount: number,
  fee: number,
  category: "dispute" | "dispute_reversal",
  description: string,
  feeDescription?: string,
): Stripe.BalanceTransaction {
  const t = recordBalanceTransaction(core, {
    amount,
    fee,
    source: dp.id,
    type: "adjustment",
    reportingCategory: category,
    description,
    ...(feeDescription ? { feeDescription } : {}),
  });
  dp.balance_transactions = [...dp.balance_transactions, t];
  return t;
}

function mustDispute(core: DoubleCore, id: string): Stripe.Dispute {
  const dp = core.store.get("dispute", id);
  if (!dp) throw noSuchObject("dispute", id);
  return dp;
}

/** The issuer opens a chargeback: `charge.dispute.created`, then `charge.dispute.funds_withdrawn`. */
export function openDispute(core: DoubleCore, chargeOrPi: string): Stripe.Dispute {
  const charge = resolveCharge(core, chargeOrPi);
  if (charge.disputed) throw new Error(`StripeDouble: charge ${charge.id} is already disputed`);
  const amount = charge.amount - charge.amount_refunded;
  const dp = buildDispute({
    id: core.id("dp_"),
    created: core.now(),
    amount,
    charge: charge.id,
    paymentIntent: typeof charge.payment_intent === "string" ? charge.payment_intent : null,
    balanceTransactions: [],
  });
  core.store.put("dispute", dp);
  charge.disputed = true;
  core.store.put("charge", charge);
  core.emit("charge.dispute.created", dp);
  txn(core, dp, -amount, core.fees.disputeFeeCents, "dispute", `Chargeback withdrawal for ${charge.id}`, "Dispute fee");
  core.store.put("dispute", dp);
  core.emit("charge.dispute.funds_withdrawn", dp);
  return dp;
}

/** The fund submits evidence (`POST /v1/disputes/:id` with `submit`): under review, countered fee charged. */
export function counterDispute(core: DoubleCore, id: string, ctx: RequestContext = NO_REQUEST): Stripe.Dispute {
  const dp = mustDispute(core, id);
  if (dp.status !== "needs_response" && dp.status !== "warning_needs_response")
    throw invalidRequest(`This dispute is already ${dp.status} and can no longer be countered.`);
  const previous = { status: dp.status, evidence_details: { ...dp.evidence_details } };
  dp.status = "under_review";
  dp.evidence_details = { ...dp.evidence_details, has_evidence: true, submission_count: 1 };
  const fee = core.fees.disputeCounteredFeeCents;
  if (fee > 0) txn(core, dp, 0, fee, "dispute", `Dispute countered fee for ${dp.id}`, "Dispute countered fee");
  core.store.put("dispute", dp);
  core.emit("charge.dispute.updated", dp, ctx, previous);
  return dp;
}

/** The fund accepts the dispute (`POST /v1/disputes/:id/close`): lost, nothing comes back. */
export function acceptDispute(core: DoubleCore, id: string, ctx: RequestContext = NO_REQUEST): Stripe.Dispute {
  const dp = mustDispute(core, id);
  if (dp.status === "lost") return dp;
  if (dp.status !== "needs_response" && dp.status !== "warning_needs_response")
    throw invalidRequest(`This dispute is already ${dp.status} and cannot be closed.`);
  dp.status = "lost";
  core.store.put("dispute", dp);
  core.emit("charge.dispute.closed", dp, ctx);
  return dp;
}

/** The issuer decides a countered dispute. Won: the amount and the countered fee come back. */
export function decideDispute(core: DoubleCore, id: string, result: DisputeResult): Stripe.Dispute {
  const dp = mustDispute(core, id);
  if (dp.status !== "under_review") throw new Error(`StripeDouble: dispute ${id} is ${dp.status}, not under review`);
  dp.status = result;
  if (result === "won") {
    txn(core, dp, dp.amount, 0, "dispute_reversal", `Chargeback reversal for ${String(dp.charge)}`);
    const countered = dp.balance_transactions
      .filter((t) => typeof t === "object" && t.amount === 0 && t.fee > 0)
      .reduce((s, t) => s + t.fee, 0);
    if (countered > 0)
      txn(
        core,
        dp,
        0,
        -countered,
        "dispute_reversal",
        `Dispute countered fee returned for ${dp.id}`,
        "Dispute countered fee refund",
      );
  }
  core.store.put("dispute", dp);
  core.emit("charge.dispute.closed", dp);
  if (result === "won") core.emit("charge.dispute.funds_reinstated", dp);
  return dp;
}

export interface DisputeOptions {
  /** Submit evidence before the decision (default: only for a won dispute; one is won only by countering). */
  countered?: boolean;
}

/** A whole chargeback in one call: opened, countered (or accepted), decided. */
export function dispute(
  core: DoubleCore,
  chargeOrPi: string,
  result: DisputeResult,
  opts: DisputeOptions = {},
): Stripe.Dispute {
  const countered = opts.countered ?? result === "won";
  if (result === "won" && !countered) throw new Error("StripeDouble: a dispute is won only by countering it");
  const dp = openDispute(core, chargeOrPi);
  if (!countered) return acceptDispute(core, dp.id);
  counterDispute(core, dp.id);
  return decideDispute(core, dp.id, result);
}
