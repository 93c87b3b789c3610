/**
 * A charge's `refunds`: a list Stripe leaves out of the charge unless it is expanded, and then
 * includes newest first, the first 10, with `has_more` beyond them. The webhook's read of a
 * payment relies on it (lib/payments/webhooks/read-ahead.ts).
 */
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { oneOffParams, setup } from "./helpers";

async function paidCharge() {
  const { double, stripe } = setup();
  const params = oneOffParams();
  params.line_items![0]!.price_data!.unit_amount = 50_000;
  const s = await stripe.checkout.sessions.create(params);
  double.completeCheckout(s.id, "success");
  const pi = String((await stripe.checkout.sessions.retrieve(s.id)).payment_intent);
  return { double, stripe, pi };
}

const refundsOf = async (stripe: Stripe, pi: string) =>
  ((await stripe.paymentIntents.retrieve(pi, { expand: ["latest_charge.refunds"] })).latest_charge as Stripe.Charge)
    .refunds!;

describe("a charge's included refunds", () => {
  it("are left out unless expanded, and an empty list when there are none", async () => {
    const { stripe, pi } = await paidCharge();
    const plain = (await stripe.paymentIntents.retrieve(pi, { expand: ["latest_charge"] }))
      .latest_charge as Stripe.Charge;
    expect(plain).not.toHaveProperty("refunds");
    const list = await refundsOf(stripe, pi);
    expect(list).toEqual({ object: "list", data: [], has_more: false, url: `/v1/charges/${plain.id}/refunds` });
  });

  it("are the newest 10, with has_more past them", async () => {
    const { stripe, pi } = await paidCharge();
    const made: string[] = [];
    for (let i = 0; i < 11; i++) made.push((await stripe.refunds.create({ payment_intent: pi, amount: 100 + i })).id);
    const list = await refundsOf(stripe, pi);
    expect(list.has_more).toBe(true);
    expect(list.data.map((r) => r.id)).toEqual(made.slice(1).reverse());
    await stripe.refunds.create({ payment_intent: pi, amount: 1 });
    expect((await refundsOf(stripe, pi)).data).toHaveLength(10);
  });

  it("belong to charges only: expanding refunds elsewhere fails as Stripe's API does", async () => {
    const { stripe, pi } = await paidCharge();
    await expect(stripe.paymentIntents.retrieve(pi, { expand: ["refunds"] })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      param: "expand",
    });
  });
});
