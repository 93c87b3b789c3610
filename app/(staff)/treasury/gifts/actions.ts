"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { resolvePurposeFailure } from "@/lib/campaigns/purpose-failure";
import { refundGift } from "@/lib/donations/treasurer-refund";
import { isAppError, publicMessage } from "@/lib/errors";
import { formatUsd, parseUsd } from "@/lib/money";
import { requireId } from "@/lib/validation";
import { getStripe } from "@/lib/payments/stripe-client";
import type { FormState } from "@/lib/forms/treasury-form-state";
import { revalidateCampaignPages } from "../../../revalidate-public";

export async function refundGiftAction(donationId: string, _prev: FormState, data: FormData): Promise<FormState> {
  const me = await currentPrincipal();
  if (!me) redirect("/sign-in");
  const values = { amount: String(data.get("amount") ?? ""), reason: String(data.get("reason") ?? "") };
  try {
    const amountCents = parseUsd(values.amount, { allowZero: false, field: "refund amount" });
    const r = await refundGift(await getDb(), getStripe(), me, {
      donationId: requireId(donationId, "gift"),
      amountCents,
      reason: values.reason,
    });
    revalidatePath(`/treasury/gifts/${donationId}`);
    return {
      ok: `Refund of ${formatUsd(amountCents)} sent to Stripe (${r.refundId}). The books record it when Stripe confirms it.`,
    };
  } catch (e) {
    return {
      error: publicMessage(e),
      fieldErrors: isAppError(e) ? (e.details?.fieldErrors as Record<string, string> | undefined) : undefined,
      values,
    };
  }
}

export async function resolvePurposeFailureAction(campaignId: string, _prev: FormState): Promise<FormState> {
  const me = await currentPrincipal();
  if (!me) redirect("/sign-in");
  try {
    const r = await resolvePurposeFailure(await getDb(), getStripe(), me, requireId(campaignId, "campaign"));
    revalidatePath("/treasury/gifts");
    revalidateCampaignPages();
    return {
      ok: `${formatUsd(r.redirectedCents)} moved to the general pool; ${r.refundsRequested} refund(s) of ${formatUsd(r.refundCents)} sent to Stripe; ${r.subscriptionsCancelled} monthly gift(s) stopped.`,
    };
  } catch (e) {
    return { error: publicMessage(e) };
  }
}
