import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { monthlyParams, oneOffParams, setup, types } from "./helpers";

describe("checkout outcomes produce Stripe-like event sequences", () => {
  it("success (one-off): completed while the fee is unknown, then charge.updated with the fee", async () => {
    const { double, stripe } = setup();
    const s = await stripe.checkout.sessions.create(oneOffParams());
    expect(double.completeCheckout(s.id, "success")).toBe(s.success_url);
    const signed = double.signedEvents();
    expect(signed.map((e) => e.event.type)).toEqual([
      "charge.succeeded",
      "payment_intent.succeeded",
      "checkout.session.completed",
      "charge.updated",
    ]);
    const completed = signed[2]?.event as Stripe.CheckoutSessionCompletedEvent;
    expect(completed.data.object).toMatchObject({
      status: "complete",
      payment_status: "paid",
      client_reference_id: "don_1",
    });
    const pi = await stripe.paymentIntents.retrieve(String(completed.data.object.payment_intent), {
      expand: ["latest_charge.balance_transaction"],
    });
    expect(pi.metadata).toEqual({ donation_id: "don_1" });
    const charge = pi.latest_charge as Stripe.Charge;
    expect(charge.metadata).toEqual({ donation_id: "don_1" });
    const txn = charge.balance_transaction as Stripe.BalanceTransaction;
    expect(txn).toMatchObject({ amount: 2500, fee: 103, net: 2397, reporting_category: "charge" }); // 72.5 -> 73 + 30
    const chargeSucceeded = signed[0]?.event as Stripe.ChargeSucceededEvent;
    expect(chargeSucceeded.data.object.balance_transaction).toBeNull();
    const updated = signed[3]?.event as Stripe.ChargeUpdatedEvent;
    expect(updated.data.object.balance_transaction).toBe(txn.id);
    expect(updated.data.previous_attributes).toEqual({ balance_transaction: null });
    for (const { event } of signed)
      expect(event).toMatchObject({ object: "event", livemode: false, api_version: Stripe.API_VERSION });
    const byCharge = await stripe.charges.retrieve(charge.id, { expand: ["balance_transaction"] });
    expect((byCharge.balance_transaction as Stripe.BalanceTransaction).fee_details[0]).toMatchObject({
      type: "stripe_fee",
      amount: 103,
    });
  });

  it("decline leaves the session open; a retry reuses the PaymentIntent", async () => {
    const { double, stripe } = setup();
    const s = await stripe.checkout.sessions.create(oneOffParams());
    expect(double.completeCheckout(s.id, "decline")).toBeNull();
    expect(types(double)).toEqual(["charge.failed", "payment_intent.payment_failed"]);
    const open = await stripe.checkout.sessions.retrieve(s.id);
    expect(open.status).toBe("open");
    double.completeCheckout(s.id, "success");
    expect(types(double)).toContain("checkout.session.completed");
    const done = await stripe.checkout.sessions.retrieve(s.id);
    expect(done.payment_intent).toBe(open.payment_intent);
  });

  it("delayed success: completed unpaid, then async_payment_succeeded and the fee", async () => {
    const { double, stripe } = setup();
    const s = await stripe.checkout.sessions.create(oneOffParams());
    double.completeCheckout(s.id, "delayed_success");
    const signed = double.signedEvents();
    // A bank debit's balance transaction exists from submission (charge.updated attaches it), pending until available_on.
    expect(signed.map((e) => e.event.type)).toEqual([
      "payment_intent.processing",
      "charge.pending",
      "charge.updated",
      "checkout.session.completed",
      "charge.succeeded",
      "payment_intent.succeeded",
      "checkout.session.async_payment_succeeded",
    ]);
    expect((signed[3]?.event as Stripe.CheckoutSessionCompletedEvent).data.object.payment_status).toBe("unpaid");
    expect((signed[6]?.event as Stripe.CheckoutSessionAsyncPaymentSucceededEvent).data.object.payment_status).toBe(
      "paid",
    );
  });

  it("delayed failure: completed unpaid, then async_payment_failed; the pending funds are reversed", async () => {
    const { double, stripe } = setup();
    const s = await stripe.checkout.sessions.create(oneOffParams());
    double.completeCheckout(s.id, "delayed_failure");
    expect(types(double)).toEqual([
      "payment_intent.processing",
      "charge.pending",
      "charge.updated",
      "checkout.session.completed",
      "charge.failed",
      "payment_intent.payment_failed",
      "checkout.session.async_payment_failed",
    ]);
    const txns = (await stripe.balanceTransactions.list()).data;
    expect(txns.map((t) => t.type).sort()).toEqual(["payment", "payment_failure_refund"]);
    expect(txns.reduce((n, t) => n + t.net, 0)).toBe(0);
    expect(txns.every((t) => t.status === "pending")).toBe(true);
  });

  it("cancel sends no events; expire sends checkout.session.expired (also via the API)", async () => {
    const { double, stripe } = setup();
    const s = await stripe.checkout.sessions.create(oneOffParams());
    expect(double.completeCheckout(s.id, "cancel")).toBe("http://localhost:4000/give");
    expect(types(double)).toEqual([]);
    double.completeCheckout(s.id, "expire");
    expect(types(double)).toEqual(["checkout.session.expired"]);
    const s2 = await stripe.checkout.sessions.create(oneOffParams());
    const expired = await stripe.checkout.sessions.expire(s2.id);
    expect(expired.status).toBe("expired");
    const [evt] = double.signedEvents();
    expect(evt?.event.request?.id).toBe(expired.lastResponse.requestId);
    await expect(stripe.checkout.sessions.expire(s2.id)).rejects.toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError,
    );
  });

  it("subscription success: completed with subscription and invoice, invoice.paid, payment via invoicePayments", async () => {
    const { double, stripe } = setup();
    const s = await stripe.checkout.sessions.create(monthlyParams());
    double.completeCheckout(s.id, "success");
    const signed = double.signedEvents();
    expect(signed.map((e) => e.event.type)).toEqual([
      "invoice.created",
      "invoice.finalized",
      "customer.subscription.created",
      "charge.succeeded",
      "payment_intent.succeeded",
      "invoice.paid",
      "invoice.payment_succeeded",
      "invoice_payment.paid",
      "charge.updated",
      "checkout.session.completed",
    ]);
    const completed = (signed.at(-1)?.event as Stripe.CheckoutSessionCompletedEvent).data.object;
    expect(completed).toMatchObject({ mode: "subscription", payment_status: "paid" });
    expect(completed.subscription).toMatch(/^sub_/);
    expect(completed.invoice).toMatch(/^in_/);
    const sub = await stripe.subscriptions.retrieve(String(completed.subscription));
    expect(sub.metadata).toEqual({ donation_id: "don_2" });
    const invoice = await stripe.invoices.retrieve(String(completed.invoice));
    expect(invoice).toMatchObject({ status: "paid", amount_paid: 1000, billing_reason: "subscription_create" });
    expect(invoice.parent?.subscription_details?.metadata).toEqual({ donation_id: "don_2" });
    const payments = await stripe.invoicePayments.list({
      invoice: invoice.id,
      expand: ["data.payment.payment_intent"],
    });
    expect(payments.data).toHaveLength(1);
    const pi = payments.data[0]?.payment.payment_intent as Stripe.PaymentIntent;
    expect(pi.status).toBe("succeeded");

    double.renewSubscription(sub.id);
    const renewal = double.signedEvents().map((e) => e.event);
    const paid = renewal.find((e): e is Stripe.InvoicePaidEvent => e.type === "invoice.paid");
    expect(paid?.data.object.billing_reason).toBe("subscription_cycle");
    await stripe.subscriptions.cancel(sub.id);
    expect(types(double)).toEqual(["customer.subscription.deleted"]);
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("canceled");
  });
});
