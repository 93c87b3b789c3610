/**
 * Processing fees in integer arithmetic. The real fee always comes from Stripe's
 * balance transaction; these are for the fee cover, estimates and demo data.
 * No env here: the donate form (browser) ships this file and gets the fund's
 * rates as props (see fee-rates.ts for where they come from).
 */
export interface FeeFormula {
  /** Percentage in basis points (2.9% = 290). */
  percentBps: number;
  /** Fixed part in cents. */
  fixedCents: number;
  /** Most the fee can be, in cents (ACH debit: $5); none for cards. */
  capCents?: number;
}

export type PaymentMethod = "card" | "us_bank_account";

/** The fund's rates for each way of paying, and from which gift bank debit is offered. */
export interface FeeRates {
  card: FeeFormula;
  us_bank_account: FeeFormula;
  achMinCents: number;
}

/** Stripe's standard US card rate. A 501(c)(3) approved for the nonprofit rate pays 2.2% + 30¢. */
const DEFAULT_FEE: FeeFormula = { percentBps: 290, fixedCents: 30 };
/** Stripe's ACH Direct Debit rate: 0.8%, capped at $5. */
export const DEFAULT_BANK_FEE: FeeFormula = { percentBps: 80, fixedCents: 0, capCents: 500 };
export const DEFAULT_RATES: FeeRates = { card: DEFAULT_FEE, us_bank_account: DEFAULT_BANK_FEE, achMinCents: 50_000 };

/** Fee on a gross amount: the percentage rounded half up to the cent, plus the fixed part, capped. */
export function processingFee(grossCents: number, f: FeeFormula = DEFAULT_FEE): number {
  const fee = Math.floor((grossCents * f.percentBps + 5_000) / 10_000) + f.fixedCents;
  return f.capCents === undefined ? fee : Math.min(fee, f.capCents);
}

/**
 * What to add to a gift so the fund still receives the whole gift after the
 * fee is taken from the larger charge: the smallest extra E with
 * (gift + E) - processingFee(gift + E) >= gift. Integer arithmetic only; the
 * client form uses this same function so the number shown is the number charged.
 */
export function coverFeeFor(giftCents: number, f: FeeFormula = DEFAULT_FEE): number {
  if (!Number.isSafeInteger(giftCents) || giftCents <= 0)
    throw new RangeError("coverFeeFor needs a positive whole number of cents");
  const keeps = (gross: number) => gross - processingFee(gross, f) >= giftCents;
  // Closed-form guess (ceil of (gift + fixed) / (1 - rate)), then nudge to the exact minimum.
  let gross = Math.ceil(((giftCents + f.fixedCents) * 10_000) / (10_000 - f.percentBps));
  // Under a cap the fee never exceeds it, so gift + cap always keeps the whole gift.
  if (f.capCents !== undefined) gross = Math.min(gross, giftCents + f.capCents);
  while (!keeps(gross)) gross += 1;
  while (gross - 1 > giftCents && keeps(gross - 1)) gross -= 1;
  return gross - giftCents;
}

/** What paying by bank instead of card saves the fund on this gift (never negative). */
export function bankSavingsFor(giftCents: number, rates: FeeRates): number {
  return Math.max(0, processingFee(giftCents, rates.card) - processingFee(giftCents, rates.us_bank_account));
}

/** Whether bank debit is offered for this gift: one-time, and at least the fund's minimum (0 = never). */
export function bankOffered(rates: FeeRates, giftCents: number, frequency: "one_off" | "monthly"): boolean {
  return rates.achMinCents > 0 && frequency === "one_off" && giftCents >= rates.achMinCents;
}
