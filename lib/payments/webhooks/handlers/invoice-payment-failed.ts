import type Stripe from "stripe";
import { log } from "@/lib/log";
import { idOf, type EventOutcome, type HandlerContext } from "../context";

/**
 * No money moved, so nothing is booked; Stripe retries the card on its own
 * schedule and cancels the subscription when it gives up (subscription.deleted).
 */
export async function handleInvoicePaymentFailed(
  _ctx: HandlerContext,
  event: Stripe.InvoicePaymentFailedEvent,
): Promise<EventOutcome> {
  const invoice = event.data.object;
  log.info(
    { invoice: invoice.id, subscription: idOf(invoice.parent?.subscription_details?.subscription) },
    "monthly gift payment failed",
  );
  return "processed";
}
