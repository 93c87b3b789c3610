import type Stripe from "stripe";
import { createDoubleStripe, StripeDouble } from "@/stripe-double";

export function setup(): { double: StripeDouble; stripe: Stripe } {
  const double = new StripeDouble({ baseUrl: "http://localhost:4000" });
  return { double, stripe: createDoubleStripe(double) };
}

export function oneOffParams(
  overrides: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Stripe.Checkout.SessionCreateParams {
  return {
    mode: "payment",
    submit_type: "donate",
    line_items: [
      {
        quantity: 1,
        price_data: { currency: "usd", unit_amount: 2500, product_data: { name: "Gift to the bond fund" } },
      },
    ],
    success_url: "http://localhost:4000/thanks?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://localhost:4000/give",
    client_reference_id: "don_1",
    payment_intent_data: { metadata: { donation_id: "don_1" } },
    expires_at: Math.floor(Date.now() / 1000) + 30 * 60 + 5,
    ...overrides,
  };
}

export function monthlyParams(
  overrides: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Stripe.Checkout.SessionCreateParams {
  return {
    mode: "subscription",
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: "usd",
          unit_amount: 1000,
          recurring: { interval: "month" },
          product_data: { name: "Monthly gift" },
        },
      },
    ],
    success_url: "http://localhost:4000/thanks",
    client_reference_id: "don_2",
    subscription_data: { metadata: { donation_id: "don_2" } },
    ...overrides,
  };
}

export function types(double: StripeDouble): string[] {
  return double.signedEvents().map((s) => s.event.type);
}
