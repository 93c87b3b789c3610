/**
 * The core every money event converges through: re-fetch the PaymentIntent and
 * everything that happened to its charge, and bring the books up to it. Any
 * number of calls, in any order, end in the same books.
 *
 * Order matters for throughput: the Stripe reads (usually just one) were mostly made
 * before the lock (read-ahead.ts) and otherwise go out together before any
 * write, the donation row is brought up to date in one statement, and the
 * ledger entries come last, so the shared balances they lock (the `stripe`
 * account above all) are held only for the entries and the commit.
 */
import type Stripe from "stripe";
import { eq } from "drizzle-orm";
import { donations } from "@/db/schema";
import { env } from "@/lib/env";
import { postEntry } from "@/lib/ledger";
import { donationEntry, processingFeeEntry } from "@/lib/ledger/entries";
import { entryIdByKey } from "@/lib/ledger/queries";
import { campaignThenGeneral } from "./books";
import type { EventOutcome, HandlerContext } from "./context";
import { derivedDonationStatus } from "./donation-status";
import { resolveDonation, type DonationRow } from "./resolve-donation";
import { queueReceipt } from "./send-receipt";
import { fetchPaymentState, type PaymentState } from "./read-ahead";
import { bumpSyncCounter } from "./sync-counter";
import { isDisputed, syncDisputes } from "./sync-disputes";
import { refundedCentsOf, syncRefunds } from "./sync-refunds";

export async function syncPaymentIntent(
  ctx: HandlerContext,
  piId: string,
  invoiceHint?: string,
): Promise<EventOutcome> {
  const { pi, refunds, disputes } = await currentState(ctx, piId);
  const donation = await resolveDonation(ctx, pi, invoiceHint);
  if (!donation) return "ignored";
  const charge = typeof pi.latest_charge === "object" ? pi.latest_charge : null;
  if (pi.status !== "succeeded" || !charge || charge.status !== "succeeded") return "processed";
  const bt = typeof charge.balance_transaction === "object" ? charge.balance_transaction : null;
  const giftKey = `donation:${pi.id}`;
  // Post once per key: an existing entry wins (books.ts, postOnce).
  const bookGift = !(await entryIdByKey(ctx.tx, giftKey));
  await updateDonation(ctx, donation, pi, charge, bt, {
    refundedCents: refundedCentsOf(refunds),
    disputed: isDisputed(disputes),
  });
  // The receipt is queued in the transaction that books the gift; a later sync has nothing to add.
  if (bookGift) await queueReceipt(ctx.tx, donation.id);
  if (bookGift)
    await postEntry(
      ctx.tx,
      donationEntry(
        {
          idempotencyKey: giftKey,
          campaignId: donation.campaignId,
          memo: `Gift ${donation.id}`,
          refs: { payment_intent: pi.id, charge: charge.id, donation: donation.id },
          effectiveAt: new Date(charge.created * 1000),
        },
        charge.amount,
      ),
    );
  if (bt) await recordFee(ctx, donation, pi, charge, bt);
  await syncRefunds(ctx, donation, pi.id, refunds);
  await syncDisputes(ctx, donation, pi.id, disputes);
  return "processed";
}

/**
 * The payment as Stripe says it is: the read made before the lock when it is
 * this payment's and still current (process-event.ts checked the counter), or
 * a read now, under the lock. Either way the counter moves, so a read-ahead
 * racing this sync elsewhere is not applied after it.
 */
async function currentState(ctx: HandlerContext, piId: string): Promise<PaymentState> {
  if (!ctx.synced.has(piId)) {
    await bumpSyncCounter(ctx.tx, piId);
    ctx.synced.add(piId);
  }
  return ctx.ahead?.paymentId === piId ? ctx.ahead.payment : fetchPaymentState(ctx.stripe, piId);
}

/** The donation row as Stripe now says it is, in one statement (none when nothing changed). */
async function updateDonation(
  ctx: HandlerContext,
  donation: DonationRow,
  pi: Stripe.PaymentIntent,
  charge: Stripe.Charge,
  bt: Stripe.BalanceTransaction | null,
  s: { refundedCents: number; disputed: boolean },
): Promise<void> {
  const derived = derivedDonationStatus(donation, s);
  const first = ["pending", "failed", "expired"].includes(donation.status) || !donation.chargeId;
  const set = {
    ...derived,
    ...(bt ? { feeCents: bt.fee } : {}),
    // Stripe's time, not ours, so every delivery order writes the same row.
    ...(first ? { paymentIntentId: pi.id, chargeId: charge.id, succeededAt: new Date(charge.created * 1000) } : {}),
  };
  const same =
    !first &&
    donation.status === set.status &&
    donation.refundedCents === set.refundedCents &&
    (!bt || donation.feeCents === bt.fee);
  if (!same) await ctx.tx.update(donations).set(set).where(eq(donations.id, donation.id));
}
async function recordFee(
  ctx: HandlerContext,
  donation: DonationRow,
  pi: Stripe.PaymentIntent,
  charge: Stripe.Charge,
  bt: Stripe.BalanceTransaction,
): Promise<void> {
  const key = `fee:${charge.id}`;
  // Existence first: a later sync of the same payment skips the split's two reads.
  if (bt.fee > 0 && !(await entryIdByKey(ctx.tx, key))) {
    const bornBy =
      env().FUND_FEE_BEARER === "campaign"
        ? await campaignThenGeneral(ctx.tx, donation.campaignId, pi.id, bt.fee)
        : [{ account: "general" as const, amount: bt.fee }];
    // Every event about this payment holds its payment lock (process-event.ts), so nobody posted the key since the check.
    await postEntry(
      ctx.tx,
      processingFeeEntry(
        {
          idempotencyKey: key,
          campaignId: donation.campaignId,
          memo: `Stripe fee on gift ${donation.id}`,
          refs: { payment_intent: pi.id, charge: charge.id, balance_transaction: bt.id },
          effectiveAt: new Date(bt.created * 1000),
        },
        bornBy,
      ),
    );
  }
}
