import Stripe from "stripe";

export interface PriceInput {
  id: string;
  product: string;
  created: number;
  unitAmount: number;
}

/** The monthly price Checkout creates inline from `price_data` (no Prices endpoint in the double). */
export function buildMonthlyPrice(i: PriceInput): Stripe.Price {
  return {
    id: i.id,
    object: "price",
    active: false,
    billing_scheme: "per_unit",
    created: i.created,
    currency: "usd",
    custom_unit_amount: null,
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product: i.product,
    recurring: { interval: "month", interval_count: 1, meter: null, trial_period_days: null, usage_type: "licensed" },
    tax_behavior: "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: "recurring",
    unit_amount: i.unitAmount,
    unit_amount_decimal: Stripe.Decimal.from(i.unitAmount),
  };
}

/** Legacy mirror of the price that Stripe still embeds in subscription items. */
export function planFromPrice(p: Stripe.Price): Stripe.Plan {
  return {
    id: p.id,
    object: "plan",
    active: p.active,
    amount: p.unit_amount,
    amount_decimal: p.unit_amount_decimal,
    billing_scheme: "per_unit",
    created: p.created,
    currency: p.currency,
    interval: "month",
    interval_count: 1,
    livemode: false,
    metadata: {},
    meter: null,
    nickname: null,
    product: p.product,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: "licensed",
  };
}
