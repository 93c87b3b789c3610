/**
 * Helpers for the offline Stripe pages under /dev. They exist only while the
 * test double is active and never in production (APP_ENV=production): callers
 * get null and answer 404.
 */
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, donations, outboxMessages, recurringGifts } from "@/db/schema";
import { appEnv, env } from "@/lib/env";
import { getStripeDouble } from "@/lib/payments/stripe-client";
import type { DeliveryResult, StripeDouble } from "@/stripe-double";

export async function devDouble(): Promise<StripeDouble | null> {
  return appEnv(env()) === "production" ? null : getStripeDouble();
}

/** "3 events delivered" or the failures, for a one-line notice after an action. */
export function summarize(results: DeliveryResult[]): string {
  const failed = results.filter((r) => !r.ok);
  if (!failed.length) return `${results.length} event(s) delivered to the webhook.`;
  const first = failed[0]!;
  return `${results.length - failed.length} delivered, ${failed.length} failed (first: ${first.type} → ${first.status ?? first.error}); failed events stay queued.`;
}

/** The double's PaymentIntent for our donation: found by metadata, so the console works before the webhook has stored any Stripe ids. */
export function paymentIntentFor(double: StripeDouble, donationId: string): string | null {
  return (
    double.store
      .all("payment_intent")
      .find((pi) => pi.metadata?.donation_id === donationId && pi.status === "succeeded")?.id ?? null
  );
}

/** The double's bank debit for our donation that is still processing (submitted, not yet settled or failed). */
export function processingDebitFor(double: StripeDouble, donationId: string): string | null {
  return double.processingBankDebits().find((pi) => pi.metadata?.donation_id === donationId)?.id ?? null;
}

export function subscriptionFor(double: StripeDouble, giftId: string): string | null {
  return double.store.all("subscription").find((s) => s.metadata?.recurring_gift_id === giftId)?.id ?? null;
}

export async function recentDonations(db: Db, limit = 25) {
  return db
    .select({
      id: donations.id,
      alias: campaigns.alias,
      amountCents: donations.amountCents,
      refundedCents: donations.refundedCents,
      status: donations.status,
      frequency: donations.frequency,
      paymentMethod: donations.paymentMethod,
      createdAt: donations.createdAt,
    })
    .from(donations)
    .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
    .orderBy(desc(donations.createdAt))
    .limit(limit);
}

export async function recentRecurringGifts(db: Db, limit = 10) {
  return db
    .select({
      id: recurringGifts.id,
      alias: campaigns.alias,
      amountCents: recurringGifts.amountCents,
      status: recurringGifts.status,
      createdAt: recurringGifts.createdAt,
    })
    .from(recurringGifts)
    .innerJoin(campaigns, eq(campaigns.id, recurringGifts.campaignId))
    .orderBy(desc(recurringGifts.createdAt))
    .limit(limit);
}

export async function recentOutbox(db: Db, limit = 50) {
  return db.select().from(outboxMessages).orderBy(desc(outboxMessages.createdAt)).limit(limit);
}
