import Stripe from "stripe";
import { buildEvent, type EventObject, type EventType } from "./factories/event";
import { US_STANDARD_FEES, type FeeSchedule } from "./fees";
import { kindOfId, newId } from "./ids";
import { MemoryStore, type DoubleStore, type ObjectTypes } from "./store";

export interface StripeDoubleOptions {
  /** Origin serving `/dev/stripe/checkout/:id`; default http://localhost:3000. A function is asked each time (the app's origin follows its port). */
  baseUrl?: string | (() => string);
  /** Where `deliver()` POSTs events (the app's webhook route); a function is asked at each delivery. */
  webhookUrl?: string | (() => string);
  store?: DoubleStore;
  fees?: Partial<FeeSchedule>;
  /** Seconds since epoch; injectable so tests can move time. */
  clock?: () => number;
  /**
   * Send each event to `webhookUrl` by itself, shortly after it happens, as real Stripe
   * does for every change (also those made through the API: a cancelled subscription,
   * a refund, a payout). Failed deliveries are retried with backoff. Off by default so
   * tests can deliver by hand, duplicated and shuffled.
   */
  autoDeliver?: boolean | AutoDeliverOptions;
  /**
   * The webhook endpoint's API version: Stripe renders every event it sends to an
   * endpoint with that version and stamps it on `api_version`. Default: the
   * version the installed SDK pins (Stripe.API_VERSION), as the endpoint should be.
   */
  endpointApiVersion?: string;
  /** Fixed keys let a dev server and its tests agree across restarts. */
  secretKey?: string;
  webhookSecret?: string;
}

export interface AutoDeliverOptions {
  /** Wait before sending a batch (ms); default 50. Stripe sends within seconds, never inside the API call. */
  delayMs?: number;
  /** Retries for a batch that did not get a 2xx; default 6 (backoff doubles from 250 ms). */
  retries?: number;
  fetchFn?: typeof fetch;
}

export interface RequestContext {
  requestId: string | null;
  idempotencyKey: string | null;
}

export const NO_REQUEST: RequestContext = { requestId: null, idempotencyKey: null };

/** State and plumbing shared by the API routes, outcomes and console actions. */
export class DoubleCore {
  readonly store: DoubleStore;
  readonly secretKey: string;
  readonly webhookSecret: string;
  readonly fees: FeeSchedule;
  /** Stamped on every event as `api_version` (see StripeDoubleOptions.endpointApiVersion). */
  endpointApiVersion: string;
  private readonly baseUrlOf: () => string;
  private webhookUrlOf: (() => string) | undefined;
  private readonly clock: () => number;
  /** Customer portal sessions (not API-listable in Stripe either), by id. */
  readonly portalSessions = new Map<string, Stripe.BillingPortal.Session>();
  /** Events created but not yet handed out by `deliver()` / `signedEvents()`. */
  protected pending: Stripe.Event[] = [];

  constructor(opts: StripeDoubleOptions = {}) {
    this.store = opts.store ?? new MemoryStore();
    this.secretKey = opts.secretKey ?? newId("sk_test_double_", 32);
    this.webhookSecret = opts.webhookSecret ?? newId("whsec_double_", 32);
    const base = opts.baseUrl ?? "http://localhost:3000";
    this.baseUrlOf = typeof base === "function" ? base : () => base;
    const hook = opts.webhookUrl;
    this.webhookUrlOf = hook === undefined ? undefined : typeof hook === "function" ? hook : () => hook;
    this.fees = { ...US_STANDARD_FEES, ...opts.fees };
    this.endpointApiVersion = opts.endpointApiVersion ?? Stripe.API_VERSION;
    this.clock = opts.clock ?? (() => Math.floor(Date.now() / 1000));
    if (!this.secretKey.startsWith("sk_test_double_"))
      throw new Error("StripeDouble keys must start with sk_test_double_");
  }

  get baseUrl(): string {
    return this.baseUrlOf().replace(/\/$/, "");
  }

  get webhookUrl(): string | undefined {
    return this.webhookUrlOf?.();
  }

  set webhookUrl(url: string | undefined) {
    this.webhookUrlOf = url === undefined ? undefined : () => url;
  }

  now(): number {
    return this.clock();
  }

  id(prefix: string): string {
    return newId(prefix);
  }

  /** Record an event with a snapshot of `object` as it is now. */
  emit<T extends EventType>(
    type: T,
    object: EventObject<T>,
    ctx: RequestContext = NO_REQUEST,
    previous?: Record<string, unknown>,
  ): void {
    const event = buildEvent({
      id: newId("evt_"),
      created: this.now(),
      type,
      object,
      apiVersion: this.endpointApiVersion,
      request: { id: ctx.requestId, idempotencyKey: ctx.idempotencyKey },
      ...(previous ? { previousAttributes: previous } : {}),
    });
    this.store.put("event", event);
    this.pending.push(event);
    this.afterEmit();
  }

  /** Called after every event is queued (StripeDouble schedules automatic delivery here). */
  protected afterEmit(): void {}

  /** Fetch an object by id alone, for expansion of `source`-style polymorphic links. */
  lookup(id: string): object | undefined {
    const kind = kindOfId(id);
    return kind ? this.store.get(kind, id) : undefined;
  }

  /**
   * A list Stripe leaves out of an object unless it is expanded: a charge's `refunds`, newest
   * first, the first 10 and `has_more` beyond them (as Stripe includes it since API 2022-11-15).
   */
  include(node: Record<string, unknown>, property: string): object | undefined {
    const id = node["id"];
    if (node["object"] !== "charge" || property !== "refunds" || typeof id !== "string") return undefined;
    const refunds = this.store
      .all("refund")
      .filter((r) => r.charge === id)
      .reverse();
    return {
      object: "list",
      data: refunds.slice(0, 10),
      has_more: refunds.length > 10,
      url: `/v1/charges/${id}/refunds`,
    };
  }

  must<K extends keyof ObjectTypes>(kind: K, id: string): ObjectTypes[K] {
    const obj = this.store.get(kind, id);
    if (!obj) throw new Error(`StripeDouble: no ${kind} ${id}`);
    return obj;
  }

  /** All events ever emitted, oldest first (delivery state aside). */
  events(): Stripe.Event[] {
    return this.store.all("event");
  }
}
