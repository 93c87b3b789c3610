import type Stripe from "stripe";
import type { EventOutcome, HandlerContext } from "../context";
import { syncPayout } from "../sync-payout";

/** payout.paid, payout.failed and payout.canceled: the payout's current status decides. */
export async function handlePayoutChanged(
  ctx: HandlerContext,
  event: Stripe.PayoutPaidEvent | Stripe.PayoutFailedEvent | Stripe.PayoutCanceledEvent,
): Promise<EventOutcome> {
  return syncPayout(ctx, event.data.object.id);
}
