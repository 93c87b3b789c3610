/** chaos/pg-faults.ts's load: timed requests tallied by status, and signed webhook events of a type with no handler. */
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { signEvent } from "@/stripe-double";

export const BOUND_MS = 10_000;
export const SECRET = "whsec_chaos_pg_faults_0123456789abcdef";

interface Tally {
  statuses: Map<string, number>;
  hung: string[];
  bad: string[];
  slowestMs: number;
}

export const tally: Tally = { statuses: new Map(), hung: [], bad: [], slowestMs: 0 };
const note = (key: string) => tally.statuses.set(key, (tally.statuses.get(key) ?? 0) + 1);

export async function request(base: string, path: string, init: RequestInit = {}): Promise<number> {
  const started = Date.now();
  try {
    const res = await fetch(base + path, { ...init, redirect: "manual", signal: AbortSignal.timeout(BOUND_MS) });
    await res.arrayBuffer();
    const ms = Date.now() - started;
    tally.slowestMs = Math.max(tally.slowestMs, ms);
    note(`${init.method ?? "GET"} ${res.status}`);
    if (!(res.ok || res.status === 503 || (res.status >= 300 && res.status < 400)))
      tally.bad.push(`${init.method ?? "GET"} ${path} -> ${res.status}`);
    if (res.status === 503 && !res.headers.get("retry-after")) tally.bad.push(`${path} 503 without Retry-After`);
    return res.status;
  } catch (e) {
    const name = (e as Error).name;
    if (name === "TimeoutError") tally.hung.push(`${init.method ?? "GET"} ${path}`);
    else tally.bad.push(`${init.method ?? "GET"} ${path} -> ${name}: ${(e as Error).message}`);
    note(`${init.method ?? "GET"} ${name}`);
    return 0;
  }
}

export function chaosEvent(): Stripe.Event {
  // A type with no handler: processStripeEvent still claims it and records its outcome in one transaction.
  return {
    id: `evt_chaos_${randomUUID().replace(/-/g, "")}`,
    object: "event",
    type: "customer.created",
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object: { id: `cus_${randomUUID().slice(0, 8)}`, object: "customer" } },
  } as unknown as Stripe.Event;
}

export async function postEvent(base: string, event: Stripe.Event): Promise<number> {
  const s = signEvent(event, SECRET);
  return request(base, "/api/stripe/webhook", {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": s.header },
    body: s.payload,
  });
}
