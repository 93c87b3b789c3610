/**
 * Environment, validated with zod once at start-up (instrumentation.ts) and on
 * first use. Development needs nothing; production refuses to start without the
 * secrets that protect money and case files.
 */
import "server-only";
import { z } from "zod";
import { scheduleSchema } from "./reminders/schedule";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

const schema = z
  .object({
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
    /** Which fund absorbs the card processing fee when the donor does not cover it. */
    FUND_FEE_BEARER: z.preprocess(emptyToUndefined, z.enum(["campaign", "general"]).default("campaign")),
    /** The fund's card rate (basis points + cents): Stripe's standard 290 + 30, or 220 + 30 on the nonprofit rate. */
    FUND_CARD_FEE_PERCENT_BPS: z.coerce.number().int().min(0).max(1_000).default(290),
    FUND_CARD_FEE_FIXED_CENTS: z.coerce.number().int().min(0).max(1_000).default(30),
    /** The fund's bank-debit (ACH) rate: Stripe's 0.8% (80 bps), capped at $5 (500 cents). */
    FUND_BANK_FEE_PERCENT_BPS: z.coerce.number().int().min(0).max(1_000).default(80),
    FUND_BANK_FEE_CAP_CENTS: z.coerce.number().int().min(0).max(100_000).default(500),
    /** Smallest one-time gift offered bank debit, in cents (default $500); 0 turns bank debit off. */
    FUND_ACH_MIN_CENTS: z.coerce.number().int().min(0).max(10_000_000_000).default(50_000),
    /** Which fund absorbs a lost dispute and Stripe's dispute fee. */
    FUND_DISPUTE_BEARER: z.preprocess(emptyToUndefined, z.enum(["campaign", "general"]).default("general")),
    /** Show gift amounts on the public donor wall (names are always the donor's choice). */
    DONOR_WALL_AMOUNTS: z.preprocess(emptyToUndefined, z.enum(["show", "hide"]).default("show")),
    /** Largest single gift accepted online, in cents (default $25,000). The minimum is fixed at $5. */
    DONATION_MAX_CENTS: z.coerce.number().int().min(500).max(10_000_000_000).default(2_500_000),
    /**
     * The receipt's deductibility sentence, per the fund's counsel: `discretion` (deductible: the fund keeps
     * discretion over the money) or `earmarked` (not deductible: the gift is earmarked for a named person).
     * The older `true` / `false` still mean discretion / earmarked.
     */
    FUND_DEDUCTIBLE: z.preprocess(
      emptyToUndefined,
      z
        .enum(["discretion", "earmarked", "true", "false"])
        .default("earmarked")
        .transform((v) => (v === "true" ? "discretion" : v === "false" ? "earmarked" : v)),
    ),
    /** The fund's legal name and EIN, as the IRS knows them (written acknowledgments). Required in production. */
    FUND_LEGAL_NAME: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
    FUND_EIN: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^\d{2}-\d{7}$/, "FUND_EIN must be the fund's EIN written NN-NNNNNNN, e.g. 12-3456789")
        .optional(),
    ),
    /** The fund's mailing address, printed under its name on receipts and statements (optional). */
    FUND_ADDRESS: z.preprocess(emptyToUndefined, z.string().max(300).optional()),
    /** Checkout sessions allowed per hour per IP address and per email address. */
    CHECKOUT_LIMIT_PER_IP: z.coerce.number().int().min(1).max(10_000).default(10),
    CHECKOUT_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).max(10_000).default(5),
    /** Sign-in links allowed per hour per email address and per client address. */
    SIGN_IN_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).max(10_000).default(5),
    SIGN_IN_LIMIT_PER_CLIENT: z.coerce.number().int().min(1).max(100_000).default(30),
    /**
     * Passkeys' relying-party id: a host name, the app's own (APP_URL's host) by default, or a
     * parent domain of it (lib/auth/passkeys/relying-party.ts). Never taken from a request header.
     */
    WEBAUTHN_RP_ID: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(
          /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/,
          "WEBAUTHN_RP_ID must be a host name such as bonds.example.org",
        )
        .optional(),
    ),
    /** Recovery-code attempts allowed per person per hour. */
    RECOVERY_CODE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(10),
    /** Bond payments of this many cents or more need a second, different treasurer's approval (default $10,000). */
    BOND_SECOND_APPROVAL_CENTS: z.coerce.number().int().min(0).default(1_000_000),
    /** Treasurer dashboard: a released case with no I-391 after this many days is flagged. */
    BOND_I391_WATCH_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
    /** Days after the I-323 breach notice within which the obligor may appeal (docs/domain.md: 30, route unconfirmed). */
    BOND_APPEAL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** Reminder offsets before each appointment (lib/reminders/schedule.ts): `14d`, `6h`, `30m`, `morning`. */
    REMINDER_SCHEDULE: z.preprocess(emptyToUndefined, z.string().default("14d,3d,1d,morning").pipe(scheduleSchema)),
    /** Local hour (in the appointment's time zone) of the "morning of" reminder. */
    REMINDER_MORNING_HOUR: z.coerce.number().int().min(0).max(12).default(7),
    /** How often each app instance looks for due reminders, and how long one claim holds a reminder. */
    REMINDER_LOOP_SECONDS: z.coerce.number().min(0.2).max(3600).default(30),
    REMINDER_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(120),
    REMINDER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
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
    /** The fund's IANA time zone: day-counted deadlines (I-290B appeal, refund claim) end at midnight there. */
    FUND_TIME_ZONE: z.preprocess(emptyToUndefined, z.string().min(1).max(64).default("America/New_York")),
    /** The fund's own target for mailing the refund claim after an I-391 arrives (days). */
    BOND_REFUND_CLAIM_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** The daily deadline digest lists deadlines within this many days, and every overdue one. */
    DEADLINE_DIGEST_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    /** Hour of the day (in FUND_TIME_ZONE) from which the daily digest is sent. */
    DEADLINE_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
    /** A refund claim mailed this many days ago with no refund gets a draft FOIA request (PDF). */
    BOND_FOIA_DAYS: z.coerce.number().int().min(90).max(3650).default(365),
    FUND_NAME: z.preprocess(emptyToUndefined, z.string().max(120).default("Open Bond Fund (demo)")),
    LOG_LEVEL: z.preprocess(
      emptyToUndefined,
      z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    ),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.STRIPE_SECRET_KEY) !== Boolean(env.STRIPE_WEBHOOK_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_WEBHOOK_SECRET"],
        message:
          "Set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET together (or neither, to use the offline Stripe test double).",
      });
    }
    if (env.STRIPE_API_BASE && !env.STRIPE_SECRET_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_API_BASE"],
        message:
          "STRIPE_API_BASE needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (the keys the server at that address accepts and signs with).",
      });
    }
    const twilioParts = [
      env.TWILIO_ACCOUNT_SID,
      env.TWILIO_AUTH_TOKEN,
      env.TWILIO_FROM || env.TWILIO_MESSAGING_SERVICE_SID,
    ];
    if (twilioParts.some(Boolean) && !twilioParts.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["TWILIO_ACCOUNT_SID"],
        message:
          "Set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM (or TWILIO_MESSAGING_SERVICE_SID) together, or none of them (SMS then stay in the development outbox).",
      });
    }
    if (env.TWILIO_API_BASE && appEnv(env) === "production") {
      ctx.addIssue({
        code: "custom",
        path: ["TWILIO_API_BASE"],
        message: "TWILIO_API_BASE is for tests; it is refused in production.",
      });
    }
    if (appEnv(env) !== "production") return;
    if (env.STRIPE_API_BASE) {
      // Refused even while building: a production deployment must only ever talk to api.stripe.com.
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_API_BASE"],
        message: "STRIPE_API_BASE is for tests and benchmarks; it is refused in production.",
      });
    }
    if (env.NEXT_PHASE === "phase-production-build") return;
    const required = [
      "APP_URL",
      "DATABASE_URL",
      "AUTH_SECRET",
      "CASE_FILE_KEYS",
      "A_NUMBER_HMAC_KEY",
      "STRIPE_SECRET_KEY",
      "SMTP_URL",
      "FUND_LEGAL_NAME",
      "FUND_EIN",
    ] as const;
    for (const name of required) {
      if (!env[name]) {
        ctx.addIssue({ code: "custom", path: [name], message: `${name} is required in production.` });
      }
    }
    if (env.AUTH_SECRET && env.AUTH_SECRET.length < 32) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "AUTH_SECRET must be at least 32 characters." });
    }
  });

export type Env = z.infer<typeof schema>;

export function appEnv(e: Pick<Env, "APP_ENV" | "NODE_ENV">): "development" | "test" | "production" {
  return e.APP_ENV ?? (e.NODE_ENV === "production" ? "production" : "development");
}

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
