import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripeEvents } from "@/db/schema";
import { signEvent } from "@/stripe-double";
import { startOneOffGift } from "../../fixtures/gifts";
import { books, post, routeToDb } from "../../helpers/webhook-harness";
import { newWorld, type World } from "./setup";

let w: World;
let event: Stripe.Event;
beforeAll(async () => {
  w = await newWorld();
  routeToDb(w.a);
  const g = await startOneOffGift(w.a.db, w.stripe, w.campaign, { amountCents: 5_000 });
  w.double.completeCheckout(g.sessionId, "success");
  event = w.double.pendingEvents().find((e) => e.type === "checkout.session.completed")!;
});
afterAll(async () => w?.close());

describe("signature checks", () => {
  it.each([
    ["forged (other secret)", () => signEvent(event, "whsec_not_ours")],
    [
      "tampered body",
      () => {
        const s = signEvent(event, w.double.webhookSecret);
        return { ...s, payload: s.payload.replace("5000", "500000") };
      },
    ],
    [
      "stale (over 300 s)",
      () => {
        const payload = JSON.stringify(event);
        return {
          payload,
          header: Stripe.webhooks.generateTestHeaderString({
            payload,
            secret: w.double.webhookSecret,
            timestamp: Math.floor(Date.now() / 1000) - 301,
          }),
        };
      },
    ],
    ["garbage header", () => ({ payload: JSON.stringify(event), header: "t=1,v1=abc" })],
  ])("rejects a %s signature with 400 and changes nothing", async (_name, make) => {
    const before = await books(w.a.db);
    const { payload, header } = make();
    const res = await post(payload, header);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.any(String) });
    expect(await books(w.a.db)).toEqual(before);
  });

  it("rejects a missing header", async () => {
    const res = await (
      await import("@/app/api/stripe/webhook/route")
    ).POST(new Request("http://x/api/stripe/webhook", { method: "POST", body: "{}" }));
    expect(res.status).toBe(400);
  });

  it("accepts a fresh one, and answers 200 to an unknown type, recorded as ignored", async () => {
    const ok = signEvent(event, w.double.webhookSecret);
    expect((await post(ok.payload, ok.header)).status).toBe(200);
    const unknown = { ...event, id: "evt_unknown_type_1", type: "climate.order.created" } as unknown as Stripe.Event;
    const s = signEvent(unknown, w.double.webhookSecret);
    const res = await post(s.payload, s.header);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true });
    const rows = await w.a.db.select().from(stripeEvents);
    expect(rows.find((r) => r.id === "evt_unknown_type_1")?.outcome).toBe("ignored");
  });

  it("refuses (400, nothing written) a signed event rendered for another API version", async () => {
    const before = await books(w.a.db);
    const other = { ...event, id: "evt_other_version_1", api_version: "2024-06-20" } as Stripe.Event;
    const s = signEvent(other, w.double.webhookSecret);
    const res = await post(s.payload, s.header);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toContain(Stripe.API_VERSION);
    expect(await books(w.a.db)).toEqual(before);
    const rows = await w.a.db.select().from(stripeEvents);
    expect(rows.some((r) => r.id === "evt_other_version_1")).toBe(false);
  });
});
