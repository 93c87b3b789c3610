/**
 * One Stripe event, in one database transaction: claim its id, apply it,
 * record the outcome. A handler that throws rolls everything back, including
 * the claim, so Stripe's redelivery tries again.
 *
 * Two fast paths keep work that cannot touch money out of the serialised
 * section (under load about half of all deliveries): a redelivery of an event
 * already recorded, and an event type we do not handle. Neither changes what
 * is recorded: a row in stripe_events is only ever committed with its final
 * outcome, and an unhandled type is recorded as ignored either way.
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
  const row = { id: event.id, type: event.type, stripeCreatedAt: new Date(event.created * 1000) };
  // Redelivery of a recorded event: one indexed read, no lock, no transaction.
  // (A delivery still being processed elsewhere is not visible yet; the claim below waits for it.)
  const [seen] = await db.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, event.id));
  if (seen) return "duplicate";
  const handler = handlerFor(event.type);
  if (!handler) {
    // Nothing to apply: record it as ignored in one statement.
    const claimed = await db.insert(stripeEvents).values({ ...row, outcome: "ignored" }).onConflictDoNothing({ target: stripeEvents.id }).returning({ id: stripeEvents.id });
    return claimed.length ? "ignored" : "duplicate";
  }
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${WEBHOOK_LOCK})`);
    const claimed = await tx
      .insert(stripeEvents)
      .values({ ...row, outcome: "processing" })
      .onConflictDoNothing({ target: stripeEvents.id })
      .returning({ id: stripeEvents.id });
    if (!claimed.length) return "duplicate";
    const outcome: EventOutcome = await handler({ tx, stripe }, event);
    await tx.update(stripeEvents).set({ outcome }).where(eq(stripeEvents.id, event.id));
    return outcome;
  });
}
