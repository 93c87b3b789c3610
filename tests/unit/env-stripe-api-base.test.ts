import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, stripeApiTarget } from "@/lib/env";
import { PROD_ENV } from "../helpers/prod-env";

const keys = { STRIPE_SECRET_KEY: "sk_test_double_abc", STRIPE_WEBHOOK_SECRET: "whsec_double_abc" };

describe("STRIPE_API_BASE", () => {
  it("points the SDK at a local Stripe-compatible server outside production", () => {
    const e = parseEnv({ APP_ENV: "test", ...keys, STRIPE_API_BASE: "http://127.0.0.1:3611" });
    expect(stripeApiTarget(e)).toEqual({ host: "127.0.0.1", port: 3611, protocol: "http" });
    expect(stripeApiTarget(parseEnv({ ...keys }))).toBeNull();
    expect(stripeApiTarget(parseEnv({ ...keys, STRIPE_API_BASE: "https://stripe.internal/" }))).toEqual({
      host: "stripe.internal",
      port: 443,
      protocol: "https",
    });
  });

  it("is refused in production, even while building", () => {
    const prod = { ...PROD_ENV, ...keys };
    expect(() => parseEnv(prod)).not.toThrow();
    expect(() => parseEnv({ ...prod, STRIPE_API_BASE: "http://127.0.0.1:3611" })).toThrow(
      /STRIPE_API_BASE is for tests/,
    );
    expect(() =>
      parseEnv({ ...prod, NEXT_PHASE: "phase-production-build", STRIPE_API_BASE: "http://127.0.0.1:3611" }),
    ).toThrow(EnvError);
  });

  it("needs the keys the server accepts, and an origin without a path", () => {
    expect(() => parseEnv({ STRIPE_API_BASE: "http://127.0.0.1:3611" })).toThrow(/needs STRIPE_SECRET_KEY/);
    expect(() => parseEnv({ ...keys, STRIPE_API_BASE: "http://127.0.0.1:3611/v1" })).toThrow(/without a path/);
    expect(() => parseEnv({ ...keys, STRIPE_API_BASE: "ftp://127.0.0.1" })).toThrow(EnvError);
  });
});
