export interface FeeSchedule {
  /** Card percentage in basis points (290 = 2.9%; Stripe's nonprofit rate is 220). */
  percentBps: number;
  /** Card fixed fee in cents. */
  fixedCents: number;
  /** Stripe's US dispute fee in cents. */
  disputeFeeCents: number;
  /** Stripe's US dispute countered fee in cents: charged when evidence is submitted, returned if the dispute is won. */
  disputeCounteredFeeCents: number;
  /** ACH Direct Debit percentage in basis points (80 = 0.8%). */
  bankPercentBps: number;
  /** ACH Direct Debit fee cap in cents ($5). */
  bankCapCents: number;
}

export const US_STANDARD_FEES: FeeSchedule = {
  percentBps: 290,
  fixedCents: 30,
  disputeFeeCents: 1500,
  disputeCounteredFeeCents: 1500,
  bankPercentBps: 80,
  bankCapCents: 500,
};

/** Processing fee with the percentage rounded half-up to the cent, all in integer arithmetic; bank debits are capped. */
export function processingFee(amount: number, s: FeeSchedule, method: "card" | "us_bank_account" = "card"): number {
  if (method === "us_bank_account")
    return Math.min(Math.floor((amount * s.bankPercentBps + 5000) / 10000), s.bankCapCents);
  return Math.floor((amount * s.percentBps + 5000) / 10000) + s.fixedCents;
}
