import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coverFeeFor, processingFee } from "@/lib/donations/fees";

describe("coverFeeFor", () => {
  it.each([
    [500, 46],
    [2500, 106],
    [10000, 330],
    [25000, 778],
  ])("a %i-cent gift needs %i cents more", (gift, extra) => {
    expect(coverFeeFor(gift)).toBe(extra);
    const gross = gift + extra;
    expect(gross - processingFee(gross)).toBeGreaterThanOrEqual(gift);
  });

  it("is the smallest extra that leaves the fund the whole gift", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_000 }), (gift) => {
        const extra = coverFeeFor(gift);
        const gross = gift + extra;
        expect(gross - processingFee(gross)).toBeGreaterThanOrEqual(gift);
        expect(gross - 1 - processingFee(gross - 1)).toBeLessThan(gift);
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses non-positive and fractional cents", () => {
    expect(() => coverFeeFor(0)).toThrow(RangeError);
    expect(() => coverFeeFor(12.5)).toThrow(RangeError);
  });
});
