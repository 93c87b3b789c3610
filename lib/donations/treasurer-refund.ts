/**
 * A treasurer refunds all or part of a gift through Stripe, with a reason. The
 * webhook books the refund when Stripe reports it (the same path as a refund
 * made in Stripe's dashboard), so this writes no ledger entry itself.
 */
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { z } from "zod";
import type { Db } from "@/db/client";
import { donations } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { formatUsd } from "@/lib/money";
import { parseOrThrow } from "@/lib/validation";

const refundSchema = z.object({
  donationId: z.uuid("Choose a gift to refund."),
  amountCents: z.number().int("The refund must be whole cents.").positive("The refund must be more than zero."),
  reason: z.string().trim().min(5, "Give a reason for the refund (at least 5 characters).").max(300),
});

export async function refundGift(
  db: Db,
  stripe: Stripe,
  actor: Principal | null,
  input: unknown,
): Promise<{ refundId: string }> {
  const me = requireRole(actor, "treasurer");
  const r = parseOrThrow(refundSchema, input);
  const [gift] = await db.select().from(donations).where(eq(donations.id, r.donationId));
  if (!gift) throw new AppError("not_found", `Gift ${r.donationId} does not exist.`);
  if (!gift.paymentIntentId)
    throw new AppError(
      "conflict",
      `Gift ${gift.id} was not paid through Stripe (imported or demo data), so it cannot be refunded here.`,
    );
  if (!["succeeded", "partially_refunded"].includes(gift.status)) {
    throw new AppError(
      "conflict",
      `Gift ${gift.id} is ${gift.status.replace("_", " ")}; only a paid gift can be refunded.`,
    );
  }
  const left = gift.amountCents - gift.refundedCents;
  if (r.amountCents > left) {
    throw new AppError(
      "validation",
      `The refund (${formatUsd(r.amountCents)}) is larger than what is left of the gift (${formatUsd(left)}).`,
    );
  }
  // The key includes what was refunded before, so a double click sends one refund and a later second refund is still possible.
  const refund = await stripe.refunds.create(
    {
      payment_intent: gift.paymentIntentId,
      amount: r.amountCents,
      reason: "requested_by_customer",
      metadata: { donation_id: gift.id, note: r.reason.slice(0, 200) },
    },
    { idempotencyKey: `treasurer-refund:${gift.id}:${gift.refundedCents}:${r.amountCents}` },
  );
  await audit(db, {
    actorUserId: me.userId,
    action: "gift.refund_requested",
    subjectType: "donation",
    subjectId: gift.id,
    details: { amountCents: r.amountCents, refund: refund.id },
  });
  return { refundId: refund.id };
}
