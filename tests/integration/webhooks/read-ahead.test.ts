/**
 * The webhook reads Stripe before it takes the payment's lock (read-ahead.ts).
 * A read that is overtaken — another sync of the same payment commits while it
 * is on the wire — must not be applied: the handler reads Stripe again under
 * the lock. A read nobody overtook is applied as it is, with no second read.
 */
import type Stripe from "stripe";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { donations, stripePaymentSyncs } from "@/db/schema";
import { processStripeEvent } from "@/lib/payments/webhooks/process-event";
import { startOneOffGift } from "../../fixtures/gifts";
import { books, deliver, routeToDb } from "../../helpers/webhook-harness";
import { newWorld, type World } from "./setup";

let w: World;
beforeEach(async () => {
  w = await newWorld();
  routeToDb(w.a);
});
afterEach(async () => w?.close());

/**
 * A Stripe client whose reads of a payment are held until `release()`: the intent (which
 * carries its charge's refunds) and, were there any, separate lists of refunds or disputes.
 * `arrived` resolves once the first read has its answer; `reads` counts every read of the
 * payment. Everything else, and every read after the release, goes straight through.
 */
function heldReads(stripe: Stripe) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let arrive!: () => void;
  const arrived = new Promise<void>((r) => (arrive = r));
  let answered = 0;
  const hold = async <T>(p: Promise<T>): Promise<T> => {
    const v = await p;
    answered++;
    arrive();
    await gate;
    return v;
  };
  const held = <T>(list: AsyncIterable<T>): AsyncIterable<T> => ({
    async *[Symbol.asyncIterator]() {
      const all: T[] = [];
      for await (const x of list) all.push(x);
      yield* await hold(Promise.resolve(all));
    },
  });
  const client = Object.create(stripe) as Stripe;
  Object.assign(client, {
    paymentIntents: {
      retrieve: (...a: Parameters<Stripe["paymentIntents"]["retrieve"]>) => hold(stripe.paymentIntents.retrieve(...a)),
    },
    refunds: { list: (p: Stripe.RefundListParams) => held(stripe.refunds.list(p)) },
    disputes: { list: (p: Stripe.DisputeListParams) => held(stripe.disputes.list(p)) },
  });
  return { client, arrived, release, reads: () => answered };
}

async function paidAndBooked(amount: number) {
  const g = await startOneOffGift([w.a.db], w.stripe, w.campaign, { amountCents: amount, email: "d@example.test" });
  w.double.completeCheckout(g.sessionId, "success");
  const pi = String(w.double.store.get("checkout.session", g.sessionId)!.payment_intent);
  const events = w.double.pendingEvents();
  await deliver(events, w.double.webhookSecret);
  // A later delivery of the charge's update, as a new event: its handler syncs the payment.
  const update = events.find((e) => e.type === "charge.updated")!;
  return { ...g, pi, events, again: (id: string) => ({ ...update, id }) as Stripe.Event };
}

const donation = async (id: string) => (await w.a.db.select().from(donations).where(eq(donations.id, id)))[0]!;
const counter = async (pi: string) =>
  (await w.a.db.select().from(stripePaymentSyncs).where(eq(stripePaymentSyncs.paymentIntent, pi)))[0]?.version;

describe("reading Stripe before the lock", () => {
  it("reads Stripe again under the lock when another sync of the payment committed during the read", async () => {
    const g = await paidAndBooked(5_000);
    const held = heldReads(w.stripe);
    const late = processStripeEvent(w.a.db, g.again("evt_read_ahead_late"), held.client);
    await held.arrived; // it has read the payment: no refund yet

    w.double.refund(g.pi, 1_000);
    await deliver(w.double.pendingEvents(), w.double.webhookSecret);
    expect(await donation(g.donationId)).toMatchObject({ status: "partially_refunded", refundedCents: 1_000 });
    const before = await books(w.a.db);

    held.release();
    expect(await late).toBe("processed");
    // Its read was overtaken, so it read again (one more read: the intent brings the new refund
    // with it, and the charge is not disputed) and applied Stripe as it is now.
    expect(held.reads()).toBe(2);
    expect(await donation(g.donationId)).toMatchObject({ status: "partially_refunded", refundedCents: 1_000 });
    expect((await books(w.a.db)).balances).toEqual(before.balances);
  });

  it("applies a read nobody overtook without reading again, and counts the sync", async () => {
    const g = await paidAndBooked(5_000);
    const was = await counter(g.pi);
    expect(was).toBeGreaterThan(0);
    const held = heldReads(w.stripe);
    const outcome = processStripeEvent(w.a.db, g.again("evt_read_ahead_alone"), held.client);
    await held.arrived;
    held.release();
    expect(await outcome).toBe("processed");
    // One read: the intent, with its charge, fee and (no) refunds; an undisputed charge needs no dispute list.
    expect(held.reads()).toBe(1);
    expect(await counter(g.pi)).toBe(was! + 1);
    expect(await donation(g.donationId)).toMatchObject({ status: "succeeded", refundedCents: 0 });
  });

  it("reads nothing ahead for a redelivery, or for a card's payment_intent.succeeded", async () => {
    const g = await paidAndBooked(5_000);
    const held = heldReads(w.stripe);
    expect(await processStripeEvent(w.a.db, g.again("evt_read_ahead_twice"), w.stripe)).toBe("processed");
    held.release();
    expect(await processStripeEvent(w.a.db, g.again("evt_read_ahead_twice"), held.client)).toBe("duplicate");
    const succeeded = g.events.find((e) => e.type === "payment_intent.succeeded")!;
    expect(await processStripeEvent(w.a.db, { ...succeeded, id: "evt_pi_card" }, held.client)).toBe("ignored");
    expect(held.reads()).toBe(0);
  });
});
