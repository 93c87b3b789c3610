/**
 * Refunds are booked when Stripe takes the money from our balance: at creation
 * (status pending, requires_action or succeeded), which is when Stripe writes
 * the refund's balance transaction. A refund that later fails or is canceled
 * gets a reversing entry, as Stripe credits the money back.
 */
import type Stripe from "stripe";
import { stripeRefunds } from "@/db/schema";
import { refundEntry } from "@/lib/ledger/entries";
import { campaignThenGeneral, postOnce, reverseOnce } from "./books";
import type { HandlerContext } from "./context";
import type { DonationRow } from "./resolve-donation";

const BOOKED: readonly string[] = ["pending", "requires_action", "succeeded"];

/** The cents currently refunded (booked and not failed). */
export function refundedCentsOf(refunds: Stripe.Refund[]): number {
  return refunds.filter((r) => BOOKED.includes(r.status ?? "pending")).reduce((n, r) => n + r.amount, 0);
}

/** Brings the refund rows and their entries up to `refunds` (from fetchPaymentState). */
export async function syncRefunds(
  ctx: HandlerContext,
  donation: DonationRow,
  piId: string,
  refunds: Stripe.Refund[],
): Promise<void> {
  for (const r of refunds) {
    const status = r.status ?? "pending";
    await ctx.tx
      .insert(stripeRefunds)
      .values({ id: r.id, donationId: donation.id, amountCents: r.amount, status, reason: r.reason ?? null })
      .onConflictDoUpdate({
        target: stripeRefunds.id,
        set: { status, amountCents: r.amount, reason: r.reason ?? null },
      });
    const key = `refund:${r.id}`;
    if (BOOKED.includes(status)) {
      const bornBy = await campaignThenGeneral(ctx.tx, donation.campaignId, piId, r.amount);
      await postOnce(
        ctx.tx,
        refundEntry(
          {
            idempotencyKey: key,
            campaignId: donation.campaignId,
            memo: `Refund on gift ${donation.id}`,
            refs: { payment_intent: piId, refund: r.id },
            effectiveAt: new Date(r.created * 1000),
          },
          bornBy,
        ),
      );
    } else {
      await reverseOnce(ctx.tx, key, `${key}:failed`, `Refund ${r.id} ${status}`);
    }
  }
}
