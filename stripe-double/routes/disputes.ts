/** Disputes, events and early fraud warnings. */
import { acceptDispute, counterDispute } from "../disputes";
import { invalidRequest, noSuchObject } from "../errors";
import { metadataOf, optObject, optString, rejectUnknown } from "../params";
import { list, retrieve, withExpand, type Route } from "./handlers";

export const DISPUTE_ROUTES: Route[] = [
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
