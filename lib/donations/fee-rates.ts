/** The fund's configured processing rates (lib/env.ts), for the server and as props for the donate form. */
import type { Env } from "@/lib/env";
import type { FeeRates } from "./fees";

export function feeRatesFrom(e: Env): FeeRates {
  return {
    card: { percentBps: e.FUND_CARD_FEE_PERCENT_BPS, fixedCents: e.FUND_CARD_FEE_FIXED_CENTS },
    us_bank_account: { percentBps: e.FUND_BANK_FEE_PERCENT_BPS, fixedCents: 0, capCents: e.FUND_BANK_FEE_CAP_CENTS },
    achMinCents: e.FUND_ACH_MIN_CENTS,
  };
}
