import type Stripe from "stripe";
import { and, eq, isNull, or } from "drizzle-orm";
import { z } from "zod";
import { donations, recurringGifts } from "@/db/schema";
import { idOf, type EventOutcome, type HandlerContext } from "../context";
import { markBankSubmitted } from "../bank-debit";
import { sessionOf } from "../read-ahead";
import { keepDonorContact, keepMonthlyDonorContact } from "@/lib/receipts/schedule-b";
import { syncPaymentIntent } from "../sync-payment-intent";

const uuid = z.uuid();

/**
 * One-off: link the session and, when paid, book the gift. Monthly: only
 * activate the gift and remember its subscription; the money is booked from
 * invoice.paid, or the first month would count twice.
 */
export async function handleCheckoutSessionCompleted(
  ctx: HandlerContext,
  event: Stripe.CheckoutSessionCompletedEvent,
): Promise<EventOutcome> {
  const session = await sessionOf(ctx, event.data.object.id);
  return session.mode === "subscription" ? activateMonthly(ctx, session) : linkOneOff(ctx, session, event);
}

async function linkOneOff(
  ctx: HandlerContext,
  session: Stripe.Checkout.Session,
  event: Stripe.Event,
): Promise<EventOutcome> {
  const id = uuid.safeParse(session.metadata?.["donation_id"] ?? session.client_reference_id);
  if (!id.success) return "ignored";
  const linked = await ctx.tx
    .update(donations)
    .set({ checkoutSessionId: session.id })
    .where(
      and(
        eq(donations.id, id.data),
        or(isNull(donations.checkoutSessionId), eq(donations.checkoutSessionId, session.id)),
      ),
    )
    .returning({ id: donations.id });
  if (!linked.length) return "ignored";
  await keepDonorContact(ctx.tx, id.data, session);
  const pi = idOf(session.payment_intent);
  if (pi && session.payment_status === "paid") return syncPaymentIntent(ctx, pi);
  // An unpaid session is a bank debit still processing: nothing is booked; async_payment_* will follow.
  if (pi) await markBankSubmitted(ctx.tx, id.data, new Date(event.created * 1000));
  // The answer may already be in (events arrive in any order): converge on Stripe's current state.
  return pi ? syncPaymentIntent(ctx, pi) : "processed";
}

async function activateMonthly(ctx: HandlerContext, session: Stripe.Checkout.Session): Promise<EventOutcome> {
  const id = uuid.safeParse(session.metadata?.["recurring_gift_id"] ?? session.client_reference_id);
  if (!id.success) return "ignored";
  const [gift] = await ctx.tx.select().from(recurringGifts).where(eq(recurringGifts.id, id.data));
  if (!gift) return "ignored";
  await ctx.tx
    .update(recurringGifts)
    .set({
      // Forward only: a subscription.deleted processed first leaves it cancelled.
      status: gift.status === "pending" ? "active" : gift.status,
      checkoutSessionId: gift.checkoutSessionId ?? session.id,
      subscriptionId: gift.subscriptionId ?? idOf(session.subscription),
    })
    .where(eq(recurringGifts.id, gift.id));
  await keepMonthlyDonorContact(ctx.tx, gift.id, session);
  return "processed";
}
