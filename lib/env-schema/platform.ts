/** Settings of the platform: runtime, database, origin, Stripe, mail, secrets, SMS, logging. */
import "server-only";
import { z } from "zod";
import { emptyToUndefined, optionalString } from "./preprocess";

export const platformFields = {
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /**
   * What this deployment is for. Next.js sets NODE_ENV=production for every build,
   * so real-money safety keys off APP_ENV (default: production when NODE_ENV is).
   * APP_ENV=test lets a production build run on the embedded database and the
   * Stripe test double, for browser tests and benchmarks only.
   */
  APP_ENV: z.preprocess(emptyToUndefined, z.enum(["development", "test", "production"]).optional()),
  NEXT_PHASE: optionalString,
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
      .optional(),
  ),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_CALL_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(8_000),
  PGLITE_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default(".data/pglite")),
  /**
   * The app's public origin (links in mail, Auth.js, Stripe return URLs). Required in
   * production; in development and test, unset means "the port this server listens on"
   * (lib/app-origin.ts). Request headers never choose it.
   */
  APP_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .url()
      .regex(/^https?:\/\//, "APP_URL must start with http:// or https://")
      .optional(),
  ),
  /**
   * How many reverse proxies in front of the app append the client's address to
   * X-Forwarded-For (0: the app is reached directly and the socket address is the client).
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  SEED_DEMO: z.preprocess(emptyToUndefined, z.enum(["auto", "true", "false"]).default("auto")),
  STRIPE_SECRET_KEY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^(sk|rk)_(test|live)_/, "STRIPE_SECRET_KEY must be a Stripe secret key (sk_test_… or sk_live_…)")
      .optional(),
  ),
  STRIPE_WEBHOOK_SECRET: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^whsec_/, "STRIPE_WEBHOOK_SECRET must start with whsec_")
      .optional(),
  ),
  /** Offline double only: a fixed signing secret, so a load or chaos script can sign events for this server. */
  STRIPE_DOUBLE_WEBHOOK_SECRET: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^whsec_/, "STRIPE_DOUBLE_WEBHOOK_SECRET must start with whsec_")
      .optional(),
  ),
  /**
   * Send the app's Stripe API calls to this base URL instead of api.stripe.com:
   * a stripe-mock-like server such as `npm run stripe:double` (benchmarks and
   * fault tests, where the double must outlive the app). Never in production.
   */
  STRIPE_API_BASE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .url()
      .regex(
        /^https?:\/\/[^/?#]+\/?$/,
        "STRIPE_API_BASE must be an http(s) origin such as http://127.0.0.1:12111, without a path",
      )
      .optional(),
  ),
  SMTP_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
      .optional(),
  ),
  MAIL_FROM: z.preprocess(emptyToUndefined, z.string().default("OpenBond <no-reply@localhost>")),
  AUTH_SECRET: optionalString,
  CASE_FILE_KEYS: optionalString,
  A_NUMBER_HMAC_KEY: optionalString,
  /** Twilio: account SID + auth token + a sender (TWILIO_FROM number or TWILIO_MESSAGING_SERVICE_SID); none = SMS outbox. */
  TWILIO_ACCOUNT_SID: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, "TWILIO_ACCOUNT_SID must look like AC followed by 32 hex digits")
      .optional(),
  ),
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_FROM: optionalString,
  TWILIO_MESSAGING_SERVICE_SID: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^MG[0-9a-fA-F]{32}$/, "TWILIO_MESSAGING_SERVICE_SID must look like MG followed by 32 hex digits")
      .optional(),
  ),
  /** Send the Twilio SDK's requests to this origin instead of api.twilio.com (tests only; refused in production). */
  TWILIO_API_BASE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .url()
      .regex(/^https?:\/\/[^/?#]+\/?$/, "TWILIO_API_BASE must be an http(s) origin without a path")
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
};
