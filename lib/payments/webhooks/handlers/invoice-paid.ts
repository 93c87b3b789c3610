import type Stripe from "stripe";
import { idOf, type EventOutcome, type HandlerContext } from "../context";
import { syncPaymentIntent } from "../sync-payment-intent";

/**
 * Each paid invoice of a monthly gift is one donation. Invoices carry no
 * payment_intent since API 2025-03-31; the invoice payments list links them.
 */
export async function handleInvoicePaid(ctx: HandlerContext, event: Stripe.InvoicePaidEvent): Promise<EventOutcome> {
  const invoiceId = event.data.object.id;
  if (!invoiceId) return "ignored";
  let outcome: EventOutcome = "ignored";
  for await (const payment of ctx.stripe.invoicePayments.list({ invoice: invoiceId, status: "paid", limit: 100 })) {
    const pi = payment.payment.type === "payment_intent" ? idOf(payment.payment.payment_intent) : null;
    if (pi && (await syncPaymentIntent(ctx, pi, invoiceId)) === "processed") outcome = "processed";
  }
  return outcome;
}
