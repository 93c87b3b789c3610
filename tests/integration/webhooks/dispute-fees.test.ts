/**
 * Stripe's two dispute fees reach the books: the dispute fee (with the withdrawal,
 * never returned) and the dispute countered fee (charged when the fund submits
 * evidence, returned with the disputed amount when the dispute is won).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { processingFee } from "@/lib/donations/fees";
import { startOneOffGift } from "../../fixtures/gifts";
import { RESERVE } from "../../helpers/webhook-harness";
import { newWorld, settleBoth, type World } from "./setup";

let w: World;
beforeEach(async () => {
  w = await newWorld();
});
afterEach(async () => w?.close());

const AMOUNT = 20_000;
const FEE = 1_500;

async function disputedGift() {
  const g = await startOneOffGift([w.a.db, w.b.db], w.stripe, w.campaign, { amountCents: AMOUNT });
  w.double.completeCheckout(g.sessionId, "success");
  const pi = String(w.double.store.get("checkout.session", g.sessionId)!.payment_intent);
  return w.double.openDispute(pi);
}

describe("dispute fees", () => {
  it("books the countered fee on general when the fund counters through the API", async () => {
    const dp = await disputedGift();
    const countered = await w.stripe.disputes.update(dp.id, { evidence: { uncategorized_text: "Signed gift form." } });
    expect(countered.status).toBe("under_review");
    expect(countered.balance_transactions.map((t) => [t.amount, t.fee, t.net])).toEqual([
      [-AMOUNT, FEE, -AMOUNT - FEE],
      [0, FEE, -FEE],
    ]);
    const b = await settleBoth(w, 21);
    expect(b.balances.general).toBe(RESERVE - AMOUNT - 2 * FEE);
    expect(b.balances.stripe).toBe(AMOUNT - processingFee(AMOUNT) - AMOUNT - 2 * FEE);
  });

  it.each([
    ["won", RESERVE - FEE],
    ["lost", RESERVE - AMOUNT - 2 * FEE],
  ] as const)("after countering, a %s dispute leaves general at the right figure", async (result, general) => {
    const dp = await disputedGift();
    w.double.counterDispute(dp.id);
    await settleBoth(w, 22);
    w.double.decideDispute(dp.id, result);
    const b = await settleBoth(w, 23);
    expect(b.balances.general).toBe(general);
    expect(b.balances[`campaign:${w.campaign}`]).toBe(AMOUNT - processingFee(AMOUNT));
  });

  it("accepting a dispute (close) charges no countered fee", async () => {
    const dp = await disputedGift();
    const closed = await w.stripe.disputes.close(dp.id);
    expect(closed.status).toBe("lost");
    expect(closed.balance_transactions).toHaveLength(1);
    const b = await settleBoth(w, 24);
    expect(b.balances.general).toBe(RESERVE - AMOUNT - FEE);
    await expect(w.stripe.disputes.update(dp.id, {})).rejects.toThrow(/can no longer be countered/);
  });
});
