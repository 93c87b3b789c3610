/**
 * One Stripe event, in one database transaction: claim its id, apply it,
 * record the outcome. A handler that throws rolls everything back, including
 * the claim, so Stripe's redelivery tries again.
 */
import type Stripe from "stripe";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stripeEvents } from "@/db/schema";
import { getStripe } from "@/lib/payments/stripe-client";
import type { EventOutcome } from "./context";
import { handlerFor } from "./dispatch";

export type ProcessOutcome = EventOutcome | "duplicate";

/**
 * Arbitrary constant. Every money event posts to the `stripe` account, whose row
 * lock serialises them anyway; taking one lock first also makes each handler's
 * reads (balances, existing entries) consistent with its writes.
 */
const WEBHOOK_LOCK = 7_310_442_902;

export async function processStripeEvent(db: Db, event: Stripe.Event, stripe: Stripe = getStripe()): Promise<ProcessOutcome> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${WEBHOOK_LOCK})`);
    const claimed = await tx
      .insert(stripeEvents)
      .values({ id: event.id, type: event.type, stripeCreatedAt: new Date(event.created * 1000), outcome: "processing" })
      .onConflictDoNothing({ target: stripeEvents.id })
      .returning({ id: stripeEvents.id });
    if (!claimed.length) return "duplicate";
    const handler = handlerFor(event.type);
    const outcome: EventOutcome = handler ? await handler({ tx, stripe }, event) : "ignored";
    await tx.update(stripeEvents).set({ outcome }).where(eq(stripeEvents.id, event.id));
    return outcome;
  });
}
