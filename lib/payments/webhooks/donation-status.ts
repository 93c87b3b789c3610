import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { donations } from "@/db/schema";

/** Derived from Stripe's current state, so it converges whatever order the events came in. */
export async function refreshDonationStatus(
  tx: Db,
  donation: { id: string; amountCents: number },
  s: { refundedCents: number; disputed: boolean },
): Promise<void> {
  // A gift's amount never changes, so the row read at the start of the sync has it.
  const amount = donation.amountCents;
  const refunded = Math.min(s.refundedCents, amount);
  const status = s.disputed
    ? "disputed"
    : refunded >= amount
      ? "refunded"
      : refunded > 0
        ? "partially_refunded"
        : "succeeded";
  await tx.update(donations).set({ status, refundedCents: refunded }).where(eq(donations.id, donation.id));
}
