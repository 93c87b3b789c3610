import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { lockScopeOf } from "@/lib/payments/webhooks/process-event";

const ev = (type: string, object: Record<string, unknown>) =>
  ({ id: "evt_1", type, data: { object } }) as unknown as Stripe.Event;

describe("lockScopeOf", () => {
  it("keys every event about one card payment by its payment intent", () => {
    expect(
      lockScopeOf(ev("checkout.session.completed", { id: "cs_1", mode: "payment", payment_intent: "pi_1" })),
    ).toEqual({ payment: "pi_1" });
    expect(lockScopeOf(ev("charge.updated", { id: "ch_1", payment_intent: "pi_1" }))).toEqual({ payment: "pi_1" });
    expect(lockScopeOf(ev("charge.refunded", { id: "ch_1", payment_intent: { id: "pi_1" } }))).toEqual({
      payment: "pi_1",
    });
    expect(lockScopeOf(ev("refund.created", { id: "re_1", payment_intent: "pi_1" }))).toEqual({ payment: "pi_1" });
    expect(lockScopeOf(ev("charge.dispute.created", { id: "dp_1", payment_intent: "pi_1" }))).toEqual({
      payment: "pi_1",
    });
    expect(lockScopeOf(ev("radar.early_fraud_warning.created", { id: "issfr_1", payment_intent: "pi_1" }))).toEqual({
      payment: "pi_1",
    });
  });
  it("runs subscriptions, invoices, payouts and anything without a payment alone", () => {
    expect(
      lockScopeOf(ev("checkout.session.completed", { id: "cs_2", mode: "subscription", subscription: "sub_1" })),
    ).toBe("exclusive");
    expect(lockScopeOf(ev("checkout.session.expired", { id: "cs_3", mode: "payment", payment_intent: null }))).toBe(
      "exclusive",
    );
    expect(lockScopeOf(ev("invoice.paid", { id: "in_1", payment_intent: "pi_2" }))).toBe("exclusive");
    expect(lockScopeOf(ev("customer.subscription.deleted", { id: "sub_1" }))).toBe("exclusive");
    expect(lockScopeOf(ev("payout.paid", { id: "po_1" }))).toBe("exclusive");
    expect(lockScopeOf(ev("charge.refunded", { id: "ch_2", payment_intent: "pi_2", invoice: "in_1" }))).toBe(
      "exclusive",
    );
    expect(lockScopeOf(ev("charge.dispute.created", { id: "dp_2", charge: "ch_3", payment_intent: null }))).toBe(
      "exclusive",
    );
  });
});
