/** Card processing fees in integer arithmetic. The real fee always comes from Stripe's balance transaction; this is for estimates and demo data. */
export interface FeeFormula {
  /** Percentage in basis points (2.9% = 290). */
  percentBps: number;
  /** Fixed part in cents. */
  fixedCents: number;
}

const DEFAULT_FEE: FeeFormula = { percentBps: 290, fixedCents: 30 };

/** Fee on a gross amount, rounded half up to the cent. */
export function processingFee(grossCents: number, f: FeeFormula = DEFAULT_FEE): number {
  return Math.floor((grossCents * f.percentBps + 5_000) / 10_000) + f.fixedCents;
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
  while (!keeps(gross)) gross += 1;
  while (gross - 1 > giftCents && keeps(gross - 1)) gross -= 1;
  return gross - giftCents;
}
