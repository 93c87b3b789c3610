/**
 * Reconciliation against the Stripe double: gifts, a refund, a dispute and a
 * payout go through the webhook route into the books; importing the payouts
 * through the API then matches every balance transaction to the ledger, and
 * tampering with either side shows up as the right exception.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { stripeBalanceTransactions } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { importStripePayouts } from "@/lib/reconciliation/stripe-import";
import { reconcileStripe, stripeMatchDrift } from "@/lib/reconciliation/stripe-match";
import { insertCampaign } from "../fixtures/campaigns";
import { startOneOffGift } from "../fixtures/gifts";
import { principal } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";
import { deliver, newDouble, routeToDb, seedReserve } from "../helpers/webhook-harness";

let h: DbHandle;
let treasurer: Principal;
const world = newDouble();

beforeAll(async () => {
  h = await createTestDb();
  routeToDb(h);
  treasurer = await principal(h.db, "t@rec.example", ["treasurer"]);
  await seedReserve(h.db);
  const campaign = await insertCampaign(h.db);
  const pis: string[] = [];
  for (const amount of [2_500, 10_000, 25_000, 5_000, 7_700]) {
    const g = await startOneOffGift(h.db, world.stripe, campaign, { amountCents: amount });
    world.double.completeCheckout(g.sessionId, "success");
    pis.push(String(world.double.store.get("checkout.session", g.sessionId)!.payment_intent));
  }
  world.double.refund(pis[1]!, 4_000);
  world.double.dispute(pis[2]!, "lost");
  world.double.createPayout();
  // A gift after the payout: in the books, in no payout yet.
  const late = await startOneOffGift(h.db, world.stripe, campaign, { amountCents: 3_000 });
  world.double.completeCheckout(late.sessionId, "success");
  await deliver(world.double.pendingEvents(), world.double.webhookSecret);
});
afterAll(async () => h?.close());

describe("Stripe reconciliation", () => {
  it("imports payouts and their transactions idempotently, with progress", async () => {
    const progress: number[] = [];
    const first = await importStripePayouts(h.db, world.stripe, treasurer, { onProgress: (n) => progress.push(n) });
    expect(first.payouts).toBe(1);
    expect(first.transactions).toBeGreaterThan(5);
    expect(progress.at(-1)).toBe(first.transactions);
    await importStripePayouts(h.db, world.stripe, treasurer);
    const [n] = await h.db.select({ n: sql<number>`count(*)::int` }).from(stripeBalanceTransactions);
    expect(n!.n).toBe(first.transactions);
    await expect(importStripePayouts(h.db, world.stripe, null)).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("matches every balance transaction in the payout to the books to the cent", async () => {
    const r = await reconcileStripe(h.db);
    expect(r.exceptions).toEqual([]);
    // Only the late gift is in the books and in no payout yet: pending, not an exception.
    expect(r.pending).toHaveLength(1);
    expect(r.matched).toBeGreaterThanOrEqual(7);
    // Stored as the payouts were imported and the webhook booked, equal to a recomputation.
    expect(await stripeMatchDrift(h.db)).toBe(0);
  });

  it("reports a transaction missing from the books and an amount that differs", async () => {
    await h.db.insert(stripeBalanceTransactions).values({
      id: "txn_extra",
      payoutId: "po_x",
      type: "charge",
      sourceId: "ch_unknown",
      amountCents: 1_000,
      feeCents: 59,
      netCents: 941,
      stripeCreatedAt: new Date(),
    });
    const [some] = await h.db
      .select()
      .from(stripeBalanceTransactions)
      .where(sql`type = 'charge' AND id <> 'txn_extra'`)
      .limit(1);
    await h.db.insert(stripeBalanceTransactions).values({ ...some!, id: "txn_dup", importedAt: new Date() });
    const r = await reconcileStripe(h.db);
    expect(r.exceptions).toEqual(
      expect.arrayContaining([
        { sourceId: "ch_unknown", stripeNetCents: 941, ledgerCents: 0, kind: "missing_in_books" },
        expect.objectContaining({
          sourceId: some!.sourceId,
          kind: "amount_differs",
          ledgerCents: some!.netCents,
          stripeNetCents: 2 * some!.netCents,
        }),
      ]),
    );
    expect(await stripeMatchDrift(h.db)).toBe(0);
  });
});
