import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney, formatPercentBps, formatUsd } from "@/lib/money";

describe("formatMoney per locale", () => {
  it("formats English and Spanish pages the same US way, money and percentages alike", () => {
    expect(formatMoney(256841, "en")).toBe("$2,568.41");
    expect(formatMoney(256841, "es")).toBe("$2,568.41");
    expect(formatPercentBps(290, "en")).toBe("2.9%");
    expect(formatPercentBps(290, "es")).toBe("2.9%");
    expect(formatPercentBps(220, "es")).toBe("2.2%");
  });

  it("always shows cents unless whole dollars are asked for and the amount is whole", () => {
    expect(formatMoney(808500, "en")).toBe("$8,085.00");
    expect(formatMoney(2000000, "en", { wholeDollars: true })).toBe("$20,000");
    expect(formatMoney(783821, "en", { wholeDollars: true })).toBe("$7,838.21");
    expect(formatMoney(-141, "en")).toBe("-$1.41");
    expect(formatMoney(0, "es")).toBe("$0.00");
  });

  it("property: equals formatUsd to the cent for every amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (c) => {
        expect(formatMoney(c, "en")).toBe(formatUsd(c).replace(/^(-?\$[\d,]+)$/, "$1.00"));
      }),
    );
  });
});
