import type Stripe from "stripe";
import { idOf, type EventOutcome, type HandlerContext } from "../context";
import { syncPaymentIntent } from "../sync-payment-intent";

type DisputeEvent =
  | Stripe.ChargeDisputeCreatedEvent
  | Stripe.ChargeDisputeFundsWithdrawnEvent
  | Stripe.ChargeDisputeFundsReinstatedEvent
  | Stripe.ChargeDisputeClosedEvent
  | Stripe.ChargeDisputeUpdatedEvent;

/**
 * Every dispute event re-reads the dispute (through the payment's sync), so a
 * `closed` that arrives before `funds_withdrawn` still books the withdrawal.
 */
export async function handleChargeDisputeChanged(ctx: HandlerContext, event: DisputeEvent): Promise<EventOutcome> {
  const dispute = event.data.object;
  let pi = idOf(dispute.payment_intent);
  if (!pi) pi = idOf((await ctx.stripe.charges.retrieve(idOf(dispute.charge)!)).payment_intent);
  return pi ? syncPaymentIntent(ctx, pi) : "ignored";
}
