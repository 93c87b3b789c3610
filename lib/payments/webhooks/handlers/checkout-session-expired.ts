import type Stripe from "stripe";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { donations, recurringGifts } from "@/db/schema";
import type { EventOutcome, HandlerContext } from "../context";

const uuid = z.uuid();

/** The donor never paid. Only pending rows move, so a late expiry cannot undo a gift. */
export async function handleCheckoutSessionExpired(
  ctx: HandlerContext,
  event: Stripe.CheckoutSessionExpiredEvent,
): Promise<EventOutcome> {
  const s = event.data.object;
  const donationId = uuid.safeParse(
    s.metadata?.["donation_id"] ?? (s.mode === "payment" ? s.client_reference_id : undefined),
  );
  if (donationId.success) {
    await ctx.tx
      .update(donations)
      .set({ status: "expired" })
      .where(and(eq(donations.id, donationId.data), eq(donations.status, "pending")));
    return "processed";
  }
  const giftId = uuid.safeParse(s.metadata?.["recurring_gift_id"] ?? s.client_reference_id);
  if (!giftId.success) return "ignored";
  // recurring_gifts has no "expired" state; a never-started monthly gift is closed as cancelled.
  await ctx.tx
    .update(recurringGifts)
    .set({ status: "cancelled", cancelledAt: new Date(event.created * 1000) })
    .where(and(eq(recurringGifts.id, giftId.data), eq(recurringGifts.status, "pending")));
  return "processed";
}
