/** Checkout, payments, refunds, balance and payouts. */
import { balanceOf } from "../balance";
import { createCheckoutSession, expireSession } from "../checkout";
import { refund } from "../console-actions";
import { invalidRequest, noSuchObject } from "../errors";
import { metadataOf, optEnum, optInteger, optString, rejectUnknown } from "../params";
import { createPayout, listableInPayout, unsweptTransactions } from "../payouts";
import { validateCheckoutCreate } from "../validate-checkout";
import { list, retrieve, withExpand, type Route } from "./handlers";

export const PAYMENT_ROUTES: Route[] = [
  {
    method: "POST",
    pattern: /^\/v1\/checkout\/sessions$/,
    handler: (core, p) => withExpand(core, createCheckoutSession(core, validateCheckoutCreate(p, core.now())), p),
  },
  {
    method: "GET",
    pattern: /^\/v1\/checkout\/sessions$/,
    handler: list("checkout.session", "/v1/checkout/sessions", {
      payment_intent: (s, v) => s.payment_intent === v,
      subscription: (s, v) => s.subscription === v,
      status: (s, v) => s.status === v,
      customer: (s, v) => s.customer === v,
    }),
  },
  {
    method: "GET",
    pattern: /^\/v1\/checkout\/sessions\/([^/]+)$/,
    handler: retrieve("checkout.session", "checkout.session"),
  },
  {
    method: "POST",
    pattern: /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/,
    handler: (core, p, ctx, [id = ""]) => {
      rejectUnknown(p, ["expand"]);
      if (!core.store.get("checkout.session", id)) throw noSuchObject("checkout.session", id);
      return withExpand(core, expireSession(core, id, ctx), p);
    },
  },
  { method: "GET", pattern: /^\/v1\/payment_intents\/([^/]+)$/, handler: retrieve("payment_intent", "payment_intent") },
  { method: "GET", pattern: /^\/v1\/charges\/([^/]+)$/, handler: retrieve("charge", "charge") },
  {
    method: "POST",
    pattern: /^\/v1\/refunds$/,
    handler: (core, p, ctx) => {
      rejectUnknown(p, ["charge", "payment_intent", "amount", "reason", "metadata", "expand"]);
      const target = optString(p, "charge") ?? optString(p, "payment_intent");
      if (target === undefined)
        throw invalidRequest(
          "One of the following params should be provided for this request: payment_intent or charge.",
          undefined,
          "parameter_missing",
        );
      const amount = optInteger(p, "amount");
      const reason = optEnum(p, "reason", ["duplicate", "fraudulent", "requested_by_customer"] as const);
      const opts = {
        metadata: metadataOf(p, "metadata"),
        ...(amount !== undefined ? { amount } : {}),
        ...(reason ? { reason } : {}),
      };
      return withExpand(core, refund(core, target, opts, ctx), p);
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/refunds$/,
    handler: list("refund", "/v1/refunds", {
      charge: (r, v) => r.charge === v,
      payment_intent: (r, v) => r.payment_intent === v,
    }),
  },
  { method: "GET", pattern: /^\/v1\/refunds\/([^/]+)$/, handler: retrieve("refund", "refund") },
  {
    method: "GET",
    pattern: /^\/v1\/balance_transactions$/,
    handler: list("balance_transaction", "/v1/balance_transactions", {
      payout: (t, v, core) => listableInPayout(core, t, v),
      type: (t, v) => t.type === v,
      source: (t, v) => t.source === v,
      currency: (t, v) => t.currency === v,
    }),
  },
  {
    method: "GET",
    pattern: /^\/v1\/balance_transactions\/([^/]+)$/,
    handler: retrieve("balance_transaction", "balance transaction"),
  },
  {
    method: "GET",
    pattern: /^\/v1\/payouts$/,
    handler: list("payout", "/v1/payouts", { status: (po, v) => po.status === v }),
  },
  { method: "GET", pattern: /^\/v1\/payouts\/([^/]+)$/, handler: retrieve("payout", "payout") },
  {
    method: "GET",
    pattern: /^\/v1\/balance$/,
    handler: (core, p) => {
      rejectUnknown(p, []);
      return balanceOf(core);
    },
  },
  {
    method: "POST",
    pattern: /^\/v1\/payouts$/,
    handler: (core, p) => {
      rejectUnknown(p, ["amount", "currency", "description", "metadata", "statement_descriptor", "expand"]);
      if (optString(p, "currency") !== "usd") throw invalidRequest("Invalid currency", "currency");
      const amount = optInteger(p, "amount");
      const sweepable = unsweptTransactions(core).reduce((s, t) => s + t.net, 0);
      // The double pays out everything available at once (like an automatic payout); a partial one is refused.
      if (amount !== sweepable)
        throw invalidRequest(`The double pays out the whole available balance (${sweepable}).`, "amount");
      const po = createPayout(core);
      if (!po) throw invalidRequest("You have insufficient funds in your Stripe account for this transfer.", "amount");
      return withExpand(core, po, p);
    },
  },
];
