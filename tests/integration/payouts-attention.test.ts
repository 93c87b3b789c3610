/**
 * "Payouts not reconciled" counts what a treasurer must act on: a payout whose
 * balance transactions have not been imported, or whose transactions disagree
 * with the books. A payout that matches to the cent is done; a payout in
 * transit is not an exception merely because its arrival is not booked yet.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { stripeBalanceTransactions, stripePayouts } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { payoutsNeedingAttention } from "@/lib/reconciliation/payouts-attention";
import { importStripePayouts } from "@/lib/reconciliation/stripe-import";
import { treasuryDashboard } from "@/lib/reports/treasury-dashboard";
import { insertCampaign } from "../fixtures/campaigns";
import { startOneOffGift } from "../fixtures/gifts";
import { principal } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";
import { deliver, newDouble, routeToDb, seedReserve } from "../helpers/webhook-harness";

let h: DbHandle;
let treasurer: Principal;
const world = newDouble();
let campaign: string;
let firstPayout: string;

async function giveAndPayOut(amounts: number[]): Promise<string> {
  for (const amountCents of amounts) {
    const g = await startOneOffGift(h.db, world.stripe, campaign, { amountCents });
    world.double.completeCheckout(g.sessionId, "success");
  }
  const po = world.double.createPayout()!;
  await deliver(world.double.pendingEvents(), world.double.webhookSecret);
  return po.id;
}

const ids = async () => (await payoutsNeedingAttention(h.db)).map((p) => [p.payoutId, p.reason, p.exceptions]);

beforeAll(async () => {
  h = await createTestDb();
  routeToDb(h);
  treasurer = await principal(h.db, "t@pa.example", ["treasurer"]);
  await seedReserve(h.db);
  campaign = await insertCampaign(h.db);
  firstPayout = await giveAndPayOut([2_500, 10_000, 7_700]);
});
afterAll(async () => h?.close());

describe("payouts needing a treasurer's attention", () => {
  it("counts a booked payout until its transactions are imported, and not once they match the books", async () => {
    // The webhook booked the payout's arrival, but nothing says yet what was inside it.
    expect(await ids()).toEqual([[firstPayout, "not_imported", 0]]);
    expect((await treasuryDashboard(h.db, treasurer)).payoutsUnreconciled).toBe(1);
    await importStripePayouts(h.db, world.stripe, treasurer);
    expect(await ids()).toEqual([]);
    expect((await treasuryDashboard(h.db, treasurer)).payoutsUnreconciled).toBe(0);
  });

  it("counts a booked, imported payout whose transactions disagree with the books", async () => {
    const second = await giveAndPayOut([5_000, 4_000]);
    await importStripePayouts(h.db, world.stripe, treasurer);
    expect(await ids()).toEqual([]);
    // Stripe reports a charge inside the payout that the books never saw.
    await h.db.insert(stripeBalanceTransactions).values({
      id: "txn_pa_extra",
      payoutId: second,
      type: "charge",
      sourceId: "ch_pa_unknown",
      amountCents: 1_000,
      feeCents: 59,
      netCents: 941,
      stripeCreatedAt: new Date(),
    });
    expect(await ids()).toEqual([[second, "exceptions", 1]]);
    const d = await treasuryDashboard(h.db, treasurer);
    expect(d.payoutsUnreconciled).toBe(1);
    expect(d.payoutsNeedingAttention).toEqual([
      expect.objectContaining({ payoutId: second, reason: "exceptions", exceptions: 1 }),
    ]);
    await h.db.delete(stripeBalanceTransactions).where(eq(stripeBalanceTransactions.id, "txn_pa_extra"));
  });

  it("leaves out failed and canceled payouts, and a payout in transit whose only open item is its own arrival", async () => {
    await h.db.insert(stripePayouts).values([
      { id: "po_pa_failed", amountCents: 5_000, status: "failed" },
      { id: "po_pa_canceled", amountCents: 5_000, status: "canceled" },
      { id: "po_pa_transit", amountCents: 5_000, status: "in_transit" },
    ]);
    await h.db.insert(stripeBalanceTransactions).values({
      id: "txn_pa_transit",
      payoutId: "po_pa_transit",
      type: "payout",
      sourceId: "po_pa_transit",
      amountCents: -5_000,
      feeCents: 0,
      netCents: -5_000,
      stripeCreatedAt: new Date(),
    });
    expect(await ids()).toEqual([]);
    // Once Stripe says it was paid, the arrival must be in the books.
    await h.db.update(stripePayouts).set({ status: "paid" }).where(eq(stripePayouts.id, "po_pa_transit"));
    expect(await ids()).toEqual([["po_pa_transit", "exceptions", 1]]);
  });

  it("counts a payout known from a webhook but never imported, in transit or paid", async () => {
    await h.db.insert(stripePayouts).values({ id: "po_pa_unimported", amountCents: 1_234, status: "in_transit" });
    expect((await ids()).map((r) => r[0])).toContain("po_pa_unimported");
    expect((await payoutsNeedingAttention(h.db)).find((p) => p.payoutId === "po_pa_unimported")).toMatchObject({
      reason: "not_imported",
      amountCents: 1_234,
      status: "in_transit",
    });
  });
});
