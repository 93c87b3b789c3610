/**
 * Real Stripe sends webhooks for changes made through its API, not only for what
 * happens on its pages. The double must too, by itself and asynchronously, so no
 * product code ever has to ask the double to "deliver".
 */
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { createDoubleStripe, StripeDouble } from "@/stripe-double";
import { monthlyParams, oneOffParams } from "./helpers";

function autoWorld(opts: { failFirst?: number } = {}) {
  const received: Stripe.Event[] = [];
  let failures = opts.failFirst ?? 0;
  const fetchFn = (async (_url: string, init: RequestInit) => {
    if (failures > 0) {
      failures--;
      return new Response("down", { status: 503 });
    }
    received.push(JSON.parse(String(init.body)) as Stripe.Event);
    return new Response("ok");
  }) as unknown as typeof fetch;
  const double = new StripeDouble({
    baseUrl: "http://localhost:4000",
    webhookUrl: "http://localhost:4000/api/stripe/webhook",
    autoDeliver: { delayMs: 1, fetchFn },
  });
  return { double, stripe: createDoubleStripe(double), received };
}

async function monthly(w: ReturnType<typeof autoWorld>) {
  const s = await w.stripe.checkout.sessions.create(monthlyParams());
  w.double.completeCheckout(s.id, "success");
  await w.double.idle();
  return String(w.double.store.get("checkout.session", s.id)!.subscription);
}

describe("the double emits and delivers events for API-made changes", () => {
  it("a subscription cancelled through the API sends customer.subscription.deleted, without being asked", async () => {
    const w = autoWorld();
    const sub = await monthly(w);
    w.received.length = 0;
    await w.stripe.subscriptions.cancel(sub);
    expect(w.received).toEqual([]); // asynchronous, like Stripe: never inside the API call
    await w.double.idle();
    expect(w.received.map((e) => e.type)).toEqual(["customer.subscription.deleted"]);
    expect(w.double.pendingEvents()).toEqual([]);
  });

  it("an amount change through the API sends customer.subscription.updated; the next invoice is the new amount", async () => {
    const w = autoWorld();
    const sub = await monthly(w);
    const before = await w.stripe.subscriptions.retrieve(sub);
    const item = before.items.data[0]!;
    w.received.length = 0;
    await w.stripe.subscriptions.update(sub, {
      items: [
        {
          id: item.id,
          price_data: {
            currency: "usd",
            product: String(item.price.product),
            unit_amount: 3_700,
            recurring: { interval: "month" },
          },
        },
      ],
      proration_behavior: "none",
    });
    await w.double.idle();
    const updated = w.received.find((e) => e.type === "customer.subscription.updated")!;
    expect(updated).toBeDefined();
    expect((updated.data.object as Stripe.Subscription).items.data[0]!.price.unit_amount).toBe(3_700);
    expect(updated.data.previous_attributes).toHaveProperty("items");
    const invoice = w.double.renewSubscription(sub);
    expect(invoice.amount_paid).toBe(3_700);
  });

  it("a refund created through the API sends charge.refunded and refund.created", async () => {
    const w = autoWorld();
    const s = await w.stripe.checkout.sessions.create(oneOffParams());
    w.double.completeCheckout(s.id, "success");
    await w.double.idle();
    w.received.length = 0;
    await w.stripe.refunds.create({
      payment_intent: String(w.double.store.get("checkout.session", s.id)!.payment_intent),
    });
    await w.double.idle();
    expect(w.received.map((e) => e.type)).toEqual(expect.arrayContaining(["charge.refunded", "refund.created"]));
  });

  it("a payout created through the API sends payout.created and payout.paid", async () => {
    const w = autoWorld();
    const s = await w.stripe.checkout.sessions.create(oneOffParams());
    w.double.completeCheckout(s.id, "success");
    await w.double.idle();
    w.received.length = 0;
    await w.stripe.payouts.create({ amount: w.double.availableBalance(), currency: "usd" });
    await w.double.idle();
    expect(w.received.map((e) => e.type)).toEqual(
      expect.arrayContaining(["payout.created", "payout.paid", "payout.reconciliation_completed"]),
    );
  });

  it("retries a delivery the webhook refused, as Stripe does", async () => {
    const w = autoWorld({ failFirst: 2 });
    await monthly(w);
    expect(w.received.map((e) => e.type)).toContain("invoice.paid");
    expect(w.double.pendingEvents()).toEqual([]);
  });

  it("a customer portal session opens the local portal page", async () => {
    const w = autoWorld();
    const sub = await w.stripe.subscriptions.retrieve(await monthly(w));
    const portal = await w.stripe.billingPortal.sessions.create({
      customer: String(sub.customer),
      return_url: "http://localhost:4000/give/cancel/x",
      flow_data: { type: "payment_method_update" },
    });
    expect(portal.url).toBe(`http://localhost:4000/dev/stripe/portal/${portal.id}`);
    expect(w.double.portalSessions.get(portal.id)?.return_url).toBe("http://localhost:4000/give/cancel/x");
  });

  it("without autoDeliver nothing is sent by itself (tests deliver by hand)", async () => {
    const double = new StripeDouble({ webhookUrl: "http://localhost:1/never" });
    const stripe = createDoubleStripe(double);
    const s = await stripe.checkout.sessions.create(oneOffParams());
    double.completeCheckout(s.id, "success");
    await double.idle();
    expect(double.pendingEvents().length).toBeGreaterThan(0);
  });
});
