/**
 * The core every money event converges through: re-fetch the PaymentIntent and
 * everything that happened to its charge, and bring the books up to it. Any
 * number of calls, in any order, end in the same books.
 */
import type Stripe from "stripe";
import { eq } from "drizzle-orm";
import { donations } from "@/db/schema";
import { env } from "@/lib/env";
import { postEntry } from "@/lib/ledger";
import { donationEntry, processingFeeEntry } from "@/lib/ledger/entries";
import { entryIdByKey } from "@/lib/ledger/queries";
import { campaignThenGeneral, postOnce } from "./books";
import type { EventOutcome, HandlerContext } from "./context";
import { refreshDonationStatus } from "./donation-status";
import { resolveDonation, type DonationRow } from "./resolve-donation";
import { queueReceipt } from "./send-receipt";
import { syncDisputes } from "./sync-disputes";
import { syncRefunds } from "./sync-refunds";

export async function syncPaymentIntent(
  ctx: HandlerContext,
  piId: string,
  invoiceHint?: string,
): Promise<EventOutcome> {
  const pi = await ctx.stripe.paymentIntents.retrieve(piId, { expand: ["latest_charge.balance_transaction"] });
  const donation = await resolveDonation(ctx, pi, invoiceHint);
  if (!donation) return "ignored";
  const charge = typeof pi.latest_charge === "object" ? pi.latest_charge : null;
  if (pi.status !== "succeeded" || !charge || charge.status !== "succeeded") return "processed";
  await recordGift(ctx, donation, pi, charge);
  await recordFee(ctx, donation, pi, charge);
  const refundedCents = await syncRefunds(ctx, donation, pi.id);
  const disputed = await syncDisputes(ctx, donation, pi.id);
  await refreshDonationStatus(ctx.tx, donation, { refundedCents, disputed });
  return "processed";
}

async function recordGift(
  ctx: HandlerContext,
  donation: DonationRow,
  pi: Stripe.PaymentIntent,
  charge: Stripe.Charge,
): Promise<void> {
  const gross = charge.amount;
  const posted = await postOnce(
    ctx.tx,
    donationEntry(
      {
        idempotencyKey: `donation:${pi.id}`,
        campaignId: donation.campaignId,
        memo: `Gift ${donation.id}`,
        refs: { payment_intent: pi.id, charge: charge.id, donation: donation.id },
        effectiveAt: new Date(charge.created * 1000),
      },
      gross,
    ),
  );
  if (
    donation.status === "pending" ||
    donation.status === "failed" ||
    donation.status === "expired" ||
    !donation.chargeId
  ) {
    await ctx.tx
      .update(donations)
      .set({
        status:
          donation.status === "pending" || donation.status === "failed" || donation.status === "expired"
            ? "succeeded"
            : donation.status,
        paymentIntentId: pi.id,
        chargeId: charge.id,
        // Stripe's time, not ours, so every delivery order writes the same row.
        succeededAt: new Date(charge.created * 1000),
      })
      .where(eq(donations.id, donation.id));
  }
  // The receipt was queued in the transaction that booked the gift; a later sync has nothing to add.
  if (posted) await queueReceipt(ctx.tx, donation.id);
}

/** The fee exists only once the balance transaction does; until then there is nothing to post (never estimate). */
async function recordFee(
  ctx: HandlerContext,
  donation: DonationRow,
  pi: Stripe.PaymentIntent,
  charge: Stripe.Charge,
): Promise<void> {
  const bt = typeof charge.balance_transaction === "object" ? charge.balance_transaction : null;
  if (!bt) return;
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
  if (donation.feeCents !== bt.fee)
    await ctx.tx.update(donations).set({ feeCents: bt.fee }).where(eq(donations.id, donation.id));
}
