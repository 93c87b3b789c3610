import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { campaigns, donations } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { resolvePurposeFailure } from "@/lib/campaigns/purpose-failure";
import { processingFee } from "@/lib/donations/fees";
import { campaignAccount, getBalance } from "@/lib/ledger";
import { insertCampaign } from "../fixtures/campaigns";
import { startOneOffGift } from "../fixtures/gifts";
import { principal } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";
import { deliver, newDouble, RESERVE, routeToDb, seedReserve } from "../helpers/webhook-harness";

let h: DbHandle;
let treasurer: Principal, lawyer: Principal;
let campaign: string;
const world = newDouble();
const gifts = [
  { amount: 10_000, consent: true },
  { amount: 2_500, consent: false },
  { amount: 25_000, consent: false },
];

beforeAll(async () => {
  h = await createTestDb();
  routeToDb(h);
  treasurer = await principal(h.db, "t@pf.example", ["treasurer"]);
  lawyer = await principal(h.db, "l@pf.example", ["lawyer"]);
  await seedReserve(h.db);
  campaign = await insertCampaign(h.db);
  for (const g of gifts) {
    const s = await startOneOffGift(h.db, world.stripe, campaign, { amountCents: g.amount });
    await h.db.update(donations).set({ redirectConsent: g.consent }).where(eq(donations.id, s.donationId));
    world.double.completeCheckout(s.sessionId, "success");
  }
  await deliver(world.double.pendingEvents(), world.double.webhookSecret);
});
afterAll(async () => h?.close());

describe("purpose failure", () => {
  it("refuses unless the campaign is cancelled, and only for treasurers", async () => {
    await expect(resolvePurposeFailure(h.db, world.stripe, treasurer, campaign)).rejects.toMatchObject({
      code: "conflict",
    });
    await h.db.update(campaigns).set({ status: "cancelled" }).where(eq(campaigns.id, campaign));
    await expect(resolvePurposeFailure(h.db, world.stripe, lawyer, campaign)).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("moves consenting gifts to the general pool and refunds the rest in full, once however often it runs", async () => {
    const fee = (a: number) => processingFee(a);
    const first = await resolvePurposeFailure(h.db, world.stripe, treasurer, campaign);
    expect(first).toEqual({
      redirectedCents: 10_000 - fee(10_000),
      refundsRequested: 2,
      refundCents: 27_500,
      subscriptionsCancelled: 0,
    });
    await resolvePurposeFailure(h.db, world.stripe, treasurer, campaign); // a second click before the webhooks arrive
    await deliver(world.double.pendingEvents(), world.double.webhookSecret);
    const third = await resolvePurposeFailure(h.db, world.stripe, treasurer, campaign); // after: nothing left to do
    expect(third.refundsRequested).toBe(0);
    expect(await getBalance(h.db, campaignAccount(campaign))).toBe(0);
    // The general pool gained the consenting gift net of its fee and bore the fees Stripe kept on the refunded ones.
    expect(await getBalance(h.db, "general")).toBe(RESERVE + (10_000 - fee(10_000)) - fee(2_500) - fee(25_000));
    const rows = await h.db
      .select({ status: donations.status, refunded: donations.refundedCents, consent: donations.redirectConsent })
      .from(donations)
      .where(eq(donations.campaignId, campaign));
    expect(rows.filter((r) => !r.consent).every((r) => r.status === "refunded")).toBe(true);
    expect(world.double.store.all("refund")).toHaveLength(2);
  });
});
