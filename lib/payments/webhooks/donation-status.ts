import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { donations } from "@/db/schema";

/** Derived from Stripe's current state, so it converges whatever order the events came in. */
export async function refreshDonationStatus(tx: Db, donationId: string, s: { refundedCents: number; disputed: boolean }): Promise<void> {
  const [row] = await tx.select({ amount: donations.amountCents }).from(donations).where(eq(donations.id, donationId));
  if (!row) return;
  const refunded = Math.min(s.refundedCents, row.amount);
  const status = s.disputed ? "disputed" : refunded >= row.amount ? "refunded" : refunded > 0 ? "partially_refunded" : "succeeded";
  await tx.update(donations).set({ status, refundedCents: refunded }).where(eq(donations.id, donationId));
}
