/** Drive the real webhook route with signed events from the Stripe double, against a test database. */
import { asc, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { rowsOf, type Db, type DbHandle } from "@/db/client";
import {
  donations,
  outboxMessages,
  recurringGifts,
  stripeDisputes,
  stripeEvents,
  stripePayouts,
  stripeRefunds,
} from "@/db/schema";
import { postEntry, trialBalance, verifyCachedBalances, verifyDonorCounts, verifyKindTotals } from "@/lib/ledger";
import { setStripeForTests } from "@/lib/payments/stripe-client";
import { createDoubleStripe, signEvent, StripeDouble, type FeeSchedule } from "@/stripe-double";
import { POST } from "@/app/api/stripe/webhook/route";

export const RESERVE = 1_000_000;

/** The route reads the app's database from this holder (db/index.ts). */
export function routeToDb(h: DbHandle): void {
  (globalThis as { __openbondDb?: Promise<DbHandle> }).__openbondDb = Promise.resolve(h);
}

/** `fees`: the fund's rates (tests run with both card rates, issue 15); default Stripe's standard ones. */
export function newDouble(fees?: Partial<FeeSchedule>): { double: StripeDouble; stripe: Stripe } {
  const double = new StripeDouble(fees ? { fees } : {});
  const stripe = createDoubleStripe(double);
  setStripeForTests(stripe, double, double.webhookSecret);
  return { double, stripe };
}

/** An operating reserve in the general pool, so costs that overflow a gift (a refunded gift's fee, disputes) can be borne. */
export async function seedReserve(db: Db): Promise<void> {
  await postEntry(db, {
    idempotencyKey: "opening-reserve",
    kind: "adjustment",
    debits: [{ account: "bank", amount: RESERVE }],
    credits: [{ account: "general", amount: RESERVE }],
  });
}

export async function post(payload: string, header: string): Promise<Response> {
  return POST(
    new Request("http://localhost/api/stripe/webhook", {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": header },
      body: payload,
    }),
  );
}

/**
 * Deliver events (each possibly several times), in batches of `concurrency`
 * sent at once; like Stripe, resend whatever did not get a 2xx.
 */
export async function deliver(
  events: Stripe.Event[],
  secret: string,
  o: { concurrency?: number } = {},
): Promise<number[]> {
  const statuses: number[] = [];
  let queue = events;
  for (let round = 0; queue.length && round < 10; round++) {
    const failed: Stripe.Event[] = [];
    const n = Math.max(1, o.concurrency ?? 1);
    for (let i = 0; i < queue.length; i += n) {
      const batch = queue.slice(i, i + n);
      const res = await Promise.all(
        batch.map((e) => {
          const s = signEvent(e, secret);
          return post(s.payload, s.header);
        }),
      );
      res.forEach((r, j) => {
        statuses.push(r.status);
        if (!r.ok) failed.push(batch[j]!);
      });
    }
    queue = failed;
  }
  if (queue.length) throw new Error(`events still failing after retries: ${queue.map((e) => e.type).join(", ")}`);
  return statuses;
}

/** Everything money-related the webhooks write, in a comparable form. */
export async function books(db: Db) {
  const balances = rowsOf<{ code: string; balance: string | number }>(
    await db.execute(sql`SELECT code, balance FROM ledger_accounts WHERE balance <> 0 ORDER BY code`),
  );
  const d = await db
    .select({
      id: donations.id,
      status: donations.status,
      amount: donations.amountCents,
      fee: donations.feeCents,
      refunded: donations.refundedCents,
      pi: donations.paymentIntentId,
      charge: donations.chargeId,
      invoice: donations.invoiceId,
      succeededAt: donations.succeededAt,
      gift: donations.recurringGiftId,
    })
    .from(donations)
    .orderBy(asc(donations.paymentIntentId), asc(donations.id));
  return {
    balances: Object.fromEntries(balances.map((b) => [b.code, Number(b.balance)])),
    donations: d.map((r) => ({ ...r, id: r.invoice ? "(per invoice)" : r.id })),
    refunds: await db
      .select({ id: stripeRefunds.id, amount: stripeRefunds.amountCents, status: stripeRefunds.status })
      .from(stripeRefunds)
      .orderBy(asc(stripeRefunds.id)),
    disputes: await db
      .select({
        id: stripeDisputes.id,
        status: stripeDisputes.status,
        w: stripeDisputes.fundsWithdrawn,
        r: stripeDisputes.fundsReinstated,
      })
      .from(stripeDisputes)
      .orderBy(asc(stripeDisputes.id)),
    payouts: await db
      .select({ id: stripePayouts.id, amount: stripePayouts.amountCents, status: stripePayouts.status })
      .from(stripePayouts)
      .orderBy(asc(stripePayouts.id)),
    gifts: await db
      .select({ id: recurringGifts.id, status: recurringGifts.status, sub: recurringGifts.subscriptionId })
      .from(recurringGifts)
      .orderBy(asc(recurringGifts.id)),
    receipts: (await db.select({ key: outboxMessages.dedupeKey }).from(outboxMessages)).length,
    events: (await db.select({ id: stripeEvents.id }).from(stripeEvents)).length,
  };
}

/** The ledger's own invariants, and our `stripe` account equal to Stripe's balance (sum of every balance transaction's net). */
export async function checkInvariants(
  db: Db,
  double: StripeDouble,
): Promise<{ stripe: number; stripeAtStripe: number }> {
  const tb = await trialBalance(db);
  if (tb.postingsSum !== 0 || tb.assets !== tb.funds || tb.unbalancedEntries.length)
    throw new Error("trial balance broken");
  if ((await verifyCachedBalances(db)).length) throw new Error("cached balances differ from postings");
  if ((await verifyKindTotals(db)).length) throw new Error("running totals per entry kind differ from postings");
  if ((await verifyDonorCounts(db)).length) throw new Error("donor counts differ from donations");
  const [row] = rowsOf<{ b: string | number }>(
    await db.execute(sql`SELECT coalesce((SELECT balance FROM ledger_accounts WHERE code = 'stripe'), 0) AS b`),
  );
  // A bank debit still processing has pending funds at Stripe but nothing in our books until it succeeds (chart-of-accounts.md).
  const processing = (t: Stripe.BalanceTransaction) =>
    typeof t.source === "string" && double.store.get("charge", t.source)?.status === "pending";
  const stripeAtStripe = double.store
    .all("balance_transaction")
    .filter((t) => !processing(t))
    .reduce((s, t) => s + t.net, 0);
  return { stripe: Number(row!.b), stripeAtStripe };
}
