/**
 * Issue 10 items 8 and 9: a gift merely not yet paid out is pending, not an exception; and the
 * books' `stripe` account is compared with Stripe's own balance (GET /v1/balance, available +
 * pending), the difference explained by the items in flight, to the cent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import type { Principal } from "@/lib/auth/roles";
import { getBalance } from "@/lib/ledger";
import { compareStripeBalance } from "@/lib/reconciliation/stripe-balance";
import { importStripePayouts } from "@/lib/reconciliation/stripe-import";
import { reconcileStripe } from "@/lib/reconciliation/stripe-match";
import { insertCampaign } from "../fixtures/campaigns";
import { startOneOffGift } from "../fixtures/gifts";
import { principal } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";
import { deliver, newDouble, routeToDb, seedReserve } from "../helpers/webhook-harness";

let h: DbHandle;
let treasurer: Principal;
let campaign: string;
const world = newDouble();

async function gift(amount: number) {
  const g = await startOneOffGift(h.db, world.stripe, campaign, { amountCents: amount });
  world.double.completeCheckout(g.sessionId, "success");
  await deliver(world.double.pendingEvents(), world.double.webhookSecret);
}

beforeAll(async () => {
  h = await createTestDb();
  routeToDb(h);
  treasurer = await principal(h.db, "t@bal.example", ["treasurer"]);
  await seedReserve(h.db);
  campaign = await insertCampaign(h.db);
});
afterAll(async () => h?.close());

describe("before any payout", () => {
  it("gifts not yet paid out are pending, not exceptions, and the balances agree", async () => {
    await gift(2_500);
    await gift(10_000);
    const r = await reconcileStripe(h.db);
    expect(r.exceptions).toEqual([]);
    expect(r.pending).toHaveLength(2);
    const c = await compareStripeBalance(h.db, world.stripe, r);
    expect(c.booksCents).toBe(await getBalance(h.db, "stripe"));
    expect(c.stripeCents).toBe(c.booksCents);
    expect(c.differenceCents).toBe(0);
    expect(c.unexplainedCents).toBe(0);
  });
});

describe("demo data", () => {
  it("money the seed booked straight to the ledger is explained as demo data, to the cent", async () => {
    const { postEntry } = await import("@/lib/ledger");
    await postEntry(h.db, {
      idempotencyKey: "seed:demo:gift:0",
      kind: "donation",
      campaignId: campaign,
      debits: [{ account: "stripe", amount: 4_321 }],
      credits: [{ account: `campaign:${campaign}`, amount: 4_321 }],
    });
    const c = await compareStripeBalance(h.db, world.stripe, await reconcileStripe(h.db));
    expect(c.differenceCents).toBe(4_321);
    expect(c.explained).toContainEqual({ kind: "demo_data", sourceId: "seed", cents: 4_321 });
    expect(c.unexplainedCents).toBe(0);
    await postEntry(h.db, {
      idempotencyKey: "seed:demo:payout",
      kind: "payout",
      debits: [{ account: "bank", amount: 4_321 }],
      credits: [{ account: "stripe", amount: 4_321 }],
    });
  });
});

describe("after a payout", () => {
  it("Stripe's balance falls by the payout; the books agree once the payout is booked", async () => {
    world.double.createPayout();
    await deliver(world.double.pendingEvents(), world.double.webhookSecret);
    await importStripePayouts(h.db, world.stripe, treasurer);
    const r = await reconcileStripe(h.db);
    expect(r.exceptions).toEqual([]);
    expect(r.pending).toEqual([]);
    const c = await compareStripeBalance(h.db, world.stripe, r);
    expect(c).toMatchObject({ stripeCents: 0, booksCents: 0, differenceCents: 0, unexplainedCents: 0 });
  });

  it("a gift Stripe has but the books have not booked yet explains the difference to the cent", async () => {
    const g = await startOneOffGift(h.db, world.stripe, campaign, { amountCents: 3_700 });
    world.double.completeCheckout(g.sessionId, "success");
    world.double.createPayout(); // swept into a payout before its webhook arrived
    const events = world.double.pendingEvents();
    const gifts = events.filter((e) => !e.type.startsWith("payout."));
    // Only the payout's events arrive; the gift's webhook is still on its way.
    await deliver(
      events.filter((e) => e.type.startsWith("payout.")),
      world.double.webhookSecret,
    );
    await importStripePayouts(h.db, world.stripe, treasurer);
    const r = await reconcileStripe(h.db);
    const c = await compareStripeBalance(h.db, world.stripe, r);
    expect(c.stripeCents).toBe(0);
    expect(c.differenceCents).toBe(c.booksCents - c.stripeCents);
    expect(c.differenceCents).toBeLessThan(0); // the books miss the gift's net: lower than Stripe's
    expect(c.explained.reduce((s, x) => s + x.cents, 0)).toBe(c.differenceCents);
    expect(c.unexplainedCents).toBe(0);
    expect(c.explained.some((x) => x.kind === "missing_in_books")).toBe(true);
    await deliver(gifts, world.double.webhookSecret);
    const after = await compareStripeBalance(h.db, world.stripe, await reconcileStripe(h.db));
    expect(after).toMatchObject({ differenceCents: 0, unexplainedCents: 0 });
  });
});
