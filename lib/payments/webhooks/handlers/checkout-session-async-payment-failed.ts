import type Stripe from "stripe";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { donations } from "@/db/schema";
import { idOf, type EventOutcome, type HandlerContext } from "../context";

/** The bank debit bounced: the gift failed. Only a pending gift moves; Stripe's PaymentIntent is checked first. */
export async function handleAsyncPaymentFailed(
  ctx: HandlerContext,
  event: Stripe.CheckoutSessionAsyncPaymentFailedEvent,
): Promise<EventOutcome> {
  const session = event.data.object;
  const id = z.uuid().safeParse(session.metadata?.["donation_id"] ?? session.client_reference_id);
  const piId = idOf(session.payment_intent);
  if (!id.success || !piId) return "ignored";
  const pi = await ctx.stripe.paymentIntents.retrieve(piId);
  if (pi.status === "succeeded" || pi.status === "processing") return "processed";
  await ctx.tx
    .update(donations)
    .set({ status: "failed", paymentIntentId: pi.id })
    .where(and(eq(donations.id, id.data), eq(donations.status, "pending")));
  return "processed";
}
