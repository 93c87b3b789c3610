/** Card processing fees in integer arithmetic. The real fee always comes from Stripe's balance transaction; this is for estimates and demo data. */
export interface FeeFormula {
  /** Percentage in basis points (2.9% = 290). */
  percentBps: number;
  /** Fixed part in cents. */
  fixedCents: number;
}

export const DEFAULT_FEE: FeeFormula = { percentBps: 290, fixedCents: 30 };

/** Fee on a gross amount, rounded half up to the cent. */
export function processingFee(grossCents: number, f: FeeFormula = DEFAULT_FEE): number {
  return Math.floor((grossCents * f.percentBps + 5_000) / 10_000) + f.fixedCents;
}
