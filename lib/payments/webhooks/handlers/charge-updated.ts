import type Stripe from "stripe";
import { idOf, type EventOutcome, type HandlerContext } from "../context";
import { syncPaymentIntent } from "../sync-payment-intent";

/** The balance transaction (and so the real fee) appears here; a full sync books it. */
export async function handleChargeUpdated(
  ctx: HandlerContext,
  event: Stripe.ChargeUpdatedEvent,
): Promise<EventOutcome> {
  const pi = idOf(event.data.object.payment_intent);
  return pi ? syncPaymentIntent(ctx, pi) : "ignored";
}
