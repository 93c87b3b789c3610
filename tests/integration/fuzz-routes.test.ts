/**
 * Route handlers with generated malformed requests: a 4xx with a message, never
 * a 5xx, never a write. Also the checkout burst: 1,000 attempts from one
 * address create at most the configured number of Checkout Sessions.
 */
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import type { Principal } from "@/lib/auth/roles";
import { createCheckout } from "@/lib/donations/checkout";
import { env } from "@/lib/env";
import { insertCampaign } from "../fixtures/campaigns";
import { principal } from "../fixtures/people";
import { badString, changedTables, fingerprint, FUZZ_RUNS } from "../helpers/fuzz";
import { createTestDb } from "../helpers/test-db";
import { newDouble, routeToDb } from "../helpers/webhook-harness";

const session = vi.hoisted(() => {
  process.env.APP_ENV = "test"; // the last-mail route answers only in test mode
  return { me: null as Principal | null };
});
vi.mock("@/lib/auth/config", () => ({ currentPrincipal: async () => session.me }));

const webhook = await import("@/app/api/stripe/webhook/route");
const exportsRoute = await import("@/app/(staff)/treasury/exports/[kind]/route");
const lastMail = await import("@/app/api/test/last-mail/route");

let h: DbHandle;
let secret: string;
let treasurer: Principal;

beforeAll(async () => {
  h = await createTestDb({ demo: "run" }); // the demo fund, seeded once per run
  routeToDb(h);
  secret = newDouble().double.webhookSecret;
  treasurer = await principal(h.db, "treasurer@openbond.example", []);
});
afterAll(async () => h?.close());

async function expectClientError(res: Response, label: string) {
  const body = await res.text();
  expect(res.status, `${label}: ${body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${label}: ${body.slice(0, 200)}`).toBeLessThan(500);
  expect(body.trim(), `${label}: no message`).not.toBe("");
  expect(body).not.toMatch(/went wrong on our side/i);
}

const prop = (p: fc.IAsyncProperty<never>) => fc.assert(p, { numRuns: FUZZ_RUNS, endOnFailure: true });

describe("fuzz: route handlers", () => {
  it("Stripe webhook: malformed bodies, signatures and headers are 400 and change nothing", async () => {
    const before = await fingerprint(h.db);
    const { signEvent } = await import("@/stripe-double");
    await prop(
      fc.asyncProperty(badString, fc.option(badString, { nil: undefined }), fc.boolean(), async (body, sig, signIt) => {
        // Signed garbage too: a valid signature over a body that is not an event.
        const header = signIt ? signEvent({ id: body } as never, secret).header : sig;
        const init: RequestInit = {
          method: "POST",
          body,
          headers: header === undefined ? {} : { "stripe-signature": header.replace(/[^\x20-\x7e]/g, "?") },
        };
        await expectClientError(
          await webhook.POST(new Request("http://localhost/api/stripe/webhook", init)),
          "webhook",
        );
      }) as never,
    );
    expect(changedTables(before, await fingerprint(h.db))).toEqual([]);
  });

  it("a signed event whose payload is not a Stripe event is refused with a 4xx, not a 500", async () => {
    const { signEvent } = await import("@/stripe-double");
    const before = await fingerprint(h.db);
    await prop(
      fc.asyncProperty(
        fc.record({
          id: fc.oneof(badString, fc.constant(null)),
          type: fc.oneof(badString, fc.constantFrom("checkout.session.completed", "charge.refunded", "payout.paid")),
          created: fc.oneof(fc.integer(), fc.constant(-1e15)),
          data: fc.oneof(fc.constant(null), fc.record({ object: fc.record({ id: badString }) })),
        }),
        async (ev) => {
          const s = signEvent(ev as never, secret);
          const res = await webhook.POST(
            new Request("http://localhost/api/stripe/webhook", {
              method: "POST",
              body: s.payload,
              headers: { "stripe-signature": s.header },
            }),
          );
          // An unknown type is acknowledged (200, ignored) like Stripe expects; anything else malformed is a 4xx.
          if (res.status !== 200)
            await expectClientError(res, `signed malformed event ${JSON.stringify(ev).slice(0, 80)}`);
        },
      ) as never,
    );
    const after = await fingerprint(h.db);
    // Only acknowledged unknown event types may be recorded (their ids, outcome "ignored").
    expect(changedTables(before, after).filter((t) => t !== "stripe_events")).toEqual([]);
  });

  it("exports: any kind, any person: 4xx with a message or the CSV, never a 5xx", async () => {
    const before = await fingerprint(h.db);
    await prop(
      fc.asyncProperty(
        fc.oneof(badString, fc.constantFrom("ledger", "gifts", "bonds")),
        fc.boolean(),
        async (kind, signedIn) => {
          session.me = signedIn ? treasurer : null;
          const res = await exportsRoute.GET(new Request("http://localhost/treasury/exports/x"), {
            params: Promise.resolve({ kind }),
          });
          if (res.status !== 200) await expectClientError(res, `export ${kind.slice(0, 40)}`);
        },
      ) as never,
    );
    // Exports write an audit line per download; nothing else.
    expect(changedTables(before, await fingerprint(h.db)).filter((t) => t !== "audit_log")).toEqual([]);
  });

  it("test-only last-mail: any address is a 404 or a message, never a 5xx", async () => {
    await prop(
      fc.asyncProperty(badString, async (to) => {
        // URLSearchParams encodes anything a client could send (a lone surrogate becomes U+FFFD, as in a browser).
        const url = new URL("http://localhost/api/test/last-mail");
        url.searchParams.set("to", to);
        // From this machine (the socket address the server stamps), so the route really runs.
        const res = await lastMail.GET(new Request(url, { headers: { "x-openbond-peer": "127.0.0.1" } }));
        if (res.status !== 200) await expectClientError(res, "last-mail");
      }) as never,
    );
  });
});

describe("checkout burst", () => {
  it("1,000 attempts from one address: at most the configured number of sessions, the rest rate-limited", async () => {
    const { double, stripe } = newDouble();
    await insertCampaign(h.db, { slug: "burst-live", alias: "Burst" });
    const limit = env().CHECKOUT_LIMIT_PER_IP;
    const ip = "203.0.113.77";
    const count = async () =>
      Number(
        rowsOf<{ n: number }>(
          await h.db.execute(
            sql`SELECT count(*)::int AS n FROM donations WHERE checkout_session_id IS NOT NULL AND campaign_id = (SELECT id FROM campaigns WHERE slug = 'burst-live')`,
          ),
        )[0]!.n,
      );
    const outcomes = { ok: 0, limited: 0, other: [] as string[] };
    // 1,000 attempts, 50 at a time concurrently, as a script hammering the form would.
    for (let i = 0; i < 1000; i += 50) {
      const res = await Promise.allSettled(
        Array.from({ length: 50 }, () =>
          createCheckout(
            h.db,
            stripe,
            { campaignSlug: "burst-live", amount: "25", frequency: "one_off", locale: "en" },
            { ip },
          ),
        ),
      );
      for (const r of res) {
        if (r.status === "fulfilled") outcomes.ok++;
        else if ((r.reason as { code?: string }).code === "rate_limited") outcomes.limited++;
        else outcomes.other.push(String((r.reason as Error).message));
      }
    }
    expect(outcomes.other).toEqual([]);
    expect(outcomes.ok).toBe(limit);
    expect(outcomes.limited).toBe(1000 - limit);
    expect(double.store.all("checkout.session")).toHaveLength(limit);
    expect(await count()).toBe(limit);
    const [bucket] = rowsOf<{ count: number | string }>(
      await h.db.execute(sql`SELECT count FROM rate_limits WHERE bucket = ${`checkout:ip:${ip}`}`),
    );
    expect(Number(bucket!.count)).toBe(1000);
  });
});
