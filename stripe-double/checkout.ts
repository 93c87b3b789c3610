import type Stripe from "stripe";
import { last4Of, resolveBankDebit, TEST_BANK_ACCOUNTS } from "./bank";
import { NO_REQUEST, type DoubleCore, type RequestContext } from "./core";
import { invalidRequest } from "./errors";
import { buildCheckoutSession } from "./factories/checkout-session";
import { beginProcessing, createPaymentIntent, decline, settle, succeedCard, type PaymentSpec } from "./payments";
import { startSubscription } from "./subscriptions";
import type { CheckoutExtras as SessionExtras } from "./store";
import type { CheckoutRequest } from "./validate-checkout";

/** The address the double's test payer gives when Checkout asks for one. */
const TEST_BILLING_ADDRESS: Stripe.Address = {
  city: "El Paso",
  country: "US",
  line1: "100 Test Street",
  line2: "Apt 4",
  postal_code: "79901",
  state: "TX",
};

/**
 * `bank_succeeds` / `bank_fails`: the donor submits a debit from Stripe's test
 * account 000123456789 / 000111111116; it stays processing until the console
 * (or `resolveBankDebit`) settles it. `delayed_*` do both steps at once.
 */
export type CheckoutOutcome =
  "success" | "decline" | "bank_succeeds" | "bank_fails" | "delayed_success" | "delayed_failure" | "cancel" | "expire";

const BANK_OUTCOMES: readonly CheckoutOutcome[] = ["bank_succeeds", "bank_fails", "delayed_success", "delayed_failure"];

export function createCheckoutSession(core: DoubleCore, r: CheckoutRequest): Stripe.Checkout.Session {
  const id = core.id("cs_test_");
  const session = buildCheckoutSession({
    id,
    created: core.now(),
    expiresAt: r.expiresAt,
    mode: r.mode,
    amountTotal: r.amountTotal,
    url: `${core.baseUrl}/dev/stripe/checkout/${id}`,
    successUrl: r.successUrl,
    cancelUrl: r.cancelUrl,
    clientReferenceId: r.clientReferenceId,
    customerEmail: r.customerEmail,
    metadata: r.metadata,
    submitType: r.submitType,
    allowedPaymentMethodTypes: r.allowedPaymentMethodTypes,
    billingAddressCollection: r.billingAddressCollection,
  });
  core.store.put("checkout.session", session);
  core.store.putCheckoutExtras(id, {
    piMetadata: r.piMetadata,
    piDescription: r.piDescription,
    subMetadata: r.subMetadata,
    unitAmount: r.lines[0]?.unitAmount ?? 0,
  });
  return session;
}

export function expireSession(core: DoubleCore, id: string, ctx: RequestContext = NO_REQUEST): Stripe.Checkout.Session {
  const s = core.must("checkout.session", id);
  if (s.status !== "open") {
    throw invalidRequest(
      `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${s.status}".`,
      undefined,
      "checkout_session_not_open",
    );
  }
  Object.assign(s, { status: "expired", url: null });
  core.store.put("checkout.session", s);
  core.emit("checkout.session.expired", s, ctx);
  return s;
}

/** What happens when the tester picks an outcome on the local checkout page. Returns the redirect URL. */
export function completeCheckout(core: DoubleCore, id: string, outcome: CheckoutOutcome): string | null {
  const s = core.must("checkout.session", id);
  if (outcome === "cancel") return s.cancel_url; // Stripe just sends the donor back; no event, session stays open.
  if (outcome === "expire") {
    expireSession(core, id);
    return null;
  }
  if (s.status !== "open") throw new Error(`StripeDouble: session ${id} is ${String(s.status)}, not open`);
  if (s.expires_at <= core.now()) {
    expireSession(core, id);
    return null;
  }
  const bank = BANK_OUTCOMES.includes(outcome);
  if (!s.payment_method_types.includes(bank ? "us_bank_account" : "card"))
    throw new Error(`StripeDouble: session ${id} does not accept ${bank ? "bank debits" : "cards"}`);
  const x = core.store.getCheckoutExtras(id);
  if (!x) throw new Error(`StripeDouble: session ${id} has no stored checkout inputs`);
  const email = s.customer_email ?? "donor@example.test";
  s.customer_details = {
    // What the payer typed on Checkout's form: a full address only when the session required one.
    address: s.billing_address_collection === "required" ? TEST_BILLING_ADDRESS : null,
    business_name: null,
    email,
    individual_name: null,
    name: "Test Donor",
    phone: null,
    tax_exempt: "none",
    tax_ids: [],
  };
  return s.mode === "subscription"
    ? completeSubscription(core, s, x, outcome, email)
    : completePayment(core, s, x, outcome, email);
}

function completePayment(
  core: DoubleCore,
  s: Stripe.Checkout.Session,
  x: SessionExtras,
  outcome: CheckoutOutcome,
  email: string,
): string | null {
  const spec: PaymentSpec = {
    amount: s.amount_total ?? 0,
    metadata: x.piMetadata,
    customer: null,
    email,
    description: x.piDescription,
    method: BANK_OUTCOMES.includes(outcome) ? "us_bank_account" : "card",
    bankLast4: last4Of(
      outcome === "bank_fails" || outcome === "delayed_failure"
        ? TEST_BANK_ACCOUNTS.fails
        : TEST_BANK_ACCOUNTS.succeeds,
    ),
  };
  // A retry after a decline reuses the session's PaymentIntent, as Stripe does.
  const pi = s.payment_intent ? core.must("payment_intent", String(s.payment_intent)) : createPaymentIntent(core, spec);
  s.payment_intent = pi.id;
  if (outcome === "decline") {
    decline(core, pi, spec);
    core.store.put("checkout.session", s);
    return null;
  }
  if (outcome === "success") {
    const charge = succeedCard(core, pi, spec);
    finish(core, s, "paid");
    settle(core, charge.id);
    return s.success_url;
  }
  beginProcessing(core, pi, spec);
  finish(core, s, "unpaid");
  if (outcome === "delayed_success" || outcome === "delayed_failure") {
    const paid = resolveBankDebit(core, pi.id, outcome === "delayed_success" ? "succeed" : "fail");
    if (paid === "paid") settle(core, String(core.must("payment_intent", pi.id).latest_charge));
  }
  return s.success_url;
}

function finish(core: DoubleCore, s: Stripe.Checkout.Session, paymentStatus: "paid" | "unpaid"): void {
  Object.assign(s, { status: "complete", payment_status: paymentStatus, url: null });
  core.store.put("checkout.session", s);
  core.emit("checkout.session.completed", s);
}

function completeSubscription(
  core: DoubleCore,
  s: Stripe.Checkout.Session,
  x: SessionExtras,
  outcome: CheckoutOutcome,
  email: string,
): string | null {
  if (outcome === "decline") {
    // Stripe shows the decline on its page; nothing is created until a card works.
    createFailedIntent(core, s, email);
    return null;
  }
  if (outcome !== "success")
    throw new Error(`StripeDouble: outcome ${outcome} is not implemented for subscription mode`);
  const customer = core.id("cus_");
  const { sub, invoice } = startSubscription(core, {
    customer,
    email,
    unitAmount: x.unitAmount,
    metadata: x.subMetadata,
  });
  Object.assign(s, { customer, subscription: sub.id, invoice: invoice.id });
  finish(core, s, "paid");
  return s.success_url;
}

function createFailedIntent(core: DoubleCore, s: Stripe.Checkout.Session, email: string): void {
  const spec: PaymentSpec = {
    amount: s.amount_total ?? 0,
    metadata: {},
    customer: null,
    email,
    description: null,
    method: "card",
  };
  const pi = createPaymentIntent(core, spec);
  decline(core, pi, spec);
}
