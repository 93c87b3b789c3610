import type Stripe from "stripe";

/** The link Stripe keeps between an invoice and the PaymentIntent that paid it (API >= 2025-03-31). */
export function buildInvoicePayment(i: {
  id: string;
  created: number;
  invoice: string;
  paymentIntent: string;
  amount: number;
}): Stripe.InvoicePayment {
  return {
    id: i.id,
    object: "invoice_payment",
    amount_paid: i.amount,
    amount_requested: i.amount,
    created: i.created,
    currency: "usd",
    invoice: i.invoice,
    is_default: true,
    livemode: false,
    payment: { type: "payment_intent", payment_intent: i.paymentIntent },
    status: "paid",
    status_transitions: { canceled_at: null, paid_at: i.created },
  };
}
