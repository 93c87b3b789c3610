import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { createDoubleStripe, StripeDouble } from "@/stripe-double";
import { oneOffParams, setup } from "./helpers";

async function paidGift(ctx: ReturnType<typeof setup>, amount = 2500) {
  const params = oneOffParams();
  params.line_items![0]!.price_data!.unit_amount = amount;
  const s = await ctx.stripe.checkout.sessions.create(params);
  ctx.double.completeCheckout(s.id, "success");
}

describe("payout reconciliation", () => {
  it("lists a payout's transactions in full only once its reconciliation completes", async () => {
    const ctx = setup();
    await paidGift(ctx, 2500);
    await paidGift(ctx, 4000);
    ctx.double.signedEvents();
    const po = ctx.double.createPayout({ reconcile: false })!;
    expect(po).toMatchObject({ status: "paid", automatic: true, reconciliation_status: "in_progress" });
    const partial = await ctx.stripe.balanceTransactions.list({ payout: po.id, limit: 100 });
    expect(partial.data.map((t) => t.type)).toEqual(["payout"]);
    ctx.double.completePayoutReconciliation(po.id);
    const full = await ctx.stripe.balanceTransactions.list({ payout: po.id, limit: 100 });
    expect(full.data.filter((t) => t.type !== "payout").reduce((s, t) => s + t.net, 0)).toBe(po.amount);
    expect(ctx.double.signedEvents().map((e) => e.event.type)).toEqual([
      "payout.created",
      "payout.paid",
      "payout.reconciliation_completed",
    ]);
    expect((await ctx.stripe.payouts.retrieve(po.id)).reconciliation_status).toBe("completed");
  });
});

describe("events carry the endpoint's API version", () => {
  it("stamps the SDK's pinned version by default, and the endpoint's when set", async () => {
    const ctx = setup();
    await paidGift(ctx);
    expect(new Set(ctx.double.pendingEvents().map((e) => e.api_version))).toEqual(new Set([Stripe.API_VERSION]));
    const old = new StripeDouble({ baseUrl: "http://localhost:4000", endpointApiVersion: "2024-06-20" });
    const s = await createDoubleStripe(old).checkout.sessions.create(oneOffParams());
    old.completeCheckout(s.id, "success");
    expect(new Set(old.pendingEvents().map((e) => e.api_version))).toEqual(new Set(["2024-06-20"]));
  });
});

describe("disputes through the API", () => {
  it("keeps metadata, counters once, and refuses a second counter", async () => {
    const ctx = setup();
    await paidGift(ctx, 3000);
    const pi = ctx.double.store.all("payment_intent")[0]!;
    const dp = ctx.double.openDispute(pi.id);
    const noted = await ctx.stripe.disputes.update(dp.id, { submit: false, metadata: { case: "c1" } });
    expect(noted).toMatchObject({ status: "needs_response", metadata: { case: "c1" } });
    const countered = await ctx.stripe.disputes.update(dp.id, { evidence: { uncategorized_text: "Form." } });
    expect(countered).toMatchObject({ status: "under_review", metadata: { case: "c1" } });
    expect(countered.evidence_details).toMatchObject({ has_evidence: true, submission_count: 1 });
    await expect(ctx.stripe.disputes.update(dp.id, {})).rejects.toThrow(/under_review/);
    const won = ctx.double.decideDispute(dp.id, "won");
    expect(won.balance_transactions.reduce((s, t) => s + t.net, 0)).toBe(-1500);
  });
});
