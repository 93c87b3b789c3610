/** Deadline arithmetic of ICE notices: 30/33 calendar days, facility time zones, daylight saving. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appealDaysFor, deadlineFor } from "@/lib/notices/deadlines";
import { addDays } from "@/lib/dates";
import { calendarDaysLeft, endOfDay, wallOf, zonedInstant } from "@/lib/notices/zoned-time";

const ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "Pacific/Honolulu",
  "America/Anchorage",
  "America/Puerto_Rico",
];
const rules = { appealDays: 30, refundClaimDays: 30, fundTimeZone: "America/New_York" };
const isoDate = fc
  .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2032-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const zone = fc.constantFrom(...ZONES);
const method = fc.constantFrom("mail" as const, "email" as const, "in_person" as const);

describe("I-323 appeal window (I-290B)", () => {
  it("is 30 days after service, 33 when served by mail, ending at the end of that local day whatever DST does", () => {
    fc.assert(
      fc.property(isoDate, method, zone, (servedOn, servedBy, tz) => {
        const d = deadlineFor({ form: "I-323", servedOn, servedBy }, { ...rules, fundTimeZone: tz })!;
        const days = servedBy === "mail" ? 33 : 30;
        expect(d.kind).toBe("appeal_i290b");
        expect(d.day).toBe(addDays(servedOn, days));
        // The instant is the last millisecond of that day on the fund's clock…
        expect(wallOf(d.at, tz)).toMatchObject({ date: d.day, time: "23:59", second: 59 });
        // …and one millisecond later it is the next day there.
        expect(wallOf(new Date(d.at.getTime() + 1), tz)).toMatchObject({ date: addDays(d.day, 1), time: "00:00" });
        // Counting days left on the day of service gives exactly the window.
        expect(calendarDaysLeft(d.at, zonedInstant(servedOn, "12:00", tz), tz)).toBe(days);
      }),
      { numRuns: 400 },
    );
  });

  it("adds the three mail days to whatever BOND_APPEAL_DAYS says", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 365 }), method, (base, m) => {
        expect(appealDaysFor(m, base)).toBe(m === "mail" ? base + 3 : base);
      }),
    );
    expect(appealDaysFor(null, 30)).toBe(30);
  });

  it("counts a window that crosses the autumn change as calendar days, not 24-hour blocks", () => {
    // Served 2026-10-15 by mail → 33 days → 2026-11-17; clocks go back on 2026-11-01 in New York.
    const d = deadlineFor({ form: "I-323", servedOn: "2026-10-15", servedBy: "mail" }, rules)!;
    expect(d.day).toBe("2026-11-17");
    expect(d.at.toISOString()).toBe("2026-11-18T04:59:59.999Z"); // EST, UTC−5
    const spring = deadlineFor({ form: "I-323", servedOn: "2026-02-20", servedBy: "email" }, rules)!;
    expect(spring.day).toBe("2026-03-22");
    expect(spring.at.toISOString()).toBe("2026-03-23T03:59:59.999Z"); // EDT, UTC−4
  });
});

describe("I-340 delivery time in the facility's time zone", () => {
  it("round-trips every existing wall time and refuses skipped or repeated ones", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), zone, (date, h, m, tz) => {
        const time = `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
        let at: Date;
        try {
          at = zonedInstant(date, time, tz);
        } catch (e) {
          // Only a daylight-saving gap or overlap may be refused, and the message says so.
          expect((e as Error).message).toMatch(/daylight saving time/);
          expect(h).toBeGreaterThanOrEqual(0);
          expect(h).toBeLessThanOrEqual(2);
          return;
        }
        expect(wallOf(at, tz)).toMatchObject({ date, time, second: 0 });
      }),
      { numRuns: 2000 },
    );
  });

  it("names the DST problem: 02:30 on the spring-forward day does not exist, 01:30 on the fall-back day happens twice", () => {
    expect(() => zonedInstant("2026-03-08", "02:30", "America/Chicago", "The I-340 delivery time")).toThrow(
      /skipped when clocks go forward/,
    );
    expect(() => zonedInstant("2026-11-01", "01:30", "America/Chicago", "The I-340 delivery time")).toThrow(
      /repeated when clocks go back/,
    );
    // Arizona keeps standard time all year: the same wall time is fine there.
    expect(zonedInstant("2026-03-08", "02:30", "America/Phoenix").toISOString()).toBe("2026-03-08T09:30:00.000Z");
  });

  it("places a delivery at the facility's clock, not the fund's", () => {
    const d = deadlineFor(
      {
        form: "I-340",
        servedOn: "2026-06-01",
        servedBy: "mail",
        delivery: { date: "2026-07-01", time: "09:00", timeZone: "America/Los_Angeles" },
      },
      rules,
    )!;
    expect(d.at.toISOString()).toBe("2026-07-01T16:00:00.000Z");
  });
});

describe("calendar days and day ends", () => {
  it("end of day is 23 h 59 m 59.999 s after local midnight on 23/24/25-hour days", () => {
    fc.assert(
      fc.property(isoDate, zone, (date, tz) => {
        const start = zonedInstant(date, "00:00", tz);
        const len = endOfDay(date, tz).getTime() + 1 - start.getTime();
        expect([23, 24, 25].map((h) => h * 3_600_000)).toContain(len);
      }),
      { numRuns: 400 },
    );
  });

  it("I-391 starts the fund's own refund-claim target, other notices none", () => {
    expect(deadlineFor({ form: "I-391", servedOn: "2026-01-05", servedBy: "mail" }, rules)!.day).toBe("2026-02-04");
    expect(deadlineFor({ form: "I-305", servedOn: "2026-01-05", servedBy: "mail" }, rules)).toBeNull();
    expect(deadlineFor({ form: "other", servedOn: "2026-01-05", servedBy: "email" }, rules)).toBeNull();
  });
});
