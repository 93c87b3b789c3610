import type Stripe from "stripe";

export interface CheckoutSessionInput {
  id: string;
  created: number;
  expiresAt: number;
  mode: "payment" | "subscription";
  amountTotal: number;
  url: string;
  successUrl: string | null;
  cancelUrl: string | null;
  clientReferenceId: string | null;
  customerEmail: string | null;
  metadata: Stripe.Metadata;
  submitType: Stripe.Checkout.Session.SubmitType | null;
  /** `allowed_payment_method_types` as asked; null lets Checkout offer every method the account has on. */
  allowedPaymentMethodTypes: string[] | null;
  billingAddressCollection?: Stripe.Checkout.Session.BillingAddressCollection | null;
}

/** A freshly created hosted Checkout Session, as `POST /v1/checkout/sessions` returns it. */
export function buildCheckoutSession(i: CheckoutSessionInput): Stripe.Checkout.Session {
  return {
    id: i.id,
    object: "checkout.session",
    adaptive_pricing: { enabled: false },
    after_expiration: null,
    allow_promotion_codes: null,
    allowed_payment_method_types: i.allowedPaymentMethodTypes,
    amount_subtotal: i.amountTotal,
    amount_total: i.amountTotal,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: i.billingAddressCollection ?? null,
    cancel_url: i.cancelUrl,
    client_reference_id: i.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: i.created,
    currency: "usd",
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: null,
    customer_account: null,
    customer_creation: i.mode === "payment" ? "if_required" : "always",
    customer_details: null,
    customer_email: i.customerEmail,
    discounts: [],
    expires_at: i.expiresAt,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: null,
    managed_payments: null,
    metadata: i.metadata,
    mode: i.mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: i.mode === "subscription" ? "always" : null,
    payment_method_configuration_details: null,
    payment_method_options: {},
    // The double's account has cards and US bank accounts on; bank debit is for one-time payments here.
    payment_method_types:
      i.allowedPaymentMethodTypes ?? (i.mode === "payment" ? ["card", "us_bank_account"] : ["card"]),
    payment_status: "unpaid",
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: i.submitType,
    subscription: null,
    success_url: i.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted_page",
    url: i.url,
    wallet_options: null,
  };
}
