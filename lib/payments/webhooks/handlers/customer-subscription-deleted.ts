import type Stripe from "stripe";
import { and, eq, ne, or } from "drizzle-orm";
import { z } from "zod";
import { recurringGifts } from "@/db/schema";
import type { EventOutcome, HandlerContext } from "../context";

/** The monthly gift ended (donor, fund or Stripe's dunning). Matched by subscription id or, if checkout was not processed yet, by metadata. */
export async function handleSubscriptionDeleted(
  ctx: HandlerContext,
  event: Stripe.CustomerSubscriptionDeletedEvent,
): Promise<EventOutcome> {
  const sub = await ctx.stripe.subscriptions.retrieve(event.data.object.id);
  if (sub.status !== "canceled") return "processed";
  const giftId = z.uuid().safeParse(sub.metadata?.["recurring_gift_id"]);
  const match = giftId.success
    ? or(eq(recurringGifts.subscriptionId, sub.id), eq(recurringGifts.id, giftId.data))
    : eq(recurringGifts.subscriptionId, sub.id);
  const endedAt = new Date((sub.ended_at ?? sub.canceled_at ?? event.created) * 1000);
  const rows = await ctx.tx
    .update(recurringGifts)
    .set({ status: "cancelled", cancelledAt: endedAt })
    .where(and(match, ne(recurringGifts.status, "cancelled")))
    .returning({ id: recurringGifts.id });
  if (!rows.length) {
    const [known] = await ctx.tx.select({ id: recurringGifts.id }).from(recurringGifts).where(match);
    if (!known) return "ignored";
  }
  return "processed";
}
