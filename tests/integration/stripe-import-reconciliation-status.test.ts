/**
 * A payout's balance transactions are imported only once Stripe has finished
 * reconciling it (`reconciliation_status: completed`): before that the list is
 * incomplete, and importing it would record a payout that does not add up.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { stripeBalanceTransactions, stripePayouts } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { importStripePayouts } from "@/lib/reconciliation/stripe-import";
import { reconcileStripe } from "@/lib/reconciliation/stripe-match";
import { insertCampaign } from "../fixtures/campaigns";
import { startOneOffGift } from "../fixtures/gifts";
import { principal } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";
import { deliver, newDouble, routeToDb, seedReserve } from "../helpers/webhook-harness";

let h: DbHandle;
let treasurer: Principal;
const world = newDouble();
let payoutId = "";

const count = async () => (await h.db.select({ n: sql<number>`count(*)::int` }).from(stripeBalanceTransactions))[0]!.n;

beforeAll(async () => {
  h = await createTestDb();
  routeToDb(h);
  treasurer = await principal(h.db, "t@recstatus.example", ["treasurer"]);
  await seedReserve(h.db);
  const campaign = await insertCampaign(h.db);
  for (const amount of [2_500, 10_000]) {
    const g = await startOneOffGift(h.db, world.stripe, campaign, { amountCents: amount });
    world.double.completeCheckout(g.sessionId, "success");
  }
  payoutId = world.double.createPayout({ reconcile: false })!.id;
  await deliver(world.double.pendingEvents(), world.double.webhookSecret);
});
afterAll(async () => h?.close());

describe("Stripe import and payout reconciliation status", () => {
  it("records an in-progress payout but none of its transactions", async () => {
    const r = await importStripePayouts(h.db, world.stripe, treasurer);
    expect(r).toEqual({ payouts: 1, transactions: 0, awaitingReconciliation: 1 });
    expect(await count()).toBe(0);
    const [po] = await h.db.select().from(stripePayouts).where(eq(stripePayouts.id, payoutId));
    expect(po?.status).toBe("paid");
  });

  it("imports them all once reconciliation completes, and they match the books", async () => {
    world.double.completePayoutReconciliation(payoutId);
    const r = await importStripePayouts(h.db, world.stripe, treasurer);
    expect(r).toMatchObject({ payouts: 1, awaitingReconciliation: 0 });
    expect(r.transactions).toBe(3);
    const rec = await reconcileStripe(h.db);
    expect(rec.exceptions).toEqual([]);
    expect(rec.matched).toBe(3);
  });
});
