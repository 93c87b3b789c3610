import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { donations } from "@/db/schema";
import type { Principal } from "@/lib/auth/roles";
import { refundGift } from "@/lib/donations/treasurer-refund";
import { campaignAccount, getBalance } from "@/lib/ledger";
import { processingFee } from "@/lib/donations/fees";
import { insertCampaign } from "../fixtures/campaigns";
import { startOneOffGift } from "../fixtures/gifts";
import { principal } from "../fixtures/people";
import { createTestDb } from "../helpers/test-db";
import { deliver, newDouble, RESERVE, routeToDb, seedReserve } from "../helpers/webhook-harness";

let h: DbHandle;
let treasurer: Principal, admin: Principal;
let donationId: string, campaign: string;
const world = newDouble();

beforeAll(async () => {
  h = await createTestDb();
  routeToDb(h);
  treasurer = await principal(h.db, "t@rf.example", ["treasurer"]);
  admin = await principal(h.db, "a@rf.example", ["admin"]);
  await seedReserve(h.db);
  campaign = await insertCampaign(h.db);
  const g = await startOneOffGift(h.db, world.stripe, campaign, { amountCents: 10_000 });
  donationId = g.donationId;
  world.double.completeCheckout(g.sessionId, "success");
  await deliver(world.double.pendingEvents(), world.double.webhookSecret);
});
afterAll(async () => h?.close());

const row = async () => (await h.db.select().from(donations).where(eq(donations.id, donationId)))[0]!;

describe("treasurer refunds", () => {
  it("refunds part of a gift once even when clicked twice, then the rest; never more than the gift", async () => {
    await expect(
      refundGift(h.db, world.stripe, admin, { donationId, amountCents: 100, reason: "donor asked" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      refundGift(h.db, world.stripe, treasurer, { donationId, amountCents: 10_001, reason: "donor asked" }),
    ).rejects.toThrow(/larger than what is left of the gift \(\$100\.00\)/);
    await expect(
      refundGift(h.db, world.stripe, treasurer, { donationId, amountCents: 100, reason: "" }),
    ).rejects.toThrow(/reason/);
    const a = await refundGift(h.db, world.stripe, treasurer, {
      donationId,
      amountCents: 4_000,
      reason: "donor gave twice by mistake",
    });
    const b = await refundGift(h.db, world.stripe, treasurer, {
      donationId,
      amountCents: 4_000,
      reason: "donor gave twice by mistake",
    });
    expect(b.refundId).toBe(a.refundId);
    await deliver(world.double.pendingEvents(), world.double.webhookSecret);
    expect(await row()).toMatchObject({ refundedCents: 4_000, status: "partially_refunded" });
    await expect(
      refundGift(h.db, world.stripe, treasurer, { donationId, amountCents: 6_001, reason: "rest of it" }),
    ).rejects.toThrow(/\$60\.00/);
    await refundGift(h.db, world.stripe, treasurer, { donationId, amountCents: 6_000, reason: "rest of it" });
    await deliver(world.double.pendingEvents(), world.double.webhookSecret);
    expect(await row()).toMatchObject({ refundedCents: 10_000, status: "refunded" });
    expect(await getBalance(h.db, campaignAccount(campaign))).toBe(0);
    await expect(
      refundGift(h.db, world.stripe, treasurer, { donationId, amountCents: 1, reason: "again" }),
    ).rejects.toMatchObject({ code: "conflict" });
    // Stripe kept its fee; the campaign had only the net, so the general pool bore the fee.
    expect(await getBalance(h.db, "general")).toBe(RESERVE - processingFee(10_000));
  });
});

describe("gifts read model", () => {
  it("lists gifts and their refunds for treasurers and admins, and refuses lawyers", async () => {
    const { giftsOverview, giftDetail } = await import("@/lib/donations/gifts-overview");
    const data = await giftsOverview(h.db, admin);
    expect(data.gifts.find((g) => g.id === donationId)).toMatchObject({ refunded: 10_000, status: "refunded" });
    expect(await giftDetail(h.db, treasurer, donationId)).toMatchObject({ amount: 10_000, consent: false });
    const lawyer = await principal(h.db, "l@rf.example", ["lawyer"]);
    await expect(giftsOverview(h.db, lawyer)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("shows before a refund what the books then take from the campaign and the general pool", async () => {
    const { giftDetail } = await import("@/lib/donations/gifts-overview");
    const { refundSplit } = await import("@/lib/donations/refund-split");
    const other = await insertCampaign(h.db);
    const g = await startOneOffGift(h.db, world.stripe, other, { amountCents: 5_000 });
    world.double.completeCheckout(g.sessionId, "success");
    await deliver(world.double.pendingEvents(), world.double.webhookSecret);
    const d = (await giftDetail(h.db, treasurer, g.donationId))!;
    const net = 5_000 - processingFee(5_000);
    expect(d).toMatchObject({ campaignHeld: net, campaignShare: net });
    const shown = refundSplit(5_000, d.campaignShare, d.campaignHeld);
    expect(shown).toEqual({ campaign: net, general: processingFee(5_000) });
    const general = await getBalance(h.db, "general");
    await refundGift(h.db, world.stripe, treasurer, {
      donationId: g.donationId,
      amountCents: 5_000,
      reason: "donor asked",
    });
    await deliver(world.double.pendingEvents(), world.double.webhookSecret);
    expect(await getBalance(h.db, campaignAccount(other))).toBe(net - shown.campaign);
    expect(await getBalance(h.db, "general")).toBe(general - shown.general);
  });
});
