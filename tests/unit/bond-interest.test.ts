import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bondInterest, quarterStartOf, type QuarterRate } from "@/lib/bonds/interest";

/** Every quarter 2015–2030 at one rate. */
function flat(rateBps: number): QuarterRate[] {
  const out: QuarterRate[] = [];
  for (let y = 2015; y <= 2030; y++)
    for (const m of ["01", "04", "07", "10"]) out.push({ quarterStart: `${y}-${m}-01`, rateBps });
  return out;
}

describe("bond interest", () => {
  it("is $300.00 on $10,000 at 3% for a 365-day year", () => {
    expect(bondInterest(1_000_000, "2025-01-01", "2026-01-01", flat(300))).toMatchObject({ cents: 30_000, days: 365 });
  });

  it("counts from the day after the deposit, through the refund date", () => {
    expect(bondInterest(1_000_000, "2025-03-10", "2025-03-10", flat(300))).toMatchObject({ cents: 0, days: 0 });
    // One day: 10,000 × 3% / 365 = 0.8219… dollars → 82 cents.
    expect(bondInterest(1_000_000, "2025-03-10", "2025-03-11", flat(300))).toMatchObject({ cents: 82, days: 1 });
  });

  it("uses actual/365 in a leap year: 366 days earn more than a year's rate", () => {
    // 2024-01-01 → 2025-01-01 covers 366 days (Feb 29 included).
    const r = bondInterest(1_000_000, "2024-01-01", "2025-01-01", flat(300));
    expect(r.days).toBe(366);
    expect(r.cents).toBe(30_082); // 10,000 × 0.03 × 366/365 = 300.8219…
  });

  it("applies each quarter's own rate", () => {
    // Treasury: 0.30% for Apr–Jun 2016; say 0.20% for Jan–Mar 2016.
    const rates = [
      { quarterStart: "2016-01-01", rateBps: 20 },
      { quarterStart: "2016-04-01", rateBps: 30 },
    ];
    const r = bondInterest(2_000_000, "2016-03-01", "2016-04-30", rates);
    // Mar 2–31 = 30 days at 0.20%, Apr 1–30 = 30 days at 0.30%: 20,000 × (0.002×30 + 0.003×30)/365 = 8.2191… → $8.22
    expect(r.lines).toEqual([
      { quarterStart: "2016-01-01", days: 30, rateBps: 20 },
      { quarterStart: "2016-04-01", days: 30, rateBps: 30 },
    ]);
    expect(r.cents).toBe(822);
  });

  it("caps a rate at 3% and never goes below zero", () => {
    expect(bondInterest(1_000_000, "2025-01-01", "2026-01-01", flat(550)).cents).toBe(30_000);
    expect(bondInterest(1_000_000, "2025-01-01", "2026-01-01", flat(-40)).cents).toBe(0);
  });

  it("refuses a missing quarter rate, reversed dates and impossible dates", () => {
    expect(() =>
      bondInterest(1_000_000, "2025-01-01", "2025-06-01", [{ quarterStart: "2025-01-01", rateBps: 300 }]),
    ).toThrow(/quarter starting 2025-04-01/);
    expect(() => bondInterest(1_000_000, "2025-06-01", "2025-01-01", flat(300))).toThrow(/cannot be before/);
    expect(() => bondInterest(1_000_000, "2025-02-29", "2025-06-01", flat(300))).toThrow(/not a real calendar date/);
    expect(() => bondInterest(0, "2025-01-01", "2025-06-01", flat(300))).toThrow(/positive/);
  });

  it("maps dates to quarters", () => {
    expect(["2024-01-01", "2024-03-31", "2024-04-01", "2024-09-30", "2024-12-31"].map(quarterStartOf)).toEqual([
      "2024-01-01",
      "2024-01-01",
      "2024-04-01",
      "2024-07-01",
      "2024-10-01",
    ]);
  });

  it("is additive: splitting the period at any day changes nothing but rounding", () => {
    const rates = flat(300).map((r, i) => ({ ...r, rateBps: (i * 37) % 301 }));
    fc.assert(
      fc.property(
        fc.integer({ min: 150_000, max: 5_000_000 }),
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 0, max: 1500 }),
        (p, a, b) => {
          const d = (n: number) => new Date(Date.UTC(2016, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
          const whole = bondInterest(p, d(0), d(a + b), rates);
          const parts = bondInterest(p, d(0), d(a), rates).cents + bondInterest(p, d(a), d(a + b), rates).cents;
          expect(whole.days).toBe(a + b);
          expect(Math.abs(whole.cents - parts)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
