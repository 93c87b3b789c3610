import Stripe from "stripe";

export interface InvoiceInput {
  id: string;
  lineId: string;
  created: number;
  customer: string;
  customerEmail: string | null;
  subscription: string;
  subscriptionItem: string;
  subscriptionMetadata: Stripe.Metadata;
  price: Stripe.Price;
  periodStart: number;
  periodEnd: number;
  billingReason: "subscription_create" | "subscription_cycle";
  number: string;
}

/**
 * A finalized, still-unpaid subscription invoice. Since API 2025-03-31 it has no
 * `payment_intent`/`charge`: payments are reached via `invoicePayments.list`.
 */
export function buildInvoice(i: InvoiceInput): Stripe.Invoice {
  const amount = i.price.unit_amount ?? 0;
  const line: Stripe.InvoiceLineItem = {
    id: i.lineId,
    object: "line_item",
    amount,
    currency: "usd",
    description: "1 × Monthly gift (at $" + (amount / 100).toFixed(2) + " / month)",
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: i.id,
    livemode: false,
    metadata: i.subscriptionMetadata,
    parent: {
      type: "subscription_item_details",
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: null,
        proration: false,
        proration_details: { credited_items: null },
        subscription: i.subscription,
        subscription_item: i.subscriptionItem,
      },
    },
    period: { start: i.periodStart, end: i.periodEnd },
    pretax_credit_amounts: [],
    pricing: {
      type: "price_details",
      price_details: { price: i.price.id, product: String(i.price.product) },
      unit_amount_decimal: Stripe.Decimal.from(amount),
    },
    quantity: 1,
    quantity_decimal: Stripe.Decimal.from(1),
    subscription: i.subscription,
    subtotal: amount,
    taxes: [],
  };
  return {
    id: i.id,
    object: "invoice",
    account_country: "US",
    account_name: "OpenBond Test Fund",
    account_tax_ids: null,
    amount_due: amount,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: amount,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: false,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: i.billingReason,
    collection_method: "charge_automatically",
    created: i.created,
    currency: "usd",
    custom_fields: null,
    customer: i.customer,
    customer_account: null,
    customer_address: null,
    customer_email: i.customerEmail,
    customer_name: null,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: "none",
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: i.created,
    ending_balance: 0,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: `https://invoice.stripe.com/i/double/${i.id}`,
    invoice_pdf: `https://pay.stripe.com/invoice/double/${i.id}/pdf`,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: "list", data: [line], has_more: false, url: `/v1/invoices/${i.id}/lines` },
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: i.number,
    on_behalf_of: null,
    parent: {
      type: "subscription_details",
      quote_details: null,
      subscription_details: { metadata: i.subscriptionMetadata, subscription: i.subscription },
    },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: i.periodStart,
    period_start: i.periodStart,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: "open",
    status_transitions: { finalized_at: i.created, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: amount,
    subtotal_excluding_tax: amount,
    test_clock: null,
    total: amount,
    total_discount_amounts: [],
    total_excluding_tax: amount,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: i.created,
  };
}
