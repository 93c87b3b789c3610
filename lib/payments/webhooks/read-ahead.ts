/**
 * Stripe reads made before the webhook takes its locks. Under load most of an
 * event's time is the Stripe re-fetch; made inside the locked transaction, it
 * holds the payment's lock and a database connection for a network round trip.
 *
 * A read made before the lock may be older than a sync of the same payment
 * that committed while it was on the wire. So every committed sync bumps the
 * payment's counter (stripe_payment_syncs, under the payment's lock), the read
 * notes the counter before it goes out, and the locked transaction uses it
 * only when the counter has not moved since (process-event.ts). Otherwise the
 * handler reads Stripe again under the lock, as it always did. The books are
 * the same either way; only the round trips held under the lock differ.
 */
import type Stripe from "stripe";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";

/** The payment as syncPaymentIntent needs it: the intent with its charge and fee, its refunds and its disputes. */
export interface PaymentState {
  pi: Stripe.PaymentIntent;
  refunds: Stripe.Refund[];
  disputes: Stripe.Dispute[];
}

/** What was read before the lock, and the payment's sync counter seen before the read. */
export interface ReadAhead {
  paymentId: string;
  version: number;
  payment: PaymentState;
  /** checkout.session.completed: the session, read with the payment. */
  session?: Stripe.Checkout.Session;
}

/** Oldest first, so that the campaign/general split of each refund is the same on every run. */
const oldestFirst = (refunds: Stripe.Refund[]) =>
  [...refunds].sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : 1));

/** Every refund of the payment, by Stripe's list. */
async function listRefunds(stripe: Stripe, piId: string): Promise<Stripe.Refund[]> {
  const refunds: Stripe.Refund[] = [];
  for await (const r of stripe.refunds.list({ payment_intent: piId, limit: 100 })) refunds.push(r);
  return refunds;
}

/** Every dispute of the payment. */
async function listDisputes(stripe: Stripe, piId: string): Promise<Stripe.Dispute[]> {
  const disputes: Stripe.Dispute[] = [];
  for await (const dp of stripe.disputes.list({ payment_intent: piId, limit: 100 })) disputes.push(dp);
  return disputes;
}

/**
 * Stripe's current state of one payment, in one read for almost every payment: the intent with
 * its latest charge, that charge's fee and its refunds (a list Stripe includes when expanded).
 * Refunds and disputes can only belong to the charge that succeeded, which is the latest. The
 * refunds are listed separately only past the included first 10, and disputes only for a charge
 * Stripe marks `disputed`. Fewer calls per event matter at Stripe's rate limits, not just here.
 */
export async function fetchPaymentState(stripe: Stripe, piId: string): Promise<PaymentState> {
  const pi = await stripe.paymentIntents.retrieve(piId, {
    expand: ["latest_charge.balance_transaction", "latest_charge.refunds"],
  });
  const charge = typeof pi.latest_charge === "object" ? pi.latest_charge : null;
  const [refunds, disputes] = await Promise.all([
    refundsOf(stripe, piId, charge),
    charge?.disputed ? listDisputes(stripe, piId) : [],
  ]);
  return { pi, refunds: oldestFirst(refunds), disputes };
}

/** The refunds that came with the charge when they are all there, else Stripe's full list. */
async function refundsOf(stripe: Stripe, piId: string, charge: Stripe.Charge | null): Promise<Stripe.Refund[]> {
  if (!charge) return [];
  const included = charge.refunds;
  return included && !included.has_more ? included.data : listRefunds(stripe, piId);
}

/**
 * Event types whose handler brings the payment of its lock scope up to Stripe
 * through syncPaymentIntent, so that payment's state can be read ahead.
 * payment_intent.succeeded syncs only for bank debits (cards converge through
 * Checkout and invoices), so a card's costs no Stripe call at all.
 */
const SYNCS_ITS_PAYMENT: ReadonlySet<string> = new Set([
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "charge.updated",
  "charge.refunded",
  "refund.created",
  "refund.updated",
  "refund.failed",
  "charge.dispute.created",
  "charge.dispute.updated",
  "charge.dispute.funds_withdrawn",
  "charge.dispute.funds_reinstated",
  "charge.dispute.closed",
]);

export function readsAhead(event: Stripe.Event): boolean {
  if (event.type === "payment_intent.succeeded")
    return event.data.object.payment_method_types.includes("us_bank_account");
  return SYNCS_ITS_PAYMENT.has(event.type);
}

/**
 * Whether the event was already recorded and the payment's counter, in one
 * round trip before any Stripe read (a version of 0: never synced).
 */
export async function seenAndVersion(db: Db, eventId: string, paymentId: string) {
  const [row] = rowsOf<{ seen: boolean; version: string | number | null }>(
    await db.execute(sql`
      SELECT EXISTS (SELECT 1 FROM stripe_events WHERE id = ${eventId}) AS seen,
             (SELECT version FROM stripe_payment_syncs WHERE payment_intent = ${paymentId}) AS version`),
  );
  return { seen: Boolean(row?.seen), version: Number(row?.version ?? 0) };
}

/** The reads for one event, made with no lock and no transaction open. */
export async function readAhead(
  stripe: Stripe,
  event: Stripe.Event,
  paymentId: string,
  version: number,
): Promise<ReadAhead> {
  const sessionId = event.type === "checkout.session.completed" ? event.data.object.id : null;
  const [payment, session] = await Promise.all([
    fetchPaymentState(stripe, paymentId),
    sessionId ? stripe.checkout.sessions.retrieve(sessionId) : undefined,
  ]);
  return { paymentId, version, payment, session };
}

/** The session as read ahead when it is this one, else a fresh read. */
export async function sessionOf(
  ctx: { stripe: Stripe; ahead?: ReadAhead },
  id: string,
): Promise<Stripe.Checkout.Session> {
  const s = ctx.ahead?.session;
  return s && s.id === id ? s : ctx.stripe.checkout.sessions.retrieve(id);
}
