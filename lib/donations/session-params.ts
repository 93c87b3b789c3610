/** The Checkout Session we ask Stripe for. Ids travel in metadata exactly as the webhook handlers expect (the CONTRACT). */
import type Stripe from "stripe";
import type { CheckoutInput } from "./checkout-input";

/**
 * A single gift of this many cents or more ($5,000) is reported on the fund's Schedule B: Checkout
 * then requires the payer's name and full billing address (stored sealed, lib/receipts/schedule-b.ts).
 */
export const SCHEDULE_B_CENTS = 500_000;

// 30 minutes is Stripe's minimum; a minute more keeps a slightly fast Stripe clock from rejecting the session.
const EXPIRY_SECONDS = 30 * 60 + 60;

export interface SessionParamsInput {
  id: string;
  input: CheckoutInput;
  campaign: { id: string; slug: string; alias: string; region: string };
  chargeCents: number;
  appUrl: string;
  now: Date;
}

function localePath(locale: CheckoutInput["locale"]): string {
  return locale === "en" ? "" : `/${locale}`;
}

export function buildSessionParams(p: SessionParamsInput): Stripe.Checkout.SessionCreateParams {
  const base = p.appUrl.replace(/\/$/, "") + localePath(p.input.locale);
  const name = `Gift to the bond for ${p.campaign.alias}* (${p.campaign.region})`;
  const monthly = p.input.frequency === "monthly";
  const ids: Record<string, string> = monthly
    ? { recurring_gift_id: p.id, campaign_id: p.campaign.id }
    : { donation_id: p.id, campaign_id: p.campaign.id };
  const shared: Stripe.Checkout.SessionCreateParams = {
    mode: monthly ? "subscription" : "payment",
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: "usd",
          unit_amount: p.chargeCents,
          product_data: { name: monthly ? `Monthly ${name.charAt(0).toLowerCase()}${name.slice(1)}` : name },
          ...(monthly ? { recurring: { interval: "month" as const } } : {}),
        },
      },
    ],
    client_reference_id: p.id,
    metadata: ids,
    expires_at: Math.floor(p.now.getTime() / 1000) + EXPIRY_SECONDS,
    success_url: `${base}/give/thanks?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${base}/campaigns/${p.campaign.slug}`,
    locale: p.input.locale,
    ...(p.input.email ? { customer_email: p.input.email } : {}),
    // Only the method the donor chose: a $20 gift must not be paid by bank, a bank gift not by card (the fee cover differs).
    allowed_payment_method_types: [monthly ? "card" : p.input.paymentMethod],
    ...(p.chargeCents >= SCHEDULE_B_CENTS ? { billing_address_collection: "required" as const } : {}),
  };
  return monthly
    ? { ...shared, subscription_data: { metadata: ids } }
    : { ...shared, submit_type: "donate", payment_intent_data: { metadata: ids } };
}
