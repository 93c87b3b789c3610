/**
 * Disputes, from the dispute's own balance transactions: the withdrawal
 * (amount and Stripe's dispute fee), the dispute countered fee when the fund
 * submits evidence (amount 0, fee > 0), and, when won, the reinstatement of the
 * amount and the return of the countered fee (amount 0, fee < 0).
 * The disputed amount is borne per FUND_DISPUTE_BEARER (general by default;
 * campaign falls back to general for what the campaign no longer holds);
 * the dispute fee and the countered fee always fall on general (and the
 * countered fee, when returned, goes back to general).
 */
import type Stripe from "stripe";
import { sql } from "drizzle-orm";
import { stripeDisputes } from "@/db/schema";
import { env } from "@/lib/env";
import { campaignAccount, type EntryLine } from "@/lib/ledger";
import { disputeEntry, disputeReversalEntry } from "@/lib/ledger/entries";
import { debitOn } from "@/lib/ledger/queries";
import { campaignThenGeneral, postOnce } from "./books";
import type { HandlerContext } from "./context";
import type { DonationRow } from "./resolve-donation";

const OPEN_OR_LOST: readonly string[] = ["needs_response", "under_review", "lost"];

/** True while a dispute holds the gift (open or lost). */
export function isDisputed(disputes: Stripe.Dispute[]): boolean {
  return disputes.some((dp) => OPEN_OR_LOST.includes(dp.status));
}

/** Brings the dispute rows and their entries up to `disputes` (from fetchPaymentState). */
export async function syncDisputes(
  ctx: HandlerContext,
  donation: DonationRow,
  piId: string,
  disputes: Stripe.Dispute[],
): Promise<void> {
  for (const dp of disputes) {
    const txns = dp.balance_transactions.filter((t): t is Stripe.BalanceTransaction => typeof t === "object");
    const out = txns.filter((t) => t.amount < 0);
    const back = txns.filter((t) => t.amount > 0);
    const row = {
      donationId: donation.id,
      amountCents: dp.amount,
      status: dp.status,
      reason: dp.reason,
      fundsWithdrawn: out.length > 0,
      fundsReinstated: back.length > 0,
    };
    await ctx.tx
      .insert(stripeDisputes)
      .values({ id: dp.id, ...row })
      .onConflictDoUpdate({ target: stripeDisputes.id, set: { ...row, updatedAt: sql`now()` } });
    // Entries last: the shared balances they lock stay locked for the least time.
    if (out.length) await withdrawn(ctx, donation, piId, dp.id, out);
    if (out.length && back.length) await reinstated(ctx, donation, piId, dp.id, back);
    await counteredFees(ctx, donation, piId, dp.id, txns);
  }
}

async function withdrawn(
  ctx: HandlerContext,
  donation: DonationRow,
  piId: string,
  dpId: string,
  out: Stripe.BalanceTransaction[],
): Promise<void> {
  const amount = -out.reduce((s, t) => s + t.amount, 0);
  const fee = out.reduce((s, t) => s + t.fee, 0);
  const bearer: EntryLine[] =
    env().FUND_DISPUTE_BEARER === "campaign"
      ? await campaignThenGeneral(ctx.tx, donation.campaignId, piId, amount)
      : [{ account: "general", amount }];
  const meta = {
    idempotencyKey: `dispute:${dpId}:withdrawn`,
    campaignId: donation.campaignId,
    memo: `Dispute on gift ${donation.id}`,
    refs: { payment_intent: piId, dispute: dpId },
    effectiveAt: new Date(Math.min(...out.map((t) => t.created)) * 1000),
  };
  await postOnce(ctx.tx, disputeEntry(meta, bearer, fee));
}

/** Gives back what came back, to the fund that bore it: the campaign first, up to what it paid; the dispute fee is not returned. */
async function reinstated(
  ctx: HandlerContext,
  donation: DonationRow,
  piId: string,
  dpId: string,
  back: Stripe.BalanceTransaction[],
): Promise<void> {
  const net = back.reduce((s, t) => s + t.net, 0);
  if (net <= 0) return;
  const campaignPaid = await debitOn(ctx.tx, `dispute:${dpId}:withdrawn`, campaignAccount(donation.campaignId));
  const meta = {
    idempotencyKey: `dispute:${dpId}:reinstated`,
    campaignId: donation.campaignId,
    memo: `Dispute won on gift ${donation.id}`,
    refs: { payment_intent: piId, dispute: dpId },
    effectiveAt: new Date(Math.min(...back.map((t) => t.created)) * 1000),
  };
  await postOnce(ctx.tx, disputeReversalEntry(meta, net, campaignPaid));
}

/**
 * The dispute countered fee (charged on submitting evidence) and its return when
 * the dispute is won: fee-only balance transactions, each booked once on general.
 */
async function counteredFees(
  ctx: HandlerContext,
  donation: DonationRow,
  piId: string,
  dpId: string,
  txns: Stripe.BalanceTransaction[],
): Promise<void> {
  const feeOnly = txns.filter((t) => t.amount === 0 && t.fee !== 0);
  const charged = feeOnly.filter((t) => t.fee > 0);
  const returned = feeOnly.filter((t) => t.fee < 0);
  const base = { campaignId: donation.campaignId, refs: { payment_intent: piId, dispute: dpId } };
  const at = (ts: Stripe.BalanceTransaction[]) => new Date(Math.min(...ts.map((t) => t.created)) * 1000);
  const fee = charged.reduce((s, t) => s + t.fee, 0);
  if (fee > 0) {
    const meta = { ...base, idempotencyKey: `dispute:${dpId}:countered`, effectiveAt: at(charged) };
    await postOnce(ctx.tx, disputeEntry({ ...meta, memo: `Dispute countered fee, gift ${donation.id}` }, [], fee));
  }
  const back = -returned.reduce((s, t) => s + t.fee, 0);
  if (back > 0 && fee > 0) {
    const meta = { ...base, idempotencyKey: `dispute:${dpId}:countered-returned`, effectiveAt: at(returned) };
    await postOnce(
      ctx.tx,
      disputeReversalEntry({ ...meta, memo: `Dispute countered fee returned, gift ${donation.id}` }, back, 0),
    );
  }
}
