import type Stripe from "stripe";
import type { ObjectKind } from "./ids";

/** Every object the double persists, keyed by Stripe's `object` value. */
export interface ObjectTypes {
  "checkout.session": Stripe.Checkout.Session;
  payment_intent: Stripe.PaymentIntent;
  charge: Stripe.Charge;
  balance_transaction: Stripe.BalanceTransaction;
  refund: Stripe.Refund;
  dispute: Stripe.Dispute;
  payout: Stripe.Payout;
  invoice: Stripe.Invoice;
  invoice_payment: Stripe.InvoicePayment;
  subscription: Stripe.Subscription;
  event: Stripe.Event;
  "radar.early_fraud_warning": Stripe.Radar.EarlyFraudWarning;
}

// Compile-time check that ids.ts and this map name the same kinds.
type _SameKinds = [ObjectKind] extends [keyof ObjectTypes]
  ? [keyof ObjectTypes] extends [ObjectKind]
    ? true
    : never
  : never;
const _sameKinds: _SameKinds = true;
void _sameKinds;

/**
 * Deep copy in wire form: what Stripe would send as JSON. SDK `Decimal` values
 * become the decimal strings the API returns (the SDK re-coerces them).
 */
export function toWire<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Checkout inputs Stripe keeps server-side but does not show on the session object. */
export interface CheckoutExtras {
  piMetadata: Record<string, string>;
  piDescription: string | null;
  subMetadata: Record<string, string>;
  unitAmount: number;
}

export interface IdempotencyRecord {
  method: string;
  path: string;
  paramsCanonical: string;
  status: number;
  body: string;
}

/**
 * Storage behind the double. Kept as an interface so a DB-backed store can keep
 * state across Next.js dev-server reloads later; this Map version is for tests.
 * Objects are stored unexpanded (linked objects as id strings).
 */
export interface DoubleStore {
  get<K extends keyof ObjectTypes>(kind: K, id: string): ObjectTypes[K] | undefined;
  put<K extends keyof ObjectTypes>(kind: K, obj: ObjectTypes[K]): void;
  /** All objects of a kind, oldest first. */
  all<K extends keyof ObjectTypes>(kind: K): ObjectTypes[K][];
  /** Which payout swept a balance transaction (Stripe keeps this link server-side). */
  payoutOf(txnId: string): string | undefined;
  setPayoutOf(txnId: string, payoutId: string): void;
  getIdempotency(key: string): IdempotencyRecord | undefined;
  putIdempotency(key: string, record: IdempotencyRecord): void;
  getCheckoutExtras(sessionId: string): CheckoutExtras | undefined;
  putCheckoutExtras(sessionId: string, extras: CheckoutExtras): void;
}

export class MemoryStore implements DoubleStore {
  private readonly objects = new Map<keyof ObjectTypes, Map<string, unknown>>();
  private readonly payouts = new Map<string, string>();
  private readonly idempotency = new Map<string, IdempotencyRecord>();
  private readonly checkoutExtras = new Map<string, CheckoutExtras>();

  private table(kind: keyof ObjectTypes): Map<string, unknown> {
    let t = this.objects.get(kind);
    if (!t) {
      t = new Map();
      this.objects.set(kind, t);
    }
    return t;
  }

  get<K extends keyof ObjectTypes>(kind: K, id: string): ObjectTypes[K] | undefined {
    const hit = this.table(kind).get(id);
    // Hand out copies so callers cannot mutate stored state (or earlier event snapshots) by accident.
    return hit === undefined ? undefined : (toWire(hit) as ObjectTypes[K]);
  }

  put<K extends keyof ObjectTypes>(kind: K, obj: ObjectTypes[K]): void {
    this.table(kind).set(obj.id, toWire(obj));
  }

  all<K extends keyof ObjectTypes>(kind: K): ObjectTypes[K][] {
    return [...this.table(kind).values()].map((o) => toWire(o) as ObjectTypes[K]);
  }

  payoutOf(txnId: string): string | undefined {
    return this.payouts.get(txnId);
  }

  setPayoutOf(txnId: string, payoutId: string): void {
    this.payouts.set(txnId, payoutId);
  }

  getIdempotency(key: string): IdempotencyRecord | undefined {
    return this.idempotency.get(key);
  }

  putIdempotency(key: string, record: IdempotencyRecord): void {
    this.idempotency.set(key, record);
  }

  getCheckoutExtras(sessionId: string): CheckoutExtras | undefined {
    const hit = this.checkoutExtras.get(sessionId);
    return hit === undefined ? undefined : toWire(hit);
  }

  putCheckoutExtras(sessionId: string, extras: CheckoutExtras): void {
    this.checkoutExtras.set(sessionId, toWire(extras));
  }
}
