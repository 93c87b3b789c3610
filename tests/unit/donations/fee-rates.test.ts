/** Issue 15: the fund's real rates: the cover is computed for the chosen method, at either card rate. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bankOffered, bankSavingsFor, coverFeeFor, processingFee, type FeeRates } from "@/lib/donations/fees";
import { feeRatesFrom } from "@/lib/donations/fee-rates";
import { doubleFees } from "@/lib/payments/stripe-client";
import { parseEnv } from "@/lib/env";
import { processingFee as doubleFee, US_STANDARD_FEES } from "@/stripe-double";

const PLANS = [
  { plan: "standard 2.9% + 30¢", bps: "290", card6000: 17_430, savings6000: 16_930 },
  { plan: "nonprofit 2.2% + 30¢", bps: "220", card6000: 13_230, savings6000: 12_730 },
];

describe.each(PLANS)("card rate $plan", ({ bps, card6000, savings6000 }) => {
  const e = parseEnv({ NODE_ENV: "test", FUND_CARD_FEE_PERCENT_BPS: bps });
  const rates: FeeRates = feeRatesFrom(e);

  it("a $6,000 gift: card fee, bank fee capped at $5, and what bank saves the fund", () => {
    expect(processingFee(600_000, rates.card)).toBe(card6000);
    expect(processingFee(600_000, rates.us_bank_account)).toBe(500);
    expect(bankSavingsFor(600_000, rates)).toBe(savings6000);
  });

  it("the cover for either method is the smallest extra that leaves the fund the whole gift", () => {
    fc.assert(
      fc.property(fc.integer({ min: 500, max: 2_500_000 }), fc.constantFrom("card", "us_bank_account"), (gift, m) => {
        const f = rates[m as "card" | "us_bank_account"];
        const gross = gift + coverFeeFor(gift, f);
        expect(gross - processingFee(gross, f)).toBeGreaterThanOrEqual(gift);
        expect(gross - 1 - processingFee(gross - 1, f)).toBeLessThan(gift);
      }),
      { numRuns: 1000 },
    );
    // Above $625 the bank fee is at its cap: the cover is exactly $5.
    expect(coverFeeFor(600_000, rates.us_bank_account)).toBe(500);
    expect(coverFeeFor(50_000, rates.us_bank_account)).toBe(403);
  });

  it("the offline double charges the same configured rates", () => {
    const fees = { ...US_STANDARD_FEES, ...doubleFees(e) };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), (amount) => {
        expect(doubleFee(amount, fees)).toBe(processingFee(amount, rates.card));
        expect(doubleFee(amount, fees, "us_bank_account")).toBe(processingFee(amount, rates.us_bank_account));
      }),
      { numRuns: 500 },
    );
  });
});

describe("when bank debit is offered", () => {
  const rates = feeRatesFrom(parseEnv({ NODE_ENV: "test" }));
  it("from FUND_ACH_MIN_CENTS (default $500), one-time gifts only", () => {
    expect(rates.achMinCents).toBe(50_000);
    expect(bankOffered(rates, 50_000, "one_off")).toBe(true);
    expect(bankOffered(rates, 49_999, "one_off")).toBe(false);
    expect(bankOffered(rates, 600_000, "monthly")).toBe(false);
    expect(bankOffered({ ...rates, achMinCents: 0 }, 600_000, "one_off")).toBe(false);
  });
  it("refuses nonsense rates in the environment", () => {
    expect(() => parseEnv({ NODE_ENV: "test", FUND_CARD_FEE_PERCENT_BPS: "-1" })).toThrow();
    expect(() => parseEnv({ NODE_ENV: "test", FUND_BANK_FEE_CAP_CENTS: "abc" })).toThrow();
  });
});
