/**
 * One Stripe event, in one database transaction: claim its id, apply it,
 * record the outcome. A handler that throws rolls everything back, including
 * the claim, so Stripe's redelivery tries again.
 *
 * Stripe's state is read before the lock where the event's handler will
 * sync its payment (read-ahead.ts), and used only if still current.
 *
 * Two fast paths keep work that cannot touch money out of the locked
 * section (under load about half of all deliveries): a redelivery of an event
 * already recorded, and an event type we do not handle. Neither changes what
 * is recorded: a row in stripe_events is only ever committed with its final
 * outcome, and an unhandled type is recorded as ignored either way.
 */
import type Stripe from "stripe";
import { eq, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { stripeEvents } from "@/db/schema";
import { getStripe } from "@/lib/payments/stripe-client";
import type { EventOutcome } from "./context";
import { handlerFor } from "./dispatch";
import { readAhead, readsAhead, seenAndVersion, type ReadAhead } from "./read-ahead";

export type ProcessOutcome = EventOutcome | "duplicate";

/**
 * Arbitrary constants. Events about one payment (its checkout session, charge,
 * refunds, disputes, fraud warning) serialise on a lock keyed by the payment
 * intent and share WEBHOOK_LOCK, so gifts from different donors are booked in
 * parallel. Everything else — subscriptions and invoices (one gift, many
 * payments), payouts, anything whose payment cannot be read from the event —
 * takes WEBHOOK_LOCK exclusively, alone as before. Either way a handler's reads
 * of its own payment's rows and entries are consistent with its writes; reads
 * of shared balances are re-checked by the ledger under its account locks (a
 * refusal rolls the event back and Stripe's redelivery applies it again).
 */
const WEBHOOK_LOCK = 7_310_442_902;
const PAYMENT_LOCK_CLASS = 731_044;

type LockScope = { payment: string } | "exclusive";

function idOf(v: unknown): string | null {
  if (typeof v === "string" && v) return v;
  if (v && typeof v === "object" && typeof (v as { id?: unknown }).id === "string") return (v as { id: string }).id;
  return null;
}

/** Which lock an event needs, read from its payload alone (no Stripe call). */
export function lockScopeOf(event: Stripe.Event): LockScope {
  const obj = event.data.object as unknown as Record<string, unknown>;
  const [family] = event.type.split(".");
  const pi = idOf(obj.payment_intent);
  if (family === "checkout") return obj.mode === "payment" && pi ? { payment: pi } : "exclusive";
  if (event.type.startsWith("payment_intent.")) return { payment: String(obj.id) };
  if (family === "charge" || family === "refund" || family === "radar")
    return pi && !obj.invoice ? { payment: pi } : "exclusive";
  return "exclusive";
}

export async function processStripeEvent(
  db: Db,
  event: Stripe.Event,
  stripe: Stripe = getStripe(),
): Promise<ProcessOutcome> {
  const row = { id: event.id, type: event.type, stripeCreatedAt: new Date(event.created * 1000) };
  const handler = handlerFor(event.type);
  const scope = lockScopeOf(event);
  const payment = scope === "exclusive" ? null : scope.payment;
  let ahead: ReadAhead | undefined;
  if (handler && payment && readsAhead(event)) {
    // Redelivery check and the payment's sync counter in one read; then Stripe, before any lock.
    const { seen, version } = await seenAndVersion(db, event.id, payment);
    if (seen) return "duplicate";
    ahead = await readAhead(stripe, event, payment, version);
  } else {
    // Redelivery of a recorded event: one indexed read, no lock, no transaction.
    // (A delivery still being processed elsewhere is not visible yet; the claim below waits for it.)
    const [seen] = await db.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, event.id));
    if (seen) return "duplicate";
  }
  if (!handler) {
    // Nothing to apply: record it as ignored in one statement.
    const claimed = await db
      .insert(stripeEvents)
      .values({ ...row, outcome: "ignored" })
      .onConflictDoNothing({ target: stripeEvents.id })
      .returning({ id: stripeEvents.id });
    return claimed.length ? "ignored" : "duplicate";
  }
  return db.transaction(async (tx) => {
    const locks =
      payment === null
        ? sql`SELECT pg_advisory_xact_lock(${WEBHOOK_LOCK})`
        : sql`SELECT pg_advisory_xact_lock_shared(${WEBHOOK_LOCK}), pg_advisory_xact_lock(${PAYMENT_LOCK_CLASS}, hashtext(${payment}))`;
    // Lock, then claim, in one round trip: the INSERT reads its row from the locking SELECT, so the
    // locks are held before the claim is tried. The claim carries the usual outcome, so the common
    // case needs no second write after the handler's ledger entries (which lock shared balances
    // until commit); it commits only with them.
    const claim = sql`
        INSERT INTO stripe_events (id, type, stripe_created_at, outcome)
        SELECT ${row.id}, ${row.type}, ${row.stripeCreatedAt.toISOString()}::timestamptz, 'processed' FROM locked
        ON CONFLICT (id) DO NOTHING RETURNING id`;
    // An event about one payment also bumps that payment's sync counter in the same statement (an
    // upsert sees the latest committed counter, whatever the statement's snapshot): the counter
    // before the bump tells whether a read made before the lock is still current.
    const claimed = rowsOf<{ version: string | number }>(
      await tx.execute(
        payment === null
          ? sql`WITH locked AS (${locks}) ${claim}`
          : sql`
        WITH locked AS (${locks}), claim AS (${claim})
        INSERT INTO stripe_payment_syncs (payment_intent, version) SELECT ${payment}, 1 FROM claim
        ON CONFLICT (payment_intent) DO UPDATE SET version = stripe_payment_syncs.version + 1
        RETURNING version`,
      ),
    );
    if (!claimed.length) return "duplicate";
    const synced = new Set<string>(payment ? [payment] : []);
    // Another sync of this payment committed after the read: read Stripe again, under the lock.
    const current = ahead && Number(claimed[0]!.version) - 1 === ahead.version ? ahead : undefined;
    const outcome: EventOutcome = await handler({ tx, stripe, ahead: current, synced }, event);
    if (outcome !== "processed") await tx.update(stripeEvents).set({ outcome }).where(eq(stripeEvents.id, event.id));
    return outcome;
  });
}
