import type Stripe from "stripe";
import { z } from "zod";
import { failBankGift } from "../bank-debit";
import { idOf, type EventOutcome, type HandlerContext } from "../context";

/**
 * The bank debit bounced: the gift failed and its donor is told. Nothing was
 * booked while it was processing, so there is nothing to reverse. Stripe's
 * PaymentIntent is checked first: a stale or forged event cannot fail a gift.
 */
export async function handleAsyncPaymentFailed(
  ctx: HandlerContext,
  event: Stripe.CheckoutSessionAsyncPaymentFailedEvent,
): Promise<EventOutcome> {
  const session = event.data.object;
  const id = z.uuid().safeParse(session.metadata?.["donation_id"] ?? session.client_reference_id);
  const piId = idOf(session.payment_intent);
  if (!id.success || !piId) return "ignored";
  const pi = await ctx.stripe.paymentIntents.retrieve(piId);
  if (pi.status === "succeeded" || pi.status === "processing") return "processed";
  await failBankGift(ctx.tx, id.data, pi.id, new Date(event.created * 1000));
  return "processed";
}
