import type Stripe from "stripe";
import { planFromPrice } from "./price";

export interface SubscriptionInput {
  id: string;
  itemId: string;
  created: number;
  customer: string;
  price: Stripe.Price;
  metadata: Stripe.Metadata;
  latestInvoice: string;
  periodStart: number;
  periodEnd: number;
}

/** An active monthly subscription as Checkout leaves it after the first payment. */
export function buildSubscription(i: SubscriptionInput): Stripe.Subscription {
  const item: Stripe.SubscriptionItem = {
    id: i.itemId,
    object: "subscription_item",
    billing_thresholds: null,
    created: i.created,
    current_period_end: i.periodEnd,
    current_period_start: i.periodStart,
    current_trial: null,
    discounts: [],
    metadata: {},
    plan: planFromPrice(i.price),
    price: i.price,
    quantity: 1,
    subscription: i.id,
    tax_rates: [],
  };
  return {
    id: i.id,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: i.created,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: "flexible", updated_at: i.created },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: "charge_automatically",
    created: i.created,
    currency: "usd",
    customer: i.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: null,
    default_source: null,
    description: null,
    discounts: [],
    ended_at: null,
    invoice_settings: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: { type: "self" },
    },
    items: { object: "list", data: [item], has_more: false, url: `/v1/subscription_items?subscription=${i.id}` },
    latest_invoice: i.latestInvoice,
    livemode: false,
    managed_payments: null,
    metadata: i.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: "off" },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: i.created,
    status: "active",
    test_clock: null,
    transfer_data: null,
    trial_end: null,
    trial_settings: { end_behavior: { billing_cycle_anchor: null, missing_payment_method: "create_invoice" } },
    trial_start: null,
  };
}
