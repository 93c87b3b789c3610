import Stripe from "stripe";
import { ROUTES } from "./api-routes";
import type { DoubleCore, RequestContext } from "./core";
import { DoubleApiError, unrecognizedUrl, type StripeErrorBody } from "./errors";
import { canonical, parseForm, type FormObject } from "./form";
import { newId } from "./ids";

export interface DoubleHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type HeaderBag = Record<string, string | number | string[] | undefined | null>;

function headerValue(h: HeaderBag, name: string): string | undefined {
  for (const [k, v] of Object.entries(h)) {
    if (k.toLowerCase() !== name) continue;
    if (v === undefined || v === null) return undefined;
    return Array.isArray(v) ? v[0] : String(v);
  }
  return undefined;
}

function mask(key: string): string {
  return `${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`;
}

/**
 * Serve one Stripe API request. Used in-process by DoubleHttpClient and, later,
 * by a Next.js catch-all route, so both paths share auth, idempotency and errors.
 */
export function handleHttp(
  core: DoubleCore,
  method: string,
  pathAndQuery: string,
  headers: HeaderBag,
  body: string,
): DoubleHttpResponse {
  const requestId = newId("req_", 14);
  const idempotencyKey = headerValue(headers, "idempotency-key") ?? null;
  const out: Record<string, string> = {
    "content-type": "application/json",
    "request-id": requestId,
    "stripe-version": headerValue(headers, "stripe-version") ?? Stripe.API_VERSION,
  };
  if (idempotencyKey) out["idempotency-key"] = idempotencyKey;
  const fail = (status: number, error: StripeErrorBody): DoubleHttpResponse => ({
    status,
    headers: { ...out, "stripe-should-retry": "false" },
    body: JSON.stringify(
      { error: { ...error, request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}` } },
      null,
      2,
    ),
  });

  const auth = headerValue(headers, "authorization");
  const key = auth?.startsWith("Bearer ") ? auth.slice(7).trim() : undefined;
  if (!key) {
    return fail(401, {
      type: "invalid_request_error",
      message:
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    });
  }
  if (key !== core.secretKey) {
    return fail(401, { type: "invalid_request_error", message: `Invalid API Key provided: ${mask(key)}` });
  }

  const url = new URL(pathAndQuery, "http://double.invalid");
  const verb = method.toUpperCase();
  let params: FormObject;
  try {
    params = { ...parseForm(url.search.slice(1)), ...(verb === "POST" ? parseForm(body) : {}) };
  } catch {
    return fail(400, { type: "invalid_request_error", message: "Invalid request body." });
  }

  const scopedKey = idempotencyKey && verb === "POST" ? `${core.secretKey}:${idempotencyKey}` : null;
  const paramsCanonical = canonical(params);
  if (scopedKey) {
    const seen = core.store.getIdempotency(scopedKey);
    if (seen) {
      if (seen.method !== verb || seen.path !== url.pathname || seen.paramsCanonical !== paramsCanonical) {
        return fail(400, {
          type: "idempotency_error",
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
        });
      }
      return { status: seen.status, headers: { ...out, "idempotent-replayed": "true" }, body: seen.body };
    }
  }

  const ctx: RequestContext = { requestId, idempotencyKey };
  try {
    const route = ROUTES.find((r) => r.method === verb && r.pattern.test(url.pathname));
    if (!route) throw unrecognizedUrl(verb, url.pathname);
    const ids = (url.pathname.match(route.pattern) ?? []).slice(1).map(decodeURIComponent);
    const result = route.handler(core, params, ctx, ids);
    const response: DoubleHttpResponse = { status: 200, headers: out, body: JSON.stringify(result, null, 2) };
    // Stripe saves results only once the endpoint ran; failed validation is not saved.
    if (scopedKey) {
      core.store.putIdempotency(scopedKey, {
        method: verb,
        path: url.pathname,
        paramsCanonical,
        status: 200,
        body: response.body,
      });
    }
    return response;
  } catch (e) {
    if (e instanceof DoubleApiError) return fail(e.status, e.body);
    const message = e instanceof Error ? e.message : String(e);
    return fail(500, { type: "api_error", message: `StripeDouble internal error: ${message}` });
  }
}
