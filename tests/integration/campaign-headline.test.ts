/**
 * The campaign's headline figure ("raised") against the books: what the campaign
 * holds toward its bond plus what it already paid to ICE, never the gross of gifts.
 */
import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { bonds } from "@/db/schema";
import { getPublicCampaign, listCampaignCards, PUBLIC_STATUSES } from "@/lib/campaigns/queries";
import { createCheckout } from "@/lib/donations/checkout";
import { campaignAccount, getBalance } from "@/lib/ledger";
import { seedDemo } from "@/lib/seed/seed-demo";
import { createTestDb } from "../helpers/test-db";
import { deliver, newDouble, routeToDb } from "../helpers/webhook-harness";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
  await seedDemo(h.db, { now: new Date("2026-11-28T12:00:00Z") });
  routeToDb(h);
});
afterAll(async () => h?.close());

/** Independent of the page's query: the account balance, plus the campaign's part of each paid bond (from the bonds table). */
async function expectedFigure(campaignId: string): Promise<number> {
  const paid = await h.db
    .select({ amount: bonds.amountCents, topUp: bonds.topUpCents })
    .from(bonds)
    .where(and(eq(bonds.campaignId, campaignId), isNotNull(bonds.paidOn)));
  return (await getBalance(h.db, campaignAccount(campaignId))) + paid.reduce((s, b) => s + b.amount - b.topUp, 0);
}

describe("the campaign figure equals the ledger", () => {
  it("for every public demo campaign", async () => {
    const cards = await listCampaignCards(h.db, PUBLIC_STATUSES);
    expect(cards.length).toBeGreaterThan(3);
    for (const c of cards) expect(c.raisedCents, c.slug).toBe(await expectedFigure(c.id));
    // The demo has gifts with fees: the figure is below the gross of gifts somewhere.
    expect(cards.some((c) => c.status === "bond_posted" || c.status === "closed")).toBe(true);
  });

  it("a $37 gift with the $1.41 fee cover raises it by exactly what the campaign received", async () => {
    const { double, stripe } = newDouble();
    const [live] = await listCampaignCards(h.db);
    const before = (await getPublicCampaign(h.db, live!.slug))!.raisedCents;
    const balanceBefore = await getBalance(h.db, campaignAccount(live!.id));
    const res = await createCheckout(
      h.db,
      stripe,
      { campaignSlug: live!.slug, amount: "37", coverFee: "on", frequency: "one_off", locale: "en" },
      { ip: "192.0.2.77" },
    );
    double.completeCheckout(res.sessionId, "success");
    await deliver(double.pendingEvents(), double.webhookSecret);
    const after = (await getPublicCampaign(h.db, live!.slug))!.raisedCents;
    const received = (await getBalance(h.db, campaignAccount(live!.id))) - balanceBefore;
    expect(after - before).toBe(received);
    // $38.41 charged; the card fee on it is $1.41 (2.9% + 30¢), borne by the campaign: it keeps the $37 gift.
    expect(after - before).toBe(3_700);
  });
});
