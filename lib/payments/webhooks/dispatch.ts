/** Event type → handler. Types not listed are recorded as ignored. */
import type Stripe from "stripe";
import type { EventHandler } from "./context";
import { handleChargeDisputeChanged } from "./handlers/charge-dispute-changed";
import { handleChargeRefunded } from "./handlers/charge-refunded";
import { handleChargeUpdated } from "./handlers/charge-updated";
import { handleAsyncPaymentFailed } from "./handlers/checkout-session-async-payment-failed";
import { handleAsyncPaymentSucceeded } from "./handlers/checkout-session-async-payment-succeeded";
import { handleCheckoutSessionCompleted } from "./handlers/checkout-session-completed";
import { handleCheckoutSessionExpired } from "./handlers/checkout-session-expired";
import { handleSubscriptionDeleted } from "./handlers/customer-subscription-deleted";
import { handleInvoicePaid } from "./handlers/invoice-paid";
import { handleInvoicePaymentFailed } from "./handlers/invoice-payment-failed";
import { handlePaymentIntentChanged } from "./handlers/payment-intent-changed";
import { handlePayoutChanged } from "./handlers/payout-changed";
import { handleEarlyFraudWarning } from "./handlers/radar-early-fraud-warning-created";
import { handleRefundChanged } from "./handlers/refund-changed";

type HandlerFor<T extends Stripe.Event["type"]> = (
  ctx: Parameters<EventHandler>[0],
  event: Extract<Stripe.Event, { type: T }>,
) => Promise<Awaited<ReturnType<EventHandler>>>;
type HandlerMap = { [T in Stripe.Event["type"]]?: HandlerFor<T> };

const HANDLERS: HandlerMap = {
  "checkout.session.completed": handleCheckoutSessionCompleted,
  "checkout.session.async_payment_succeeded": handleAsyncPaymentSucceeded,
  "checkout.session.async_payment_failed": handleAsyncPaymentFailed,
  "checkout.session.expired": handleCheckoutSessionExpired,
  "payment_intent.succeeded": handlePaymentIntentChanged,
  "payment_intent.payment_failed": handlePaymentIntentChanged,
  "charge.updated": handleChargeUpdated,
  "charge.refunded": handleChargeRefunded,
  "refund.created": handleRefundChanged,
  "refund.updated": handleRefundChanged,
  "refund.failed": handleRefundChanged,
  "charge.dispute.created": handleChargeDisputeChanged,
  "charge.dispute.updated": handleChargeDisputeChanged,
  "charge.dispute.funds_withdrawn": handleChargeDisputeChanged,
  "charge.dispute.funds_reinstated": handleChargeDisputeChanged,
  "charge.dispute.closed": handleChargeDisputeChanged,
  "invoice.paid": handleInvoicePaid,
  "invoice.payment_failed": handleInvoicePaymentFailed,
  "customer.subscription.deleted": handleSubscriptionDeleted,
  "payout.paid": handlePayoutChanged,
  "payout.failed": handlePayoutChanged,
  "payout.canceled": handlePayoutChanged,
  "radar.early_fraud_warning.created": handleEarlyFraudWarning,
};

export function handlerFor(type: string): EventHandler | undefined {
  // The map is keyed by type, so the handler found always matches the event it gets.
  return (HANDLERS as Record<string, EventHandler | undefined>)[type];
}
