import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { StripeDouble } from "@/stripe-double";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function listen(
  handler: (req: IncomingMessage, body: string) => { status: number; headers?: Record<string, string>; body: string },
): Promise<number> {
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const out = handler(req, body);
      res.writeHead(out.status, out.headers ?? { "content-type": "text/plain" });
      res.end(out.body);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return (server.address() as AddressInfo).port;
}

describe("over real HTTP", () => {
  it("serves the API via handleHttp to the SDK pointed at host/port/protocol", async () => {
    const double = new StripeDouble();
    const port = await listen((req, body) => double.handleHttp(req.method ?? "GET", req.url ?? "/", req.headers, body));
    const stripe = new Stripe(double.secretKey, { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 });
    const s = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: 1500, product_data: { name: "Gift" } } }],
      success_url: "http://localhost:3000/thanks",
    });
    expect(s.status).toBe("open");
    await expect(
      stripe.checkout.sessions.create({ mode: "payment", success_url: "http://x.test" }),
    ).rejects.toMatchObject({ param: "line_items" });
    const page = await stripe.checkout.sessions.list({ limit: 1 });
    expect(page.data[0]?.id).toBe(s.id);
  });

  it("delivers signed events to a webhook with duplicates and shuffling; failures are re-queued", async () => {
    const double = new StripeDouble();
    const verifier = new Stripe(double.secretKey);
    const received: Stripe.Event[] = [];
    let failNext = 1;
    const port = await listen((req, body) => {
      const sig = String(req.headers["stripe-signature"]);
      try {
        const event = verifier.webhooks.constructEvent(body, sig, double.webhookSecret);
        if (failNext-- > 0) return { status: 500, body: "boom" };
        received.push(event);
        return { status: 200, body: "ok" };
      } catch {
        return { status: 400, body: "bad signature" };
      }
    });
    double.webhookUrl = `http://127.0.0.1:${port}/api/stripe/webhook`;
    const stripe = new Stripe(double.secretKey, {
      httpClient: new (await import("@/stripe-double")).DoubleHttpClient(double),
    });
    const s = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: 1500, product_data: { name: "Gift" } } }],
      success_url: "http://localhost:3000/thanks",
    });
    double.completeCheckout(s.id, "success");
    const expected = double.pendingEvents().map((e) => e.id);
    let seed = 7;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const results = await double.deliver({ maxCopies: 3, shuffle: true, random, delayMs: [0, 5] });
    expect(results.length).toBeGreaterThanOrEqual(expected.length);
    expect(results.filter((r) => !r.ok)).toHaveLength(1);
    // If every copy of the failed event failed, it is queued again; a second delivery (Stripe's retry) sends it.
    if (double.pendingEvents().length > 0) expect((await double.deliver()).every((r) => r.ok)).toBe(true);
    const ids = received.map((e) => e.id);
    expect(new Set(ids)).toEqual(new Set(expected));
    const orderedCopies = results.map((r) => r.eventId);
    expect(orderedCopies.length > expected.length || orderedCopies.join() !== expected.join()).toBe(true);
    expect(double.pendingEvents()).toEqual([]);

    // A handler that always fails leaves events queued for Stripe-style retry.
    double.completeCheckout(
      (
        await stripe.checkout.sessions.create({
          mode: "payment",
          line_items: [
            { quantity: 1, price_data: { currency: "usd", unit_amount: 900, product_data: { name: "Gift" } } },
          ],
          success_url: "http://localhost:3000/thanks",
        })
      ).id,
      "expire",
    );
    const bad = await double.deliver({
      url: `http://127.0.0.1:${port}/nope`,
      fetchFn: async () => new Response("no", { status: 503 }),
    });
    expect(bad.every((r) => r.status === 503)).toBe(true);
    expect(double.pendingEvents().map((e) => e.type)).toEqual(["checkout.session.expired"]);
  });
});
