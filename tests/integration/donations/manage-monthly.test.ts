/** A monthly donor stops, re-prices or re-cards their gift from the receipt link; what they see is what Stripe and the books hold. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { donations, recurringGifts } from "@/db/schema";
import { cancelRecurringGift, findRecurringGift } from "@/lib/donations/cancel-recurring";
import { createCheckout } from "@/lib/donations/checkout";
import { cardUpdateUrl, changeRecurringAmount } from "@/lib/donations/manage-recurring";
import { insertCampaign } from "../../fixtures/campaigns";
import { createTestDb } from "../../helpers/test-db";
import { deliver, newDouble, routeToDb } from "../../helpers/webhook-harness";

let h: DbHandle;
let n = 0;
beforeAll(async () => {
  h = await createTestDb();
  await insertCampaign(h.db, { slug: "rosa-texas", alias: "Rosa" });
  routeToDb(h);
});
afterAll(async () => h?.close());

async function startMonthly(amount = "20") {
  const w = newDouble();
  const res = await createCheckout(
    h.db,
    w.stripe,
    { campaignSlug: "rosa-texas", amount, frequency: "monthly", email: "m@example.org", locale: "en" },
    { ip: `192.0.2.${++n}` },
  );
  w.double.completeCheckout(res.sessionId, "success");
  await deliver(w.double.pendingEvents(), w.double.webhookSecret);
  const gift = await findRecurringGift(h.db, res.id, res.cancelToken);
  expect(gift?.status).toBe("active");
  return { ...w, id: res.id, token: res.cancelToken!, sub: gift!.subscriptionId! };
}

describe("managing a monthly gift", () => {
  it("stop: stays stopped when the link is reopened, in our database and at Stripe, even before any webhook", async () => {
    const m = await startMonthly();
    expect(await cancelRecurringGift(h.db, m.stripe, m.id, m.token)).toBe("cancelled");
    // Reopening the link (a fresh read), no webhook delivered yet:
    expect((await findRecurringGift(h.db, m.id, m.token))?.status).toBe("cancelled");
    expect((await m.stripe.subscriptions.retrieve(m.sub)).status).toBe("canceled");
    // The double queued customer.subscription.deleted for the API call; delivering it changes nothing more.
    const pending = m.double.pendingEvents().map((e) => e.type);
    expect(pending).toContain("customer.subscription.deleted");
    await deliver(m.double.pendingEvents(), m.double.webhookSecret);
    const [row] = await h.db.select().from(recurringGifts).where(eq(recurringGifts.id, m.id));
    expect(row!.status).toBe("cancelled");
    expect(await cancelRecurringGift(h.db, m.stripe, m.id, m.token)).toBe("already");
    expect(() => m.double.renewSubscription(m.sub)).toThrow(/canceled/);
  });

  it("change amount: the next invoice is the new amount and the books record it as the gift", async () => {
    const m = await startMonthly("20");
    expect(
      await changeRecurringAmount(h.db, m.stripe, {
        id: m.id,
        token: m.token,
        amount: "37",
        coverFee: true,
        maxCents: 2_000_000,
      }),
    ).toBe("changed");
    expect(m.double.pendingEvents().map((e) => e.type)).toContain("customer.subscription.updated");
    const gift = await findRecurringGift(h.db, m.id, m.token);
    expect(gift).toMatchObject({ amountCents: 3_841, coverFeeCents: 141, status: "active" });
    const invoice = m.double.renewSubscription(m.sub);
    expect(invoice.amount_paid).toBe(3_841);
    await deliver(m.double.pendingEvents(), m.double.webhookSecret);
    const rows = await h.db.select().from(donations).where(eq(donations.recurringGiftId, m.id));
    expect(rows.map((r) => r.amountCents).sort((a, b) => a - b)).toEqual([2_000, 3_841]);
    expect(rows.find((r) => r.amountCents === 3_841)?.coverFeeCents).toBe(141);
  });

  it("change amount: a typo is refused and nothing changes", async () => {
    const m = await startMonthly("20");
    await expect(
      changeRecurringAmount(h.db, m.stripe, {
        id: m.id,
        token: m.token,
        amount: "3",
        coverFee: false,
        maxCents: 2_000_000,
      }),
    ).rejects.toThrow(/smallest gift/);
    expect((await m.stripe.subscriptions.retrieve(m.sub)).items.data[0]!.price.unit_amount).toBe(2_000);
    expect(
      await changeRecurringAmount(h.db, m.stripe, {
        id: m.id,
        token: "wrong",
        amount: "30",
        coverFee: false,
        maxCents: 2_000_000,
      }),
    ).toBe("invalid");
  });

  it("change card: a customer portal session for the subscription's customer, returning to the link", async () => {
    const m = await startMonthly("20");
    const url = await cardUpdateUrl(h.db, m.stripe, {
      id: m.id,
      token: m.token,
      returnUrl: "http://localhost:4141/back",
    });
    expect(url).toMatch(/\/dev\/stripe\/portal\/bps_/);
    const session = [...m.double.portalSessions.values()][0]!;
    expect(session.return_url).toBe("http://localhost:4141/back");
    expect(session.customer).toBe(String((await m.stripe.subscriptions.retrieve(m.sub)).customer));
  });
});
