import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { oneOffParams, setup, types } from "./helpers";

async function paidGift(ctx: ReturnType<typeof setup>, amount = 2500): Promise<Stripe.PaymentIntent> {
  const params = oneOffParams({
    line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: amount, product_data: { name: "Gift" } } }],
  });
  const s = await ctx.stripe.checkout.sessions.create(params);
  ctx.double.completeCheckout(s.id, "success");
  const done = await ctx.stripe.checkout.sessions.retrieve(s.id, { expand: ["payment_intent"] });
  return done.payment_intent as Stripe.PaymentIntent;
}

describe("webhook signatures", () => {
  it("verify with constructEvent; a tampered payload fails", async () => {
    const ctx = setup();
    await paidGift(ctx);
    const signed = ctx.double.signedEvents();
    for (const { payload, header, event } of signed) {
      expect(ctx.stripe.webhooks.constructEvent(payload, header, ctx.double.webhookSecret).id).toBe(event.id);
    }
    const first = signed[0];
    if (!first) throw new Error("no events");
    const tampered = first.payload.replace('"amount": 2500', '"amount": 1');
    expect(tampered).not.toBe(first.payload);
    expect(() => ctx.stripe.webhooks.constructEvent(tampered, first.header, ctx.double.webhookSecret)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it("duplicates and shuffles on request", async () => {
    const ctx = setup();
    await paidGift(ctx);
    let n = 0;
    const random = (): number => (n = (n * 9301 + 49297) % 233280) / 233280;
    const copies = ctx.double.signedEvents({ maxCopies: 3, shuffle: true, random });
    const ids = new Set(copies.map((c) => c.event.id));
    expect(ids.size).toBe(4);
    expect(copies.length).toBeGreaterThanOrEqual(4);
  });
});

describe("refunds", () => {
  it("partial then full refund; cannot exceed the charge", async () => {
    const ctx = setup();
    const pi = await paidGift(ctx);
    ctx.double.signedEvents();
    const r1 = await ctx.stripe.refunds.create({ payment_intent: pi.id, amount: 1000 });
    expect(r1).toMatchObject({ amount: 1000, status: "succeeded", charge: pi.latest_charge });
    expect(types(ctx.double)).toEqual(["charge.refunded", "refund.created"]);
    const err = await ctx.stripe.refunds
      .create({ charge: String(pi.latest_charge), amount: 1501 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((err as Stripe.errors.StripeError).param).toBe("amount");
    const r2 = ctx.double.refund(String(pi.latest_charge));
    expect(r2.amount).toBe(1500);
    const charge = await ctx.stripe.charges.retrieve(String(pi.latest_charge));
    expect(charge).toMatchObject({ amount_refunded: 2500, refunded: true });
    const again = await ctx.stripe.refunds.create({ charge: charge.id }).catch((e: unknown) => e);
    expect((again as Stripe.errors.StripeError).code).toBe("charge_already_refunded");
    const txn = await ctx.stripe.balanceTransactions.retrieve(String(r1.balance_transaction));
    expect(txn).toMatchObject({ type: "refund", amount: -1000, fee: 0, net: -1000 });
    expect((await ctx.stripe.refunds.retrieve(r1.id)).id).toBe(r1.id);
  });
});

describe("disputes and fraud warnings", () => {
  it("lost dispute withdraws amount plus a 1500 fee", async () => {
    const ctx = setup();
    const pi = await paidGift(ctx);
    ctx.double.signedEvents();
    const dp = ctx.double.dispute(String(pi.latest_charge), "lost");
    expect(types(ctx.double)).toEqual([
      "charge.dispute.created",
      "charge.dispute.funds_withdrawn",
      "charge.dispute.closed",
    ]);
    const fetched = await ctx.stripe.disputes.retrieve(dp.id);
    expect(fetched.status).toBe("lost");
    expect(fetched.balance_transactions[0]).toMatchObject({ amount: -2500, fee: 1500, net: -4000 });
  });

  it("won dispute reinstates the funds", async () => {
    const ctx = setup();
    const pi = await paidGift(ctx);
    ctx.double.signedEvents();
    ctx.double.dispute(pi.id, "won");
    expect(types(ctx.double)).toEqual([
      "charge.dispute.created",
      "charge.dispute.funds_withdrawn",
      "charge.dispute.updated",
      "charge.dispute.closed",
      "charge.dispute.funds_reinstated",
    ]);
    await expect(ctx.stripe.refunds.create({ payment_intent: pi.id })).rejects.toMatchObject({
      code: "charge_disputed",
    });
  });

  it("early fraud warning", async () => {
    const ctx = setup();
    const pi = await paidGift(ctx);
    ctx.double.signedEvents();
    const efw = ctx.double.earlyFraudWarning(String(pi.latest_charge));
    const [evt] = ctx.double.signedEvents();
    expect(evt?.event.type).toBe("radar.early_fraud_warning.created");
    expect(efw).toMatchObject({ charge: pi.latest_charge, payment_intent: pi.id, actionable: true });
  });
});

describe("payouts and reconciliation", () => {
  it("a payout sweeps available transactions; their nets sum to the payout amount", async () => {
    const ctx = setup();
    for (const amount of [500, 2500, 10000, 777, 1234, 999, 5000, 600, 700, 800, 900, 1000])
      await paidGift(ctx, amount);
    const pi = await paidGift(ctx, 4321);
    ctx.double.refund(pi.id, 321);
    const po = ctx.double.createPayout();
    if (!po) throw new Error("expected a payout");
    expect(
      ctx.double
        .signedEvents()
        .map((e) => e.event.type)
        .slice(-3),
    ).toEqual(["payout.created", "payout.paid", "payout.reconciliation_completed"]);
    const txns = await ctx.stripe.balanceTransactions
      .list({ payout: po.id, limit: 5, expand: ["data.source"] })
      .autoPagingToArray({ limit: 1000 });
    expect(txns).toHaveLength(13 + 1 + 1); // charges, the refund, the payout's own debit
    const own = txns.filter((t) => t.type === "payout");
    expect(own).toHaveLength(1);
    expect(own[0]?.amount).toBe(-po.amount);
    expect(txns.filter((t) => t.type !== "payout").reduce((s, t) => s + t.net, 0)).toBe(po.amount);
    const sources = txns.map((t) => t.source as { object: string });
    expect(new Set(sources.map((s) => s.object))).toEqual(new Set(["charge", "refund", "payout"]));
    expect(ctx.double.availableBalance()).toBe(0);
    expect(ctx.double.createPayout()).toBeNull();
    const listed = await ctx.stripe.payouts.list();
    expect(listed.data.map((p) => p.id)).toEqual([po.id]);
    expect((await ctx.stripe.payouts.retrieve(po.id)).status).toBe("paid");
  });

  it("a failed payout returns the money to the balance for the next payout", async () => {
    const ctx = setup();
    await paidGift(ctx, 10000);
    const po = ctx.double.createPayout();
    if (!po) throw new Error("expected a payout");
    ctx.double.signedEvents();
    ctx.double.failPayout(po.id);
    expect(types(ctx.double)).toEqual(["payout.failed"]);
    expect(ctx.double.availableBalance()).toBe(po.amount);
    expect(ctx.double.createPayout()?.amount).toBe(po.amount);
  });

  it("rejects unknown list params and bad cursors", async () => {
    const ctx = setup();
    await expect(
      ctx.stripe.balanceTransactions.list({ bogus: 1 } as Stripe.BalanceTransactionListParams),
    ).rejects.toMatchObject({ param: "bogus" });
    await expect(ctx.stripe.balanceTransactions.list({ starting_after: "txn_missing" })).rejects.toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError,
    );
    await expect(ctx.stripe.charges.retrieve("ch_x", { expand: ["nothing"] })).rejects.toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError,
    );
  });
});
