/** Invoices, subscriptions and the customer portal. */
import { invalidRequest, noSuchObject } from "../errors";
import { buildPortalSession } from "../factories/portal-session";
import type { FormObject } from "../form";
import { optArray, optEnum, optInteger, optObject, optString, rejectUnknown } from "../params";
import { cancelSubscription, updateSubscription } from "../subscriptions";
import { list, retrieve, withExpand, type Route } from "./handlers";

export const BILLING_ROUTES: Route[] = [
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
];
