/**
 * Payouts move money from Stripe to the bank when Stripe reports them paid.
 * A payout that fails after being paid is reversed, as Stripe returns the
 * money to our balance; one that fails or is canceled before we booked it
 * never touched the books.
 */
import { sql } from "drizzle-orm";
import { stripePayouts } from "@/db/schema";
import { payoutEntry } from "@/lib/ledger/entries";
import { postOnce, reverseOnce } from "./books";
import type { EventOutcome, HandlerContext } from "./context";

export async function syncPayout(ctx: HandlerContext, payoutId: string): Promise<EventOutcome> {
  const po = await ctx.stripe.payouts.retrieve(payoutId);
  const row = { amountCents: po.amount, status: po.status, arrivalDate: new Date(po.arrival_date * 1000) };
  await ctx.tx
    .insert(stripePayouts)
    .values({ id: po.id, ...row })
    .onConflictDoUpdate({ target: stripePayouts.id, set: { ...row, updatedAt: sql`now()` } });
  const key = `payout:${po.id}`;
  if (po.status === "paid" && po.amount > 0) {
    const meta = { idempotencyKey: key, memo: `Stripe payout ${po.id}`, refs: { payout: po.id } };
    await postOnce(ctx.tx, payoutEntry({ ...meta, effectiveAt: new Date(po.arrival_date * 1000) }, po.amount));
  } else if (po.status === "failed") {
    await reverseOnce(ctx.tx, key, `${key}:failed`, `Payout ${po.id} failed`);
  }
  return "processed";
}
