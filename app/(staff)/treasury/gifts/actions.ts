"use server";
/** Refund one gift, or settle a campaign whose purpose failed (its money to the pool, refunds, monthly gifts stopped). */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { resolvePurposeFailure } from "@/lib/campaigns/purpose-failure";
import { refundGift } from "@/lib/donations/treasurer-refund";
import { ok } from "@/lib/forms/form-state";
import { anyFields, validatedAction } from "@/lib/forms/validated-action";
import { formatUsd, parseUsd } from "@/lib/money";
import { getStripe, getStripeDouble } from "@/lib/payments/stripe-client";
import { requireId } from "@/lib/validation";
import { revalidateCampaignPages } from "../../../revalidate-public";

/** Real Stripe sends its webhooks by itself; the offline double sends them when asked. */
async function deliverOffline(): Promise<void> {
  await (await getStripeDouble())?.deliver({});
}

const refund = z.object({
  amount: z.string().default(""),
  reason: z.string().default(""),
  confirm: z.literal("on", { error: "Tick to confirm the refund: it goes to the donor's card and cannot be undone." }),
});

export const refundGiftAction = validatedAction(refund, async (f, { me, db }, donationId: string) => {
  const amountCents = parseUsd(f.amount, { allowZero: false, field: "refund amount" });
  const r = await refundGift(db, getStripe(), me, {
    donationId: requireId(donationId, "gift"),
    amountCents,
    reason: f.reason,
  });
  await deliverOffline();
  revalidatePath(`/treasury/gifts/${donationId}`);
  return ok(
    `Refund of ${formatUsd(amountCents)} sent to Stripe (${r.refundId}). The books record it when Stripe confirms it.`,
  );
});

export const resolvePurposeFailureAction = validatedAction(anyFields, async (_f, { me, db }, campaignId: string) => {
  const r = await resolvePurposeFailure(db, getStripe(), me, requireId(campaignId, "campaign"));
  await deliverOffline();
  revalidatePath("/treasury/gifts");
  revalidateCampaignPages();
  return ok(
    `${formatUsd(r.redirectedCents)} moved to the general pool; ${r.refundsRequested} refund(s) of ${formatUsd(r.refundCents)} sent to Stripe; ${r.subscriptionsCancelled} monthly gift(s) stopped.`,
  );
});
