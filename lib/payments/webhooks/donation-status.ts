import type { donations } from "@/db/schema";

type DonationStatus = (typeof donations.$inferSelect)["status"];

/** Derived from Stripe's current state, so it converges whatever order the events came in. */
export function derivedDonationStatus(
  donation: { amountCents: number },
  s: { refundedCents: number; disputed: boolean },
): { status: DonationStatus; refundedCents: number } {
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
  return { status, refundedCents: refunded };
}
