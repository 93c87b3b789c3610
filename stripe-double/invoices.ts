/** The double's subscription invoices: opened for a period, then paid by card (or declined). */
import type Stripe from "stripe";
import type { DoubleCore } from "./core";
import { buildInvoice } from "./factories/invoice";
import { buildInvoicePayment } from "./factories/invoice-payment";
import { createPaymentIntent, decline, settle, succeedCard, type PaymentSpec } from "./payments";

export interface NewSubscription {
  customer: string;
  email: string | null;
  unitAmount: number;
  metadata: Stripe.Metadata;
}

/** A finalized invoice for one period of the subscription, with its `invoice.created` and `invoice.finalized`. */
export function openInvoice(
  core: DoubleCore,
  subId: string,
  itemId: string,
  n: NewSubscription,
  price: Stripe.Price,
  reason: "subscription_create" | "subscription_cycle",
  start: number,
  end: number,
): Stripe.Invoice {
  const invoice = buildInvoice({
    id: core.id("in_"),
    lineId: core.id("il_"),
    created: core.now(),
    customer: n.customer,
    customerEmail: n.email,
    subscription: subId,
    subscriptionItem: itemId,
    subscriptionMetadata: n.metadata,
    price,
    periodStart: start,
    periodEnd: end,
    billingReason: reason,
    number: `DBL-${String(core.store.all("invoice").length + 1).padStart(4, "0")}`,
  });
  core.store.put("invoice", invoice);
  core.emit("invoice.created", invoice);
  core.emit("invoice.finalized", invoice);
  return invoice;
}

/** Charge the invoice's PaymentIntent; on success `invoice.paid` then the fee via `charge.updated`. */
export function payInvoice(core: DoubleCore, invoice: Stripe.Invoice, n: NewSubscription, ok: boolean): void {
  const spec: PaymentSpec = {
    amount: invoice.amount_due,
    metadata: {},
    customer: n.customer,
    email: n.email,
    description: "Subscription creation",
    method: "card",
  };
  if (invoice.billing_reason === "subscription_cycle") spec.description = "Subscription update";
  const pi = createPaymentIntent(core, spec);
  const link = buildInvoicePayment({
    id: core.id("inpay_"),
    created: core.now(),
    invoice: invoice.id,
    paymentIntent: pi.id,
    amount: invoice.amount_due,
  });
  invoice.attempted = true;
  invoice.attempt_count += 1;
  if (!ok) {
    decline(core, pi, spec);
    core.store.put("invoice_payment", {
      ...link,
      status: "open",
      amount_paid: null,
      status_transitions: { canceled_at: null, paid_at: null },
    });
    invoice.next_payment_attempt = core.now() + 3 * 86400;
    core.store.put("invoice", invoice);
    core.emit("invoice.payment_failed", invoice);
    return;
  }
  const charge = succeedCard(core, pi, spec);
  core.store.put("invoice_payment", link);
  Object.assign(invoice, { status: "paid", amount_paid: invoice.amount_due, amount_remaining: 0 });
  invoice.status_transitions.paid_at = core.now();
  core.store.put("invoice", invoice);
  core.emit("invoice.paid", invoice);
  core.emit("invoice.payment_succeeded", invoice);
  core.emit("invoice_payment.paid", core.must("invoice_payment", link.id));
  settle(core, charge.id);
}
