/**
 * A monthly donor changing their gift from the link in their receipt: a new
 * monthly amount (Stripe's subscription update, no proration: the next invoice is
 * the new amount) or a new card (Stripe's customer portal, opened on "update
 * payment method"). The link's token is checked as for stopping the gift.
 */
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { recurringGifts } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { CHECKOUT_MESSAGES, parseCheckoutInput } from "./checkout-input";
import { findRecurringGift, type RecurringAuth } from "./cancel-recurring";
import { feeRatesFrom } from "./fee-rates";
import { coverFeeFor } from "./fees";

export type ChangeOutcome = "invalid" | "not_active" | "changed" | "unchanged";

async function activeSubscription(
  db: Db,
  stripe: Stripe,
  id: string,
  auth: RecurringAuth,
): Promise<{ giftId: string; sub: Stripe.Subscription } | "invalid" | "not_active"> {
  const g = await findRecurringGift(db, id, auth);
  if (!g) return "invalid";
  if (g.status !== "active" || !g.subscriptionId) return "not_active";
  const sub = await stripe.subscriptions.retrieve(g.subscriptionId);
  if (sub.status === "canceled" || sub.status === "incomplete_expired") return "not_active";
  return { giftId: g.id, sub };
}

/**
 * Change the monthly amount. `amount` is what the donor typed; the same limits as a
 * new gift apply (AppError 'validation' with a message key otherwise).
 */
export async function changeRecurringAmount(
  db: Db,
  stripe: Stripe,
  input: { id: string; token: RecurringAuth; amount: string; coverFee: boolean; maxCents: number },
): Promise<ChangeOutcome> {
  // The donate form's own amount rules (minimum, maximum, format), so both say the same thing.
  const parsed = parseCheckoutInput({ campaignSlug: "x", amount: input.amount, frequency: "one_off" }, input.maxCents);
  const found = await activeSubscription(db, stripe, input.id, input.token);
  if (typeof found === "string") return found;
  const item = found.sub.items.data[0];
  if (!item) throw new AppError("unavailable", CHECKOUT_MESSAGES.amountMissing());
  // Monthly gifts are card only (bank debit is for one-time large gifts).
  const coverFeeCents = input.coverFee ? coverFeeFor(parsed.giftCents, feeRatesFrom(env()).card) : 0;
  const chargeCents = parsed.giftCents + coverFeeCents;
  if (item.price.unit_amount !== chargeCents) {
    await stripe.subscriptions.update(
      found.sub.id,
      {
        items: [
          {
            id: item.id,
            price_data: {
              currency: "usd",
              product: typeof item.price.product === "string" ? item.price.product : item.price.product.id,
              unit_amount: chargeCents,
              recurring: { interval: "month" },
            },
          },
        ],
        proration_behavior: "none",
      },
      { idempotencyKey: `change-amount:${found.giftId}:${chargeCents}:${coverFeeCents}:${found.sub.latest_invoice}` },
    );
  }
  const [row] = await db
    .update(recurringGifts)
    .set({ amountCents: chargeCents, coverFeeCents })
    .where(eq(recurringGifts.id, found.giftId))
    .returning({ id: recurringGifts.id });
  return row && item.price.unit_amount !== chargeCents ? "changed" : "unchanged";
}

/** Where the donor changes the card: a customer portal session returning to `returnUrl`. */
export async function cardUpdateUrl(
  db: Db,
  stripe: Stripe,
  input: { id: string; token: RecurringAuth; returnUrl: string },
): Promise<string | "invalid" | "not_active"> {
  const found = await activeSubscription(db, stripe, input.id, input.token);
  if (typeof found === "string") return found;
  const customer = typeof found.sub.customer === "string" ? found.sub.customer : found.sub.customer.id;
  const session = await stripe.billingPortal.sessions.create({
    customer,
    return_url: input.returnUrl,
    flow_data: { type: "payment_method_update" },
  });
  return session.url;
}
