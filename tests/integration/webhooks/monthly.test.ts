import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { donations, outboxMessages } from "@/db/schema";
import { processingFee } from "@/lib/donations/fees";
import { startMonthlyGift } from "../../fixtures/gifts";
import { RESERVE } from "../../helpers/webhook-harness";
import { newWorld, settleBoth, type World } from "./setup";

let w: World;
beforeEach(async () => {
  w = await newWorld();
});
afterEach(async () => w?.close());

async function subscribe(amount: number) {
  const g = await startMonthlyGift([w.a.db, w.b.db], w.stripe, w.campaign, {
    amountCents: amount,
    email: "monthly@example.test",
    locale: "es",
  });
  w.double.completeCheckout(g.sessionId, "success");
  const sub = String(w.double.store.get("checkout.session", g.sessionId)!.subscription);
  return { ...g, sub };
}

describe("monthly gifts", () => {
  it("counts the first month once, then one donation per paid renewal", async () => {
    const g = await subscribe(2_500);
    w.double.renewSubscription(g.sub);
    w.double.renewSubscription(g.sub);
    const b = await settleBoth(w, 21);
    const net = 2_500 - processingFee(2_500);
    expect(b.balances[`campaign:${w.campaign}`]).toBe(3 * net);
    expect(b.donations).toHaveLength(3);
    for (const d of b.donations)
      expect(d).toMatchObject({ status: "succeeded", amount: 2_500, gift: g.recurringGiftId });
    expect(b.gifts).toEqual([{ id: g.recurringGiftId, status: "active", sub: g.sub }]);
    const mail = await w.a.db.select().from(outboxMessages);
    expect(mail).toHaveLength(3);
    expect(mail[0]!.textBody).toContain(`/give/cancel/${g.recurringGiftId}`);
    expect(mail[0]!.subject).toMatch(/Su donación/);
  });

  it("books nothing for a failed renewal, and cancels the gift on subscription.deleted", async () => {
    const g = await subscribe(1_000);
    w.double.renewSubscription(g.sub, { fail: true });
    w.double.cancelSubscription(g.sub);
    const b = await settleBoth(w, 22);
    expect(b.donations).toHaveLength(1);
    expect(b.balances).toEqual({
      stripe: 1_000 - processingFee(1_000),
      bank: RESERVE,
      general: RESERVE,
      [`campaign:${w.campaign}`]: 1_000 - processingFee(1_000),
    });
    expect(b.gifts[0]!.status).toBe("cancelled");
  });

  it("refunds a renewal found through its invoice, whichever event comes first", async () => {
    const g = await subscribe(3_000);
    const invoice = w.double.renewSubscription(g.sub);
    const payment = w.double.store.all("invoice_payment").find((p) => p.invoice === invoice.id)!;
    w.double.refund(String(payment.payment.payment_intent), 3_000);
    const b = await settleBoth(w, 23);
    const [refunded] = await w.b.db.select().from(donations).where(eq(donations.invoiceId, invoice.id!));
    expect(refunded).toMatchObject({ status: "refunded", refundedCents: 3_000 });
    expect(b.balances.general).toBe(RESERVE - processingFee(3_000));
  });
});
