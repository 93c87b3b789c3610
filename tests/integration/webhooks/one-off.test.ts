import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { donations, outboxMessages, stripeEvents } from "@/db/schema";
import { DEFAULT_BANK_FEE, processingFee } from "@/lib/donations/fees";
import { startOneOffGift } from "../../fixtures/gifts";
import { RESERVE } from "../../helpers/webhook-harness";
import { newWorld, settleBoth, type World } from "./setup";

let w: World;
beforeEach(async () => {
  w = await newWorld();
});
afterEach(async () => w?.close());

const camp = () => `campaign:${w.campaign}`;

async function paid(amount: number, email: string | null = "donor@example.test") {
  const g = await startOneOffGift([w.a.db, w.b.db], w.stripe, w.campaign, { amountCents: amount, email });
  w.double.completeCheckout(g.sessionId, "success");
  const [{ paymentIntent }] = [
    { paymentIntent: String(w.double.store.get("checkout.session", g.sessionId)!.payment_intent) },
  ];
  return { ...g, pi: paymentIntent };
}

async function row(id: string) {
  const [r] = await w.a.db.select().from(donations).where(eq(donations.id, id));
  return r!;
}

describe("one-off gifts through the webhook route", () => {
  it("books a card gift and its real fee once, and queues one receipt", async () => {
    const g = await paid(10_000);
    const b = await settleBoth(w, 11);
    const fee = processingFee(10_000);
    expect(b.balances).toEqual({ stripe: 10_000 - fee, bank: RESERVE, general: RESERVE, [camp()]: 10_000 - fee });
    const r = await row(g.donationId);
    expect(r).toMatchObject({ status: "succeeded", feeCents: fee, refundedCents: 0, paymentIntentId: g.pi });
    expect(r.chargeId).toMatch(/^ch_/);
    const mail = await w.a.db.select().from(outboxMessages);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.textBody).toContain("$100.00");
    expect(b.receipts).toBe(1);
  });

  it("books a partial then a full refund from the campaign, the fee overflow from general", async () => {
    const g = await paid(5_000);
    w.double.refund(g.pi, 1_000);
    w.double.refund(g.pi);
    const b = await settleBoth(w, 12);
    const fee = processingFee(5_000);
    // The campaign gives back all this gift brought; general bears the fee Stripe kept.
    expect(b.balances).toEqual({ stripe: -fee, bank: RESERVE, general: RESERVE - fee });
    expect(await row(g.donationId)).toMatchObject({ status: "refunded", refundedCents: 5_000 });
    expect(b.refunds.map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
  });

  it("books a partial refund within the campaign", async () => {
    const g = await paid(5_000);
    w.double.refund(g.pi, 1_234);
    const b = await settleBoth(w, 13);
    const fee = processingFee(5_000);
    expect(b.balances).toEqual({
      stripe: 5_000 - fee - 1_234,
      bank: RESERVE,
      general: RESERVE,
      [camp()]: 5_000 - fee - 1_234,
    });
    expect(await row(g.donationId)).toMatchObject({ status: "partially_refunded", refundedCents: 1_234 });
  });

  // The payment's read includes its charge's first 10 refunds; past them the webhook lists them all.
  it("books every refund of a gift refunded more often than Stripe includes in the charge", async () => {
    const g = await paid(12_000);
    for (let i = 0; i < 12; i++) w.double.refund(g.pi, 100 + i);
    const b = await settleBoth(w, 16);
    const fee = processingFee(12_000);
    const refunded = 12 * 100 + (11 * 12) / 2;
    expect(b.balances).toEqual({
      stripe: 12_000 - fee - refunded,
      bank: RESERVE,
      general: RESERVE,
      [camp()]: 12_000 - fee - refunded,
    });
    expect(await row(g.donationId)).toMatchObject({ status: "partially_refunded", refundedCents: refunded });
    expect(b.refunds).toHaveLength(12);
  });

  it.each(["won", "lost"] as const)("books a %s dispute on general, with Stripe's 15.00 fee", async (result) => {
    const g = await paid(20_000);
    w.double.dispute(g.pi, result);
    const b = await settleBoth(w, result === "won" ? 14 : 15);
    const fee = processingFee(20_000);
    const lost = result === "lost" ? 20_000 : 0;
    expect(b.balances).toEqual({
      stripe: 20_000 - fee - lost - 1_500,
      bank: RESERVE,
      general: RESERVE - lost - 1_500,
      [camp()]: 20_000 - fee,
    });
    expect(await row(g.donationId)).toMatchObject({ status: result === "lost" ? "disputed" : "succeeded" });
    expect(b.disputes).toEqual([expect.objectContaining({ status: result, w: true, r: result === "won" })]);
  });

  it("books a delayed bank debit when it succeeds, and marks a failed one failed", async () => {
    const ok = await startOneOffGift([w.a.db, w.b.db], w.stripe, w.campaign, { amountCents: 7_000 });
    const bad = await startOneOffGift([w.a.db, w.b.db], w.stripe, w.campaign, { amountCents: 9_000 });
    w.double.completeCheckout(ok.sessionId, "delayed_success");
    w.double.completeCheckout(bad.sessionId, "delayed_failure");
    const b = await settleBoth(w, 16);
    expect(b.balances[camp()]).toBe(7_000 - processingFee(7_000, DEFAULT_BANK_FEE));
    expect((await row(ok.donationId)).status).toBe("succeeded");
    expect((await row(bad.donationId)).status).toBe("failed");
  });

  it("marks an expired session expired and books nothing; a decline leaves the session open", async () => {
    const ex = await startOneOffGift([w.a.db, w.b.db], w.stripe, w.campaign, { amountCents: 2_000 });
    const dec = await startOneOffGift([w.a.db, w.b.db], w.stripe, w.campaign, { amountCents: 2_000 });
    w.double.completeCheckout(ex.sessionId, "expire");
    w.double.completeCheckout(dec.sessionId, "decline");
    const b = await settleBoth(w, 17);
    expect(b.balances).toEqual({ bank: RESERVE, general: RESERVE });
    expect((await row(ex.donationId)).status).toBe("expired");
    expect((await row(dec.donationId)).status).toBe("pending");
  });

  it("moves payouts to the bank, and back when the bank returns one", async () => {
    await paid(10_000);
    const po1 = w.double.createPayout()!;
    await paid(3_000);
    const po2 = w.double.createPayout()!;
    w.double.failPayout(po2.id);
    const b = await settleBoth(w, 18);
    const net = 10_000 - processingFee(10_000);
    expect(po1.amount).toBe(net);
    expect(b.balances).toEqual({
      stripe: 3_000 - processingFee(3_000),
      bank: RESERVE + net,
      general: RESERVE,
      [camp()]: net + 3_000 - processingFee(3_000),
    });
    expect(b.payouts.map((p) => p.status).sort()).toEqual(["failed", "paid"]);
  });

  it("records an early fraud warning and an unknown event type as processed/ignored, with 200", async () => {
    const g = await paid(4_000);
    w.double.earlyFraudWarning(g.pi);
    await settleBoth(w, 19);
    const rows = await w.a.db
      .select()
      .from(stripeEvents)
      .where(eq(stripeEvents.type, "radar.early_fraud_warning.created"));
    expect(rows[0]?.outcome).toBe("processed");
    const ignored = await w.a.db.select().from(stripeEvents).where(eq(stripeEvents.type, "payment_intent.succeeded"));
    expect(ignored[0]?.outcome).toBe("ignored");
  });
});
