/**
 * The one place that decides which Stripe the app talks to. With keys: real
 * Stripe. Without: the project's offline double, reached by the same SDK through
 * an in-process HTTP client, delivering signed events to our own webhook route.
 * Nothing downstream of `getStripe()` knows the difference.
 */
import Stripe from "stripe";
import { appOrigin, selfOrigin } from "@/lib/app-origin";
import { appEnv, env, stripeApiTarget, usesRealStripe } from "@/lib/env";
import { createDoubleStripe, StripeDouble } from "@/stripe-double";

interface StripeHolder {
  __openbondStripe?: { stripe: Stripe; double: StripeDouble | null; webhookSecret: string };
}
const holder = globalThis as typeof globalThis & StripeHolder;

function init() {
  const e = env();
  if (usesRealStripe(e)) {
    // STRIPE_API_BASE (never in production): a Stripe-compatible server, e.g. the double run as its own process.
    const target = stripeApiTarget(e);
    const stripe = new Stripe(e.STRIPE_SECRET_KEY!, {
      maxNetworkRetries: 2,
      timeout: 20_000,
      appInfo: { name: "OpenBond" },
      ...(target ?? {}),
    });
    return { stripe, double: null, webhookSecret: e.STRIPE_WEBHOOK_SECRET! };
  }
  if (appEnv(e) === "production") {
    throw new Error("Stripe keys are required in production; the offline test double is disabled there.");
  }
  const double = new StripeDouble({
    // Asked at each use: the origin follows the port the server listens on (lib/app-origin.ts),
    // and webhooks go to this process over loopback whatever public name APP_URL gives it.
    baseUrl: () => appOrigin(),
    webhookUrl: () => `${selfOrigin()}/api/stripe/webhook`,
    webhookSecret: e.STRIPE_DOUBLE_WEBHOOK_SECRET,
  });
  return { stripe: createDoubleStripe(double), double, webhookSecret: double.webhookSecret };
}

function state() {
  holder.__openbondStripe ??= init();
  return holder.__openbondStripe;
}

export function getStripe(): Stripe {
  return state().stripe;
}

export function webhookSecret(): string {
  return state().webhookSecret;
}

/** The offline double, or null when real keys are set or in production (its pages then answer 404). */
export function getStripeDouble(): StripeDouble | null {
  const e = env();
  if (usesRealStripe(e) || appEnv(e) === "production") return null;
  return state().double;
}

/** Tests inject their own double (or a real-shaped client) here. */
export function setStripeForTests(stripe: Stripe, double: StripeDouble | null, secret: string): void {
  holder.__openbondStripe = { stripe, double, webhookSecret: secret };
}
