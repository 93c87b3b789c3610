import type Stripe from "stripe";
import { idOf, type EventOutcome, type HandlerContext } from "../context";
import { syncPaymentIntent } from "../sync-payment-intent";

/** refund.created, refund.updated and refund.failed: all converge through the payment's full sync. */
export async function handleRefundChanged(
  ctx: HandlerContext,
  event: Stripe.RefundCreatedEvent | Stripe.RefundUpdatedEvent | Stripe.RefundFailedEvent,
): Promise<EventOutcome> {
  const refund = event.data.object;
  let pi = idOf(refund.payment_intent);
  if (!pi && refund.charge) pi = idOf((await ctx.stripe.charges.retrieve(idOf(refund.charge)!)).payment_intent);
  return pi ? syncPaymentIntent(ctx, pi) : "ignored";
}
