import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { createDoubleStripe, StripeDouble } from "@/stripe-double";
import { monthlyParams, oneOffParams, setup } from "./helpers";

async function rejected(p: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Stripe.errors.StripeError) return e;
    throw e;
  }
  throw new Error("expected the request to fail");
}

describe("checkout session creation through the real SDK", () => {
  it("creates a one-off donate session with a local checkout url", async () => {
    const { double, stripe } = setup();
    const s = await stripe.checkout.sessions.create(oneOffParams());
    expect(s.id).toMatch(/^cs_test_[A-Za-z0-9]{24}$/);
    expect(s.url).toBe(`http://localhost:4000/dev/stripe/checkout/${s.id}`);
    expect(s).toMatchObject({
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      amount_total: 2500,
      submit_type: "donate",
      client_reference_id: "don_1",
    });
    expect(s.lastResponse.requestId).toMatch(/^req_/);
    const again = await stripe.checkout.sessions.retrieve(s.id);
    expect(again.id).toBe(s.id);
    expect(double.pendingEvents()).toEqual([]);
  });

  it("creates a monthly subscription session", async () => {
    const { stripe } = setup();
    const s = await stripe.checkout.sessions.create(monthlyParams());
    expect(s).toMatchObject({ mode: "subscription", amount_total: 1000, subscription: null, invoice: null });
  });

  const bad: [string, Partial<Stripe.Checkout.SessionCreateParams> | Record<string, unknown>, string][] = [
    ["unknown top-level param", { payment_method_types: ["card"] }, "payment_method_types"],
    ["setup mode", { mode: "setup" }, "mode"],
    ["bogus mode", { mode: "donation" }, "mode"],
    [
      "zero amount",
      { line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: 0, product_data: { name: "x" } } }] },
      "line_items[0][price_data][unit_amount]",
    ],
    [
      "eur",
      { line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: 500, product_data: { name: "x" } } }] },
      "line_items[0][price_data][currency]",
    ],
    ["missing success_url", { success_url: undefined }, "success_url"],
    ["old ui_mode value", { ui_mode: "hosted" }, "ui_mode"],
    ["expires too soon", { expires_at: Math.floor(Date.now() / 1000) + 600 }, "expires_at"],
    ["expires too late", { expires_at: Math.floor(Date.now() / 1000) + 25 * 3600 }, "expires_at"],
    ["long metadata", { metadata: { note: "x".repeat(501) } }, "metadata[note]"],
    [
      "long pi metadata",
      { payment_intent_data: { metadata: { note: "x".repeat(501) } } },
      "payment_intent_data[metadata][note]",
    ],
    [
      "unknown nested",
      {
        line_items: [
          { quantity: 1, price_data: { currency: "usd", unit_amount: 500, product_data: { name: "x" }, bogus: 1 } },
        ],
      },
      "line_items[0][price_data][bogus]",
    ],
    [
      "recurring in payment mode",
      {
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: "usd",
              unit_amount: 500,
              recurring: { interval: "month" },
              product_data: { name: "x" },
            },
          },
        ],
      },
      "mode",
    ],
    ["discounts (unsupported by double)", { discounts: [{ coupon: "c" }] }, "discounts"],
  ];
  it.each(bad)("rejects %s with StripeInvalidRequestError naming the param", async (_name, override, param) => {
    const { stripe } = setup();
    const err = await rejected(
      stripe.checkout.sessions.create({ ...oneOffParams(), ...override } as Stripe.Checkout.SessionCreateParams),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err.type).toBe("StripeInvalidRequestError");
    expect(err.statusCode).toBe(400);
    expect(err.param).toBe(param);
  });

  it("rejects submit_type donate in subscription mode", async () => {
    const { stripe } = setup();
    const err = await rejected(stripe.checkout.sessions.create(monthlyParams({ submit_type: "donate" })));
    expect(err.param).toBe("submit_type");
  });

  it("rejects a non-recurring price in subscription mode", async () => {
    const { stripe } = setup();
    const err = await rejected(
      stripe.checkout.sessions.create(
        monthlyParams({
          line_items: [
            { quantity: 1, price_data: { currency: "usd", unit_amount: 1000, product_data: { name: "x" } } },
          ],
        }),
      ),
    );
    expect(err.param).toBe("line_items");
  });

  it("replays an idempotent create and refuses a conflicting one", async () => {
    const { stripe } = setup();
    const first = await stripe.checkout.sessions
      .create(oneOffParams({ expires_at: 2_000_000_000 - 1 }), { idempotencyKey: "checkout:don_1" })
      .catch(() => null);
    expect(first).toBeNull(); // far-future expiry is invalid, and failed validation is not saved
    const params = oneOffParams();
    const a = await stripe.checkout.sessions.create(params, { idempotencyKey: "checkout:don_1" });
    const b = await stripe.checkout.sessions.create(params, { idempotencyKey: "checkout:don_1" });
    expect(b.id).toBe(a.id);
    expect(b.lastResponse.headers["idempotent-replayed"]).toBe("true");
    const err = await rejected(
      stripe.checkout.sessions.create(
        { ...params, client_reference_id: "don_9" },
        { idempotencyKey: "checkout:don_1" },
      ),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(err.rawType).toBe("idempotency_error");
  });

  it("rejects keys it did not issue with StripeAuthenticationError", async () => {
    const double = new StripeDouble();
    expect(double.secretKey).toMatch(/^sk_test_double_/);
    expect(double.webhookSecret).toMatch(/^whsec_double_/);
    const stranger = createDoubleStripe(double, "sk_test_51Hrealkey000000000000000000");
    const err = await rejected(stranger.checkout.sessions.create(oneOffParams()));
    expect(err).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(err.statusCode).toBe(401);
    expect(err.message).toMatch(/^Invalid API Key provided: sk_test_\*+0000$/);
  });

  it("answers unknown ids with a 404 resource_missing", async () => {
    const { stripe } = setup();
    const err = await rejected(stripe.charges.retrieve("ch_nope"));
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err.statusCode).toBe(404);
    expect(err.code).toBe("resource_missing");
  });
});
