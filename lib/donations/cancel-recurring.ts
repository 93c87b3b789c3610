/**
 * Stopping a monthly gift from the receipt link. The link's token is checked
 * against its stored sha256 in constant time; Stripe is asked to cancel, and the
 * answer is recorded at once (forward only), so reopening the link shows it stopped;
 * the webhook (customer.subscription.deleted) records the same change again, idempotently.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { campaigns, recurringGifts } from "@/db/schema";

export interface RecurringGiftView {
  id: string;
  /** The monthly charge, fee cover included. */
  amountCents: number;
  coverFeeCents: number;
  alias: string;
  status: "pending" | "active" | "cancelled";
  hasSubscription: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function tokenMatches(token: string, hash: string): boolean {
  const a = createHash("sha256").update(token).digest();
  const b = Buffer.from(hash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may act on a monthly gift: the holder of its receipt link's token, or a donor's
 * self-service session for the address the gift was made with (lib/donor-portal/access.ts).
 */
export type RecurringAuth = string | undefined | { email: string };

/** The gift, or null when the id, token or owner is wrong (the page says so without telling which). */
export async function findRecurringGift(
  db: Db,
  id: string,
  auth: RecurringAuth,
): Promise<(RecurringGiftView & { subscriptionId: string | null }) | null> {
  if (!auth || !UUID.test(id)) return null;
  if (typeof auth === "string" && auth.length > 100) return null;
  const [g] = await db
    .select({
      id: recurringGifts.id,
      amountCents: recurringGifts.amountCents,
      coverFeeCents: recurringGifts.coverFeeCents,
      status: recurringGifts.status,
      subscriptionId: recurringGifts.subscriptionId,
      hash: recurringGifts.cancelTokenHash,
      email: recurringGifts.email,
      alias: campaigns.alias,
    })
    .from(recurringGifts)
    .innerJoin(campaigns, eq(campaigns.id, recurringGifts.campaignId))
    .where(eq(recurringGifts.id, id))
    .limit(1);
  if (!g) return null;
  const allowed =
    typeof auth === "string" ? tokenMatches(auth, g.hash) : g.email?.trim().toLowerCase() === auth.email.toLowerCase();
  if (!allowed) return null;
  return {
    id: g.id,
    amountCents: g.amountCents,
    coverFeeCents: g.coverFeeCents,
    alias: g.alias,
    status: g.status,
    subscriptionId: g.subscriptionId,
    hasSubscription: Boolean(g.subscriptionId),
  };
}

export type CancelOutcome = "invalid" | "not_started" | "already" | "cancelled";

export async function cancelRecurringGift(
  db: Db,
  stripe: Stripe,
  id: string,
  auth: RecurringAuth,
): Promise<CancelOutcome> {
  const g = await findRecurringGift(db, id, auth);
  if (!g) return "invalid";
  if (g.status === "cancelled") return "already";
  if (!g.subscriptionId) return "not_started";
  const sub = await stripe.subscriptions.retrieve(g.subscriptionId);
  const cancelled =
    sub.status === "canceled"
      ? sub
      : await stripe.subscriptions.cancel(g.subscriptionId, {}, { idempotencyKey: `cancel:${g.id}` });
  if (cancelled.status !== "canceled") return "not_started";
  await db
    .update(recurringGifts)
    .set({ status: "cancelled", cancelledAt: new Date((cancelled.canceled_at ?? Date.now() / 1000) * 1000) })
    .where(and(eq(recurringGifts.id, g.id), ne(recurringGifts.status, "cancelled")));
  return "cancelled";
}
