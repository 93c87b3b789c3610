export interface FeeSchedule {
  /** Percentage in basis points (290 = 2.9%). */
  percentBps: number;
  /** Fixed fee in cents. */
  fixedCents: number;
  /** Stripe's US dispute fee in cents. */
  disputeFeeCents: number;
  /** Stripe's US dispute countered fee in cents: charged when evidence is submitted, returned if the dispute is won. */
  disputeCounteredFeeCents: number;
}

export const US_STANDARD_FEES: FeeSchedule = {
  percentBps: 290,
  fixedCents: 30,
  disputeFeeCents: 1500,
  disputeCounteredFeeCents: 1500,
};

/** Card processing fee with the percentage rounded half-up to the cent, all in integer arithmetic. */
export function processingFee(amount: number, s: FeeSchedule): number {
  return Math.floor((amount * s.percentBps + 5000) / 10000) + s.fixedCents;
}
