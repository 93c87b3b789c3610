/**
 * When a campaign loses its purpose before the bond is paid (deported, released
 * without bond, bond cancelled, family paid, death), each gift goes where its
 * donor said: to the general pool if they agreed at donation time, otherwise
 * back to them through Stripe. Safe to run again: Stripe refunds carry
 * idempotency keys, the reallocation has one, and the webhooks book each refund
 * once. Donors are refunded in full; the card fees Stripe keeps fall on the general pool.
 */
import { and, eq, inArray } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { campaigns, donations, recurringGifts } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { campaignAccount, getBalance, postEntry } from "@/lib/ledger";
import { reallocationEntry } from "@/lib/ledger/entries";

export interface PurposeFailureSummary {
  redirectedCents: number;
  refundsRequested: number;
  refundCents: number;
  subscriptionsCancelled: number;
}

export async function resolvePurposeFailure(
  db: Db,
  stripe: Stripe,
  actor: Principal | null,
  campaignId: string,
): Promise<PurposeFailureSummary> {
  const me = requireRole(actor, "treasurer");
  const [c] = await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaignId));
  if (!c) throw new AppError("not_found", `Campaign ${campaignId} does not exist.`);
  if (c.status !== "cancelled")
    throw new AppError(
      "conflict",
      `Campaign ${campaignId} is ${c.status.replace("_", " ")}; only a cancelled campaign's gifts are redirected or refunded.`,
    );
  const gifts = await db
    .select()
    .from(donations)
    .where(and(eq(donations.campaignId, campaignId), inArray(donations.status, ["succeeded", "partially_refunded"])));
  if (gifts.some((g) => g.feeCents === null)) {
    throw new AppError("conflict", "Stripe has not yet reported the fee on every gift; try again in a few minutes.");
  }
  const consenting = gifts.filter((g) => g.redirectConsent);
  // What the consenting gifts still hold in the fund: gross less refunds less the fee it bore.
  const redirect = consenting.reduce((s, g) => s + Math.max(0, g.amountCents - g.refundedCents - (g.feeCents ?? 0)), 0);
  const redirectedCents = Math.min(redirect, await getBalance(db, campaignAccount(campaignId)));
  if (redirectedCents > 0) {
    const meta = {
      idempotencyKey: `purpose-failure:${campaignId}:redirect`,
      campaignId,
      memo: "Campaign cancelled before the bond was paid: consenting donors' gifts go to the general pool",
    };
    await postEntry(db, reallocationEntry(meta, redirectedCents));
  }
  let refundsRequested = 0;
  let refundCents = 0;
  for (const g of gifts.filter((x) => !x.redirectConsent && x.paymentIntentId)) {
    const remaining = g.amountCents - g.refundedCents;
    if (remaining <= 0) continue;
    await stripe.refunds.create(
      {
        payment_intent: g.paymentIntentId!,
        amount: remaining,
        reason: "requested_by_customer",
        metadata: { donation_id: g.id, campaign_id: campaignId, cause: "purpose_failure" },
      },
      { idempotencyKey: `purpose-failure:${g.id}:${remaining}` },
    );
    refundsRequested++;
    refundCents += remaining;
  }
  let subscriptionsCancelled = 0;
  for (const r of await db
    .select()
    .from(recurringGifts)
    .where(and(eq(recurringGifts.campaignId, campaignId), eq(recurringGifts.status, "active")))) {
    if (!r.subscriptionId) continue;
    await stripe.subscriptions.cancel(r.subscriptionId, {}, { idempotencyKey: `purpose-failure:${r.id}` });
    subscriptionsCancelled++;
  }
  await audit(db, {
    actorUserId: me.userId,
    action: "campaign.purpose_failure_resolved",
    subjectType: "campaign",
    subjectId: campaignId,
    details: { redirectedCents, refundsRequested, refundCents },
  });
  return { redirectedCents, refundsRequested, refundCents, subscriptionsCancelled };
}
