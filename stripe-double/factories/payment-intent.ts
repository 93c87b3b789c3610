import type Stripe from "stripe";

export interface PaymentIntentInput {
  id: string;
  created: number;
  amount: number;
  metadata: Stripe.Metadata;
  description: string | null;
  customer: string | null;
  paymentMethodType: "card" | "us_bank_account";
}

/** A PaymentIntent as Checkout creates it when the donor submits the page. */
export function buildPaymentIntent(i: PaymentIntentInput): Stripe.PaymentIntent {
  return {
    id: i.id,
    object: "payment_intent",
    allowed_payment_method_types: null,
    amount: i.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic",
    client_secret: `${i.id}_secret_double`,
    confirmation_method: "automatic",
    created: i.created,
    currency: "usd",
    customer: i.customer,
    customer_account: null,
    description: i.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: i.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: [i.paymentMethodType],
    payment_record: null,
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: "requires_payment_method",
    transfer_group: null,
  };
}
