/** The environment's object schema and its cross-field rules (which settings go together, what production needs). */
import "server-only";
import { z } from "zod";
import { fundFields } from "./fund";
import { platformFields } from "./platform";

export const envFields = z.object({ ...platformFields, ...fundFields });
type Fields = z.infer<typeof envFields>;

export function appEnv(e: Pick<Fields, "APP_ENV" | "NODE_ENV">): "development" | "test" | "production" {
  return e.APP_ENV ?? (e.NODE_ENV === "production" ? "production" : "development");
}

export function crossChecks(env: Fields, ctx: z.RefinementCtx): void {
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
}
