import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appealDeadline, appealWindow, checkAppealDate } from "@/lib/bonds/appeal-window";

describe("breach appeal window (DOMAIN.md: appeal within 30 days of the I-323)", () => {
  it("closes 30 calendar days after the I-323, across month and year ends and leap days", () => {
    expect(appealDeadline("2025-08-01", 30)).toBe("2025-08-31");
    expect(appealDeadline("2025-12-15", 30)).toBe("2026-01-14");
    expect(appealDeadline("2024-02-10", 30)).toBe("2024-03-11");
    expect(appealDeadline("2025-02-10", 30)).toBe("2025-03-12");
  });

  it("accepts an appeal filed on the I-323 day through the deadline, and refuses the day after with the days counted", () => {
    expect(() => checkAppealDate("2025-08-01", "2025-08-01", 30)).not.toThrow();
    expect(() => checkAppealDate("2025-08-01", "2025-08-31", 30)).not.toThrow();
    const late = (() => {
      try {
        checkAppealDate("2025-08-01", "2025-09-01", 30);
      } catch (e) {
        return e as { code: string; message: string };
      }
    })();
    expect(late?.code).toBe("validation");
    expect(late?.message).toBe(
      "The appeal window has closed: an appeal must be filed within 30 days of the I-323 breach notice, and this appeal date is 31 days after it.",
    );
    // The message counts days and never repeats a date from the case.
    expect(late?.message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("refuses an appeal dated before the breach notice", () => {
    expect(() => checkAppealDate("2025-08-01", "2025-07-31", 30)).toThrow(/cannot be before the I-323/);
  });

  it("reports the days since the notice and the days left, negative once closed", () => {
    const now = new Date("2025-08-21T15:00:00Z");
    expect(appealWindow("2025-08-01", now, 30)).toEqual({
      deadline: "2025-08-31",
      daysSinceNotice: 20,
      daysLeft: 10,
      open: true,
    });
    expect(appealWindow("2025-08-01", new Date("2025-08-31T23:59:00Z"), 30)).toMatchObject({ daysLeft: 0, open: true });
    expect(appealWindow("2025-08-01", new Date("2025-09-03T01:00:00Z"), 30)).toMatchObject({
      daysSinceNotice: 33,
      daysLeft: -3,
      open: false,
    });
  });

  it("agrees with itself: a date is accepted exactly when it is on or before the deadline", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_000 }),
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 1, max: 120 }),
        (start, after, days) => {
          const iso = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
          const i323 = iso(start);
          const filed = iso(start + after);
          let ok = true;
          try {
            checkAppealDate(i323, filed, days);
          } catch {
            ok = false;
          }
          expect(ok).toBe(filed <= appealDeadline(i323, days));
          expect(ok).toBe(after <= days);
        },
      ),
    );
  });
});
