import type Stripe from "stripe";
import { z } from "zod";
import { failBankGift } from "../bank-debit";
import type { EventOutcome, HandlerContext } from "../context";
import { syncPaymentIntent } from "../sync-payment-intent";

/**
 * payment_intent.succeeded / payment_intent.payment_failed: the same answer as
 * Checkout's async_payment_* events, by another route (either may come first,
 * or alone). Success converges through syncPaymentIntent. A failure fails the
 * gift only for a bank debit (one-time gifts: monthly gifts are card only) that Stripe says has failed: a declined card in
 * Checkout leaves the session open for another card.
 */
export async function handlePaymentIntentChanged(
  ctx: HandlerContext,
  event: Stripe.PaymentIntentSucceededEvent | Stripe.PaymentIntentPaymentFailedEvent,
): Promise<EventOutcome> {
  const piId = event.data.object.id;
  // Cards converge through checkout.session.completed and invoices; these events matter for bank debits only.
  if (!event.data.object.payment_method_types.includes("us_bank_account")) return "ignored";
  if (event.type === "payment_intent.succeeded") return syncPaymentIntent(ctx, piId);
  const pi = await ctx.stripe.paymentIntents.retrieve(piId, { expand: ["latest_charge"] });
  const charge = typeof pi.latest_charge === "object" ? pi.latest_charge : null;
  const id = z.uuid().safeParse(pi.metadata?.["donation_id"]);
  if (!id.success || !charge) return "ignored";
  if (charge.payment_method_details?.type !== "us_bank_account" || charge.status !== "failed") return "processed";
  if (pi.status === "succeeded" || pi.status === "processing") return "processed";
  await failBankGift(ctx.tx, id.data, pi.id, new Date(event.created * 1000));
  return "processed";
}
