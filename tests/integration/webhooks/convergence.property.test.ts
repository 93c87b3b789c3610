/**
 * Random Stripe histories (gifts, monthly renewals, partial refunds, disputes
 * won or lost, countered or accepted, payouts, failed payouts) delivered at random moments, shuffled,
 * duplicated and concurrent must end in the same books as in-order single
 * delivery, and in the books a simple model predicts.
 */
import fc from "fast-check";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { stripeMatchDrift } from "@/lib/reconciliation/stripe-match";
import { processingFee } from "@/lib/donations/fees";
import { startMonthlyGift, startOneOffGift } from "../../fixtures/gifts";
import { books, checkInvariants, deliver, RESERVE, routeToDb } from "../../helpers/webhook-harness";
import { newWorld, seeded, type World } from "./setup";

type Action =
  | { t: "gift"; amount: number; monthly: boolean }
  | { t: "renew"; i: number }
  | { t: "refund"; i: number; part: number }
  | { t: "dispute"; i: number; won: boolean; countered: boolean }
  | { t: "payout"; fail: boolean }
  | { t: "deliver" };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ t: fc.constant("gift" as const), amount: fc.integer({ min: 500, max: 60_000 }), monthly: fc.boolean() }),
  fc.record({ t: fc.constant("renew" as const), i: fc.nat() }),
  fc.record({ t: fc.constant("refund" as const), i: fc.nat(), part: fc.double({ min: 0.05, max: 1, noNaN: true }) }),
  fc.record({ t: fc.constant("dispute" as const), i: fc.nat(), won: fc.boolean(), countered: fc.boolean() }),
  fc.record({ t: fc.constant("payout" as const), fail: fc.boolean() }),
  fc.constant({ t: "deliver" as const }),
);

interface Payment {
  pi: string;
  gross: number;
  refunded: number;
  dispute?: { amount: number; won: boolean; countered: boolean };
}

class Model {
  payments: Payment[] = [];
  subs: string[] = [];
  payouts = 0;

  expected(campaign: string): Record<string, number> {
    let camp = 0,
      general = RESERVE,
      stripe = 0;
    for (const p of this.payments) {
      const fee = processingFee(p.gross);
      const drawn = fee + p.refunded;
      camp += p.gross - Math.min(p.gross, drawn);
      general -= Math.max(0, drawn - p.gross);
      stripe += p.gross - fee - p.refunded;
      if (p.dispute) {
        // The dispute fee always; the countered fee only when countered and lost (a win returns it).
        const kept = p.dispute.won ? 0 : p.dispute.amount + (p.dispute.countered ? 1_500 : 0);
        general -= kept + 1_500;
        stripe -= kept + 1_500;
      }
    }
    stripe -= this.payouts;
    const all: Record<string, number> = {
      stripe,
      bank: RESERVE + this.payouts,
      general,
      [`campaign:${campaign}`]: camp,
    };
    return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== 0));
  }
}

async function apply(w: World, m: Model, a: Action, sent: Stripe.Event[], random: () => number): Promise<void> {
  const dbs = [w.a.db, w.b.db];
  const piOfInvoice = (invoiceId: string) =>
    String(w.double.store.all("invoice_payment").find((p) => p.invoice === invoiceId)!.payment.payment_intent);
  switch (a.t) {
    case "gift": {
      if (a.monthly) {
        const g = await startMonthlyGift(dbs, w.stripe, w.campaign, { amountCents: a.amount, email: "m@example.test" });
        w.double.completeCheckout(g.sessionId, "success");
        const s = w.double.store.get("checkout.session", g.sessionId)!;
        m.subs.push(String(s.subscription));
        m.payments.push({ pi: piOfInvoice(String(s.invoice)), gross: a.amount, refunded: 0 });
      } else {
        const g = await startOneOffGift(dbs, w.stripe, w.campaign, { amountCents: a.amount, email: "o@example.test" });
        w.double.completeCheckout(g.sessionId, "success");
        m.payments.push({
          pi: String(w.double.store.get("checkout.session", g.sessionId)!.payment_intent),
          gross: a.amount,
          refunded: 0,
        });
      }
      return;
    }
    case "renew": {
      if (!m.subs.length) return;
      const sub = m.subs[a.i % m.subs.length]!;
      const inv = w.double.renewSubscription(sub);
      m.payments.push({ pi: piOfInvoice(inv.id!), gross: inv.amount_paid, refunded: 0 });
      return;
    }
    case "refund": {
      const open = m.payments.filter((p) => !p.dispute && p.refunded < p.gross);
      if (!open.length) return;
      const p = open[a.i % open.length]!;
      const amount = Math.max(1, Math.floor((p.gross - p.refunded) * a.part));
      w.double.refund(p.pi, amount);
      p.refunded += amount;
      return;
    }
    case "dispute": {
      const open = m.payments.filter((p) => !p.dispute && p.refunded < p.gross);
      if (!open.length) return;
      const p = open[a.i % open.length]!;
      const countered = a.won || a.countered;
      w.double.dispute(p.pi, a.won ? "won" : "lost", { countered });
      p.dispute = { amount: p.gross - p.refunded, won: a.won, countered };
      return;
    }
    case "payout": {
      const po = w.double.createPayout();
      if (!po) return;
      if (a.fail) w.double.failPayout(po.id);
      else m.payouts += po.amount;
      return;
    }
    case "deliver": {
      // B sees an intermediate Stripe state; A will only ever see the final one.
      sent.push(...w.double.pendingEvents());
      const chaos = w.double.signedEvents({ maxCopies: 5, shuffle: true, random }).map((s) => s.event);
      routeToDb(w.b);
      await deliver(chaos, w.double.webhookSecret, { concurrency: 4 });
    }
  }
}

const RUNS = Number(process.env.WEBHOOK_PROPERTY_RUNS ?? 6);

describe("webhook convergence", () => {
  it(
    "ends in the model's books whatever the delivery order, copies and timing",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(action, { minLength: 2, maxLength: 9 }), fc.integer(), async (actions, seed) => {
          const w = await newWorld();
          try {
            const m = new Model();
            const random = seeded(seed);
            const sent: Stripe.Event[] = [];
            for (const a of actions) await apply(w, m, a, sent, random);
            const rest = w.double.pendingEvents();
            const chaos = w.double.signedEvents({ maxCopies: 5, shuffle: true, random }).map((s) => s.event);
            routeToDb(w.b);
            await deliver(chaos, w.double.webhookSecret, { concurrency: 4 });
            routeToDb(w.a);
            await deliver([...sent, ...rest], w.double.webhookSecret);
            const [ba, bb] = [await books(w.a.db), await books(w.b.db)];
            expect(ba.balances).toEqual(m.expected(w.campaign));
            expect(bb).toEqual(ba);
            for (const h of [w.a, w.b]) {
              const inv = await checkInvariants(h.db, w.double);
              expect(inv.stripe).toBe(inv.stripeAtStripe);
              // The stored Stripe match (migration 0022) equals its recomputation after any delivery order.
              expect(await stripeMatchDrift(h.db)).toBe(0);
            }
          } finally {
            await w.close();
          }
        }),
        { numRuns: RUNS },
      );
    },
    60_000 + RUNS * 20_000,
  );
});
