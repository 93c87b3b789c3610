import type Stripe from "stripe";
import type { DoubleCore } from "./core";
import { buildMonthlyPrice } from "./factories/price";
import { buildSubscription } from "./factories/subscription";
import { planFromPrice } from "./factories/price";
import { openInvoice, payInvoice, type NewSubscription } from "./invoices";

const MONTH = 30 * 86400; // the double's months are 30 days; good enough for renewal tests

/** What Checkout does on a successful subscription-mode session: subscription, first invoice, paid. */
export function startSubscription(
  core: DoubleCore,
  n: NewSubscription,
): { sub: Stripe.Subscription; invoice: Stripe.Invoice } {
  const now = core.now();
  const price = buildMonthlyPrice({
    id: core.id("price_"),
    product: core.id("prod_"),
    created: now,
    unitAmount: n.unitAmount,
  });
  const subId = core.id("sub_");
  const invoice = openInvoice(core, subId, core.id("si_"), n, price, "subscription_create", now, now + MONTH);
  const sub = buildSubscription({
    id: subId,
    itemId: String(invoice.lines.data[0]?.parent?.subscription_item_details?.subscription_item),
    created: now,
    customer: n.customer,
    price,
    metadata: n.metadata,
    latestInvoice: invoice.id,
    periodStart: now,
    periodEnd: now + MONTH,
  });
  core.store.put("subscription", sub);
  core.emit("customer.subscription.created", sub);
  payInvoice(core, invoice, n, true);
  return { sub: core.must("subscription", sub.id), invoice: core.must("invoice", invoice.id) };
}

/** A monthly renewal: a new invoice for the next period, paid (or declined) at once. */
export function renewSubscription(core: DoubleCore, subId: string, opts: { fail?: boolean } = {}): Stripe.Invoice {
  const sub = core.must("subscription", subId);
  if (sub.status === "canceled") throw new Error(`StripeDouble: subscription ${subId} is canceled`);
  const item = sub.items.data[0];
  if (!item) throw new Error(`StripeDouble: subscription ${subId} has no items`);
  const start = item.current_period_end;
  const end = start + MONTH;
  const n: NewSubscription = {
    customer: String(sub.customer),
    email: null,
    unitAmount: item.price.unit_amount ?? 0,
    metadata: sub.metadata,
  };
  const invoice = openInvoice(core, sub.id, item.id, n, item.price, "subscription_cycle", start, end);
  Object.assign(item, { current_period_start: start, current_period_end: end });
  const previousInvoice = sub.latest_invoice;
  sub.latest_invoice = invoice.id;
  if (opts.fail) sub.status = "past_due";
  core.store.put("subscription", sub);
  core.emit("customer.subscription.updated", sub, undefined, { latest_invoice: previousInvoice });
  payInvoice(core, invoice, n, !opts.fail);
  return core.must("invoice", invoice.id);
}

export function cancelSubscription(
  core: DoubleCore,
  subId: string,
  ctx = { requestId: null as string | null, idempotencyKey: null as string | null },
): Stripe.Subscription {
  const sub = core.must("subscription", subId);
  if (sub.status === "canceled") return sub;
  const now = core.now();
  Object.assign(sub, { status: "canceled", canceled_at: now, ended_at: now });
  sub.cancellation_details = { comment: null, feedback: null, feedback_option: null, reason: "cancellation_requested" };
  core.store.put("subscription", sub);
  core.emit("customer.subscription.deleted", sub, ctx);
  return sub;
}

export interface SubscriptionChange {
  /** A new monthly amount (Stripe: `items[0][price_data][unit_amount]`); takes effect from the next invoice. */
  unitAmount?: number;
  /** The card future invoices are charged to (what the customer portal changes). */
  defaultPaymentMethod?: string;
}

/**
 * `POST /v1/subscriptions/:id` and the portal's changes: the subscription changes in
 * place and Stripe sends `customer.subscription.updated` with what it was before.
 * With `proration_behavior: none` (what OpenBond asks), the next invoice is simply
 * the new amount.
 */
export function updateSubscription(
  core: DoubleCore,
  subId: string,
  change: SubscriptionChange,
  ctx = { requestId: null as string | null, idempotencyKey: null as string | null },
): Stripe.Subscription {
  const sub = core.must("subscription", subId);
  if (sub.status === "canceled") throw new Error(`StripeDouble: subscription ${subId} is canceled`);
  const item = sub.items.data[0];
  if (!item) throw new Error(`StripeDouble: subscription ${subId} has no items`);
  const previous: Record<string, unknown> = {};
  if (change.unitAmount !== undefined && change.unitAmount !== item.price.unit_amount) {
    previous.items = JSON.parse(JSON.stringify(sub.items)) as unknown;
    const price = buildMonthlyPrice({
      id: core.id("price_"),
      product: typeof item.price.product === "string" ? item.price.product : item.price.product.id,
      created: core.now(),
      unitAmount: change.unitAmount,
    });
    Object.assign(item, { price, plan: planFromPrice(price) });
  }
  if (change.defaultPaymentMethod !== undefined && change.defaultPaymentMethod !== sub.default_payment_method) {
    previous.default_payment_method = sub.default_payment_method;
    sub.default_payment_method = change.defaultPaymentMethod;
  }
  if (!Object.keys(previous).length) return sub;
  core.store.put("subscription", sub);
  core.emit("customer.subscription.updated", sub, ctx, previous);
  return sub;
}
