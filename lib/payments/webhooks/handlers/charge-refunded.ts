import type Stripe from "stripe";
import { idOf, type EventOutcome, type HandlerContext } from "../context";
import { syncPaymentIntent } from "../sync-payment-intent";

export async function handleChargeRefunded(
  ctx: HandlerContext,
  event: Stripe.ChargeRefundedEvent,
): Promise<EventOutcome> {
  const pi = idOf(event.data.object.payment_intent);
  return pi ? syncPaymentIntent(ctx, pi) : "ignored";
}
