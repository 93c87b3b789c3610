/**
 * The Stripe objects the double produces, keyed by their `object` value: the
 * roots scripts/stripe-schema.ts turns into JSON Schema from the installed SDK's
 * own type declarations. Add a line here when the double learns a new object.
 */
import type Stripe from "stripe";

export interface StripeSchemaRoots {
  balance: Stripe.Balance;
  balance_transaction: Stripe.BalanceTransaction;
  "billing_portal.session": Stripe.BillingPortal.Session;
  charge: Stripe.Charge;
  "checkout.session": Stripe.Checkout.Session;
  dispute: Stripe.Dispute;
  event: Stripe.EventBase;
  invoice: Stripe.Invoice;
  invoice_payment: Stripe.InvoicePayment;
  line_item: Stripe.InvoiceLineItem;
  payment_intent: Stripe.PaymentIntent;
  payout: Stripe.Payout;
  plan: Stripe.Plan;
  price: Stripe.Price;
  "radar.early_fraud_warning": Stripe.Radar.EarlyFraudWarning;
  refund: Stripe.Refund;
  subscription: Stripe.Subscription;
  subscription_item: Stripe.SubscriptionItem;
}
