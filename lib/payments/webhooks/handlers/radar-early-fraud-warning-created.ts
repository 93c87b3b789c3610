import type Stripe from "stripe";
import { log } from "@/lib/log";
import { idOf, type EventOutcome, type HandlerContext } from "../context";

/**
 * Recorded and logged only: a treasurer may refund before a chargeback (which
 * costs a dispute fee), but that is a human decision, not an automatic one.
 */
export async function handleEarlyFraudWarning(
  _ctx: HandlerContext,
  event: Stripe.RadarEarlyFraudWarningCreatedEvent,
): Promise<EventOutcome> {
  const w = event.data.object;
  log.warn(
    { earlyFraudWarning: w.id, charge: idOf(w.charge), paymentIntent: idOf(w.payment_intent) },
    "Stripe early fraud warning",
  );
  return "processed";
}
