/**
 * Which donations row a PaymentIntent pays. One-off gifts carry donation_id in
 * the PaymentIntent's metadata (the checkout contract); monthly payments do not,
 * so they are found through the invoice the PaymentIntent paid, and get a new
 * row per invoice.
 */
import type Stripe from "stripe";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { donations, recurringGifts } from "@/db/schema";
import { log } from "@/lib/log";
import { idOf, type HandlerContext } from "./context";

export type DonationRow = typeof donations.$inferSelect;

const uuid = z.uuid();
const giftMeta = z.object({ recurring_gift_id: uuid });

export async function resolveDonation(
  ctx: HandlerContext,
  pi: Stripe.PaymentIntent,
  invoiceHint?: string,
): Promise<DonationRow | null> {
  const { tx } = ctx;
  const [byPi] = await tx.select().from(donations).where(eq(donations.paymentIntentId, pi.id));
  if (byPi) return byPi;
  const donationId = uuid.safeParse(pi.metadata?.["donation_id"]);
  if (donationId.success) {
    const [row] = await tx
      .update(donations)
      .set({ paymentIntentId: pi.id })
      .where(eq(donations.id, donationId.data))
      .returning();
    if (row) return row;
    log.warn({ paymentIntent: pi.id }, "PaymentIntent names a donation we do not have");
    return null;
  }
  const invoiceId = invoiceHint ?? (await invoiceOf(ctx, pi.id));
  return invoiceId ? donationForInvoice(ctx, invoiceId, pi) : null;
}

async function invoiceOf({ stripe }: HandlerContext, piId: string): Promise<string | null> {
  const list = await stripe.invoicePayments.list({
    payment: { type: "payment_intent", payment_intent: piId },
    limit: 1,
  });
  return idOf(list.data[0]?.invoice);
}

/** The monthly gift an invoice belongs to, marked active (a paid invoice proves the subscription started). */
async function recurringGiftForInvoice({ tx }: HandlerContext, invoice: Stripe.Invoice) {
  const details = invoice.parent?.subscription_details;
  const subscriptionId = idOf(details?.subscription);
  const meta = giftMeta.safeParse(details?.metadata ?? {});
  let [gift] = meta.success
    ? await tx.select().from(recurringGifts).where(eq(recurringGifts.id, meta.data.recurring_gift_id))
    : [];
  if (!gift && subscriptionId)
    [gift] = await tx.select().from(recurringGifts).where(eq(recurringGifts.subscriptionId, subscriptionId));
  if (!gift) return null;
  if (gift.status === "pending" || (!gift.subscriptionId && subscriptionId)) {
    [gift] = await tx
      .update(recurringGifts)
      .set({
        status: gift.status === "pending" ? "active" : gift.status,
        subscriptionId: gift.subscriptionId ?? subscriptionId,
      })
      .where(eq(recurringGifts.id, gift.id))
      .returning();
  }
  return gift ?? null;
}

async function donationForInvoice(
  ctx: HandlerContext,
  invoiceId: string,
  pi: Stripe.PaymentIntent,
): Promise<DonationRow | null> {
  const { tx, stripe } = ctx;
  const [existing] = await tx.select().from(donations).where(eq(donations.invoiceId, invoiceId));
  if (existing) return existing;
  const invoice = await stripe.invoices.retrieve(invoiceId);
  const gift = await recurringGiftForInvoice(ctx, invoice);
  if (!gift) {
    log.warn({ invoice: invoiceId, paymentIntent: pi.id }, "invoice belongs to no monthly gift of ours");
    return null;
  }
  const amount = pi.amount_received || pi.amount;
  await tx
    .insert(donations)
    .values({
      campaignId: gift.campaignId,
      amountCents: amount,
      displayName: gift.displayName,
      email: gift.email,
      redirectConsent: gift.redirectConsent,
      frequency: "monthly",
      coverFeeCents: gift.coverFeeCents < amount ? gift.coverFeeCents : 0,
      locale: gift.locale,
      recurringGiftId: gift.id,
      invoiceId,
      paymentIntentId: pi.id,
    })
    .onConflictDoNothing();
  const [row] = await tx.select().from(donations).where(eq(donations.invoiceId, invoiceId));
  return row ?? null;
}
