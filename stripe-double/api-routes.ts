import { balanceOf } from "./balance";
import { createCheckoutSession, expireSession } from "./checkout";
import { refund } from "./console-actions";
import type { DoubleCore, RequestContext } from "./core";
import { invalidRequest, noSuchObject } from "./errors";
import { expandPaths } from "./expand";
import type { FormObject } from "./form";
import { paginate } from "./list";
import { metadataOf, optArray, optEnum, optInteger, optObject, optString, rejectUnknown } from "./params";
import type { ObjectTypes } from "./store";
import { buildPortalSession } from "./factories/portal-session";
import { acceptDispute, counterDispute } from "./disputes";
import { createPayout, listableInPayout, unsweptTransactions } from "./payouts";
import { cancelSubscription, updateSubscription } from "./subscriptions";
import { validateCheckoutCreate } from "./validate-checkout";

type Handler = (core: DoubleCore, params: FormObject, ctx: RequestContext, ids: string[]) => object;
interface Route {
  method: "GET" | "POST" | "DELETE";
  pattern: RegExp;
  handler: Handler;
}

const LIST_KEYS = ["limit", "starting_after", "ending_before", "expand"];

function expandList(p: FormObject): string[] {
  const e = p["expand"];
  if (e === undefined) return [];
  const list = Array.isArray(e) ? e : [e];
  return list.map((v, i) => {
    if (typeof v !== "string") throw invalidRequest(`Invalid string: expand[${i}]`, `expand[${i}]`);
    return v;
  });
}

function withExpand<T extends object>(core: DoubleCore, obj: T, p: FormObject): T {
  return expandPaths(obj, expandList(p), (id) => core.lookup(id));
}

function retrieve<K extends keyof ObjectTypes>(kind: K, noun: string): Handler {
  return (core, p, _ctx, [id = ""]) => {
    rejectUnknown(p, ["expand"]);
    const obj = core.store.get(kind, id);
    if (!obj) throw noSuchObject(noun, id);
    return withExpand(core, obj, p);
  };
}

function list<K extends keyof ObjectTypes>(
  kind: K,
  url: string,
  filters: Record<string, (o: ObjectTypes[K], value: string, core: DoubleCore) => boolean>,
): Handler {
  return (core, p) => {
    rejectUnknown(p, [...LIST_KEYS, ...Object.keys(filters)]);
    let items = core.store.all(kind).reverse();
    for (const [key, test] of Object.entries(filters)) {
      const v = optString(p, key);
      if (v !== undefined) items = items.filter((o) => test(o, v, core));
    }
    return withExpand(core, paginate(items, p, url), p);
  };
}

export const ROUTES: Route[] = [
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
  { method: "GET", pattern: /^\/v1\/invoices\/([^/]+)$/, handler: retrieve("invoice", "invoice") },
  {
    method: "GET",
    pattern: /^\/v1\/invoice_payments$/,
    handler: (core, p, ctx, ids) => {
      // `payment[type]=payment_intent&payment[payment_intent]=pi_…` finds the invoice a PaymentIntent paid.
      const payment = optObject(p, "payment");
      const { payment: _omit, ...rest } = p;
      const pi = payment ? optString(payment, "payment_intent", "payment[payment_intent]") : undefined;
      return list("invoice_payment", "/v1/invoice_payments", {
        invoice: (ip, v) => ip.invoice === v,
        status: (ip, v) => ip.status === v,
        ...(pi ? { __pi: (ip: { payment: { payment_intent?: unknown } }) => ip.payment.payment_intent === pi } : {}),
      })(core, pi ? { ...rest, __pi: pi } : rest, ctx, ids);
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/invoice_payments\/([^/]+)$/,
    handler: retrieve("invoice_payment", "invoice_payment"),
  },
  { method: "GET", pattern: /^\/v1\/subscriptions\/([^/]+)$/, handler: retrieve("subscription", "subscription") },
  {
    method: "DELETE",
    pattern: /^\/v1\/subscriptions\/([^/]+)$/,
    handler: (core, p, ctx, [id = ""]) => {
      rejectUnknown(p, ["expand", "invoice_now", "prorate", "cancellation_details"]);
      if (!core.store.get("subscription", id)) throw noSuchObject("subscription", id);
      return withExpand(core, cancelSubscription(core, id, ctx), p);
    },
  },
  {
    method: "POST",
    pattern: /^\/v1\/subscriptions\/([^/]+)$/,
    handler: (core, p, ctx, [id = ""]) => {
      rejectUnknown(p, ["expand", "items", "proration_behavior", "default_payment_method"]);
      const sub = core.store.get("subscription", id);
      if (!sub) throw noSuchObject("subscription", id);
      if (sub.status === "canceled")
        throw invalidRequest("A canceled subscription can only update its cancellation_details and metadata.");
      optEnum(p, "proration_behavior", ["none", "create_prorations", "always_invoice"] as const);
      const items = optArray(p, "items");
      let unitAmount: number | undefined;
      if (items) {
        if (items.length !== 1 || typeof items[0] !== "object" || Array.isArray(items[0]))
          throw invalidRequest("The double supports changing the one item of a subscription.", "items");
        const item = items[0] as FormObject;
        rejectUnknown(item, ["id", "price_data"], "items[0]");
        if (optString(item, "id", "items[0][id]") !== sub.items.data[0]?.id)
          throw invalidRequest("items[0][id] must be the subscription's item.", "items[0][id]");
        const pd = optObject(item, "price_data", "items[0][price_data]");
        if (pd) {
          rejectUnknown(pd, ["currency", "product", "unit_amount", "recurring"], "items[0][price_data]");
          if (optString(pd, "currency", "items[0][price_data][currency]") !== "usd")
            throw invalidRequest("Invalid currency", "items[0][price_data][currency]");
          unitAmount = optInteger(pd, "unit_amount", "items[0][price_data][unit_amount]");
          if (unitAmount === undefined || unitAmount < 50)
            throw invalidRequest("Amount must be at least 50 cents", "items[0][price_data][unit_amount]");
        }
      }
      const pm = optString(p, "default_payment_method");
      return withExpand(
        core,
        updateSubscription(
          core,
          id,
          { ...(unitAmount !== undefined ? { unitAmount } : {}), ...(pm ? { defaultPaymentMethod: pm } : {}) },
          ctx,
        ),
        p,
      );
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
  {
    method: "POST",
    pattern: /^\/v1\/billing_portal\/sessions$/,
    handler: (core, p) => {
      rejectUnknown(p, ["customer", "return_url", "flow_data", "locale", "expand"]);
      const customer = optString(p, "customer");
      if (!customer) throw invalidRequest("Missing required param: customer.", "customer", "parameter_missing");
      if (!core.store.all("subscription").some((s) => s.customer === customer))
        throw noSuchObject("customer", customer);
      const flow = optObject(p, "flow_data");
      if (flow) rejectUnknown(flow, ["type"], "flow_data");
      const type = flow ? optEnum(flow, "type", ["payment_method_update"] as const, "flow_data[type]") : undefined;
      const id = core.id("bps_");
      const session = buildPortalSession({
        id,
        created: core.now(),
        customer,
        returnUrl: optString(p, "return_url") ?? null,
        url: `${core.baseUrl}/dev/stripe/portal/${id}`,
        paymentMethodUpdate: type === "payment_method_update",
      });
      core.portalSessions.set(id, session);
      return withExpand(core, session, p);
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/disputes$/,
    handler: list("dispute", "/v1/disputes", {
      charge: (d, v) => d.charge === v,
      payment_intent: (d, v) => d.payment_intent === v,
    }),
  },
  { method: "GET", pattern: /^\/v1\/disputes\/([^/]+)$/, handler: retrieve("dispute", "dispute") },
  {
    // Evidence is not kept (no files in the double); `submit` (default true, as in Stripe) counters the dispute.
    method: "POST",
    pattern: /^\/v1\/disputes\/([^/]+)$/,
    handler: (core, p, ctx, [id = ""]) => {
      rejectUnknown(p, ["evidence", "submit", "metadata", "expand"]);
      if (!core.store.get("dispute", id)) throw noSuchObject("dispute", id);
      if (p["evidence"] !== undefined) optObject(p, "evidence");
      const submit = optString(p, "submit");
      if (submit !== undefined && submit !== "true" && submit !== "false")
        throw invalidRequest("Invalid boolean: submit", "submit");
      const dp = submit === "false" ? core.must("dispute", id) : counterDispute(core, id, ctx);
      const meta = metadataOf(p, "metadata");
      if (Object.keys(meta).length) {
        Object.assign(dp.metadata, meta);
        core.store.put("dispute", dp);
      }
      return withExpand(core, dp, p);
    },
  },
  {
    method: "POST",
    pattern: /^\/v1\/disputes\/([^/]+)\/close$/,
    handler: (core, p, ctx, [id = ""]) => {
      rejectUnknown(p, ["expand"]);
      return withExpand(core, acceptDispute(core, id, ctx), p);
    },
  },
  { method: "GET", pattern: /^\/v1\/events$/, handler: list("event", "/v1/events", { type: (e, v) => e.type === v }) },
  { method: "GET", pattern: /^\/v1\/events\/([^/]+)$/, handler: retrieve("event", "event") },
  {
    method: "GET",
    pattern: /^\/v1\/radar\/early_fraud_warnings\/([^/]+)$/,
    handler: retrieve("radar.early_fraud_warning", "early fraud warning"),
  },
];
