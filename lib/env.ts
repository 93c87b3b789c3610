/**
 * Environment, validated with zod once at start-up (instrumentation.ts) and on
 * first use. Development needs nothing; production refuses to start without the
 * secrets that protect money and case files. The settings: lib/env-schema/
 * (platform.ts, fund.ts); which go together and what production needs: rules.ts.
 */
import "server-only";
import type { z } from "zod";
import { crossChecks, envFields } from "./env-schema/rules";

export { appEnv } from "./env-schema/rules";

const schema = envFields.superRefine(crossChecks);

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    // Names and rules only: never echo a value, it may be a secret.
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Where STRIPE_API_BASE points the SDK, as the Stripe constructor wants it (null: api.stripe.com). */
export function stripeApiTarget(e: Env = env()): { host: string; port: number; protocol: "http" | "https" } | null {
  if (!e.STRIPE_API_BASE) return null;
  const u = new URL(e.STRIPE_API_BASE);
  const protocol = u.protocol === "https:" ? "https" : "http";
  return { host: u.hostname, port: u.port ? Number(u.port) : protocol === "https" ? 443 : 80, protocol };
}

/** True when the app talks to real Stripe; false means the offline test double. */
export function usesRealStripe(e: Env = env()): boolean {
  return Boolean(e.STRIPE_SECRET_KEY);
}

/** True when SMS go to Twilio; false means the development SMS outbox. */
export function usesTwilio(e: Env = env()): boolean {
  return Boolean(e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN);
}
