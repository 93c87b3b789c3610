/**
 * The one place that decides which Stripe the app talks to. With keys: real
 * Stripe. Without (development and tests only): the offline double in
 * stripe-double/, a development tool loaded here by dynamic import on the first
 * request, reached by the same SDK through an in-process HTTP client and
 * delivering signed events to our own webhook route. Nothing downstream of
 * `getStripe()` knows the difference; no product code imports the double.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { appOrigin, selfOrigin } from "@/lib/app-origin";
import { appEnv, env, stripeApiTarget, usesRealStripe, type Env } from "@/lib/env";
import { feeRatesFrom } from "@/lib/donations/fee-rates";
import type { FeeSchedule, StripeDouble } from "@/stripe-double";

interface StripeState {
  stripe: Stripe;
  /** The offline double (loaded on first use), or null with real keys. */
  double: () => Promise<StripeDouble | null>;
  webhookSecret: string;
}
interface StripeHolder {
  __openbondStripe?: StripeState;
}
const holder = globalThis as typeof globalThis & StripeHolder;

/** An SDK HTTP client that loads the double on its first request and hands every request to it. */
class LazyDoubleHttpClient extends Stripe.HttpClient {
  constructor(private readonly client: () => Promise<Stripe.HttpClient>) {
    super();
  }

  override getClientName(): string {
    return "openbond-stripe-double";
  }

  override async makeRequest(...args: Parameters<Stripe.HttpClient["makeRequest"]>) {
    return (await this.client()).makeRequest(...args);
  }
}

function doubleState(e: Env): StripeState {
  const secretKey = `sk_test_double_${randomBytes(16).toString("hex")}`;
  const webhookSecret = e.STRIPE_DOUBLE_WEBHOOK_SECRET ?? `whsec_double_${randomBytes(16).toString("hex")}`;
  let loading: Promise<{ double: StripeDouble; client: Stripe.HttpClient }> | undefined;
  const load = () =>
    (loading ??= import("@/stripe-double").then((m) => {
      const double = new m.StripeDouble({
        // Asked at each use: the origin follows the port the server listens on (lib/app-origin.ts),
        // and webhooks go to this process over loopback whatever public name APP_URL gives it.
        baseUrl: () => appOrigin(),
        webhookUrl: () => `${selfOrigin()}/api/stripe/webhook`,
        secretKey,
        webhookSecret,
        // Like Stripe, the double sends the events for every change by itself (API calls included).
        autoDeliver: true,
        // The fund's configured rates, so the double's fees are the ones the fund really pays (issue 15).
        fees: doubleFees(e),
      });
      return { double, client: new m.DoubleHttpClient(double) };
    }));
  const httpClient = new LazyDoubleHttpClient(async () => (await load()).client);
  return {
    stripe: new Stripe(secretKey, { httpClient, maxNetworkRetries: 0 }),
    double: async () => (await load()).double,
    webhookSecret,
  };
}

function init(): StripeState {
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
    return { stripe, double: async () => null, webhookSecret: e.STRIPE_WEBHOOK_SECRET! };
  }
  if (appEnv(e) === "production") {
    throw new Error("Stripe keys are required in production; the offline test double is disabled there.");
  }
  return doubleState(e);
}

function state(): StripeState {
  holder.__openbondStripe ??= init();
  return holder.__openbondStripe;
}

export function getStripe(): Stripe {
  return state().stripe;
}

export function webhookSecret(): string {
  return state().webhookSecret;
}

/** The offline double for the /dev pages, or null when real keys are set or in production (they then answer 404). */
export async function getStripeDouble(): Promise<StripeDouble | null> {
  const e = env();
  if (usesRealStripe(e) || appEnv(e) === "production") return null;
  return state().double();
}

/** Tests inject their own double (or a real-shaped client) here. */
export function setStripeForTests(stripe: Stripe, double: StripeDouble | null, secret: string): void {
  holder.__openbondStripe = { stripe, double: async () => double, webhookSecret: secret };
}

/** The fund's rates (lib/env.ts) in the double's terms. */
export function doubleFees(e: Env): Partial<FeeSchedule> {
  const r = feeRatesFrom(e);
  return {
    percentBps: r.card.percentBps,
    fixedCents: r.card.fixedCents,
    bankPercentBps: r.us_bank_account.percentBps,
    bankCapCents: r.us_bank_account.capCents ?? Number.MAX_SAFE_INTEGER,
  };
}
