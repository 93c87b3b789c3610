import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { oneOffParams, setup } from "./helpers";

type Step =
  | { kind: "gift"; amount: number }
  | { kind: "refund"; pick: number; part: number }
  | { kind: "dispute"; pick: number; won: boolean; countered: boolean }
  | { kind: "payout"; reconcile: boolean }
  | { kind: "failPayout"; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("gift" as const), amount: fc.integer({ min: 500, max: 500_000 }) }),
  fc.record({ kind: fc.constant("refund" as const), pick: fc.nat(), part: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ kind: fc.constant("dispute" as const), pick: fc.nat(), won: fc.boolean(), countered: fc.boolean() }),
  fc.record({ kind: fc.constant("payout" as const), reconcile: fc.boolean() }),
  fc.record({ kind: fc.constant("failPayout" as const), pick: fc.nat() }),
);

describe("balance invariant", () => {
  it("sum of activity nets = available + paid-out, for any sequence of gifts/refunds/disputes/payouts", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps) => {
        const { double, stripe } = setup();
        const charges: string[] = [];
        const payouts: string[] = [];
        for (const s of steps) {
          if (s.kind === "gift") {
            const session = await stripe.checkout.sessions.create(
              oneOffParams({
                line_items: [
                  {
                    quantity: 1,
                    price_data: { currency: "usd", unit_amount: s.amount, product_data: { name: "Gift" } },
                  },
                ],
              }),
            );
            double.completeCheckout(session.id, "success");
            const pi = await stripe.paymentIntents.retrieve(
              String((await stripe.checkout.sessions.retrieve(session.id)).payment_intent),
            );
            charges.push(String(pi.latest_charge));
          } else if (s.kind === "refund" && charges.length > 0) {
            const charge = await stripe.charges.retrieve(charges[s.pick % charges.length] ?? "");
            const left = charge.amount - charge.amount_refunded;
            if (left > 0 && !charge.disputed)
              await stripe.refunds.create({
                charge: charge.id,
                amount: Math.max(1, Math.floor((left * s.part) / 100)),
              });
          } else if (s.kind === "dispute" && charges.length > 0) {
            const charge = await stripe.charges.retrieve(charges[s.pick % charges.length] ?? "");
            if (!charge.disputed && charge.amount_refunded < charge.amount)
              double.dispute(charge.id, s.won ? "won" : "lost", { countered: s.won || s.countered });
          } else if (s.kind === "payout") {
            const po = double.createPayout({ reconcile: s.reconcile });
            if (po) payouts.push(po.id);
          } else if (s.kind === "failPayout" && payouts.length > 0) {
            double.failPayout(payouts[s.pick % payouts.length] ?? "");
          }
        }
        const all = await stripe.balanceTransactions.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
        const activity = all
          .filter((t) => t.type !== "payout" && t.type !== "payout_failure")
          .reduce((sum, t) => sum + t.net, 0);
        const paidOut = (await stripe.payouts.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 }))
          .filter((p) => p.status === "paid")
          .reduce((sum, p) => sum + p.amount, 0);
        expect(activity).toBe(double.availableBalance() + paidOut);
        // And Stripe's own view: the sum of every net is what is still in the balance.
        expect(all.reduce((sum, t) => sum + t.net, 0)).toBe(double.availableBalance());
        for (const id of payouts) {
          const swept = await stripe.balanceTransactions
            .list({ payout: id, limit: 100 })
            .autoPagingToArray({ limit: 10_000 });
          const po = await stripe.payouts.retrieve(id);
          // Complete only once reconciled; until then the list holds the payout's own debit alone.
          if (po.reconciliation_status !== "completed") expect(swept.map((t) => t.type)).toEqual(["payout"]);
          else expect(swept.filter((t) => t.type !== "payout").reduce((sum, t) => sum + t.net, 0)).toBe(po.amount);
        }
      }),
      { numRuns: 40 },
    );
  });
});
