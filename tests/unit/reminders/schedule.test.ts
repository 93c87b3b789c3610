import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDate, localParts, zonedToUtc } from "@/lib/appointments/zoned-time";
import { addDays } from "@/lib/dates";
import { appointmentStart, parseSchedule, planReminders, retryDelayMs, type WallTime } from "@/lib/reminders/schedule";

const ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Puerto_Rico",
  "America/St_Johns",
  "Europe/Moscow",
  "Asia/Kolkata",
  "Australia/Lord_Howe",
  "UTC",
];
const SCHEDULE = parseSchedule("14d,3d,1d,morning");
const MORNING = 7;

const wallTime = fc.record({
  date: fc
    .date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  time: fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
    .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
  timeZone: fc.constantFrom(...ZONES),
});
const hhmm = (d: Date, tz: string) => {
  const l = localParts(d, tz);
  return `${String(l.hour).padStart(2, "0")}:${String(l.minute).padStart(2, "0")}`;
};
/** Whether a wall time exists in the zone on that date (not inside a spring-forward gap). */
const exists = (w: WallTime) => {
  const t = zonedToUtc(w.date, w.time, w.timeZone);
  return localDate(t, w.timeZone) === w.date && hhmm(t, w.timeZone) === w.time;
};

describe("zoned time", () => {
  it("round-trips any instant through its wall-clock reading (the first of two in an autumn hour)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2025-01-01Z"), max: new Date("2035-12-31Z"), noInvalidDate: true }),
        fc.constantFrom(...ZONES),
        (d, tz) => {
          const minute = new Date(Math.floor(d.getTime() / 60_000) * 60_000);
          const back = zonedToUtc(localDate(minute, tz), hhmm(minute, tz), tz);
          expect(back.getTime()).toBeLessThanOrEqual(minute.getTime());
          expect(minute.getTime() - back.getTime()).toBeLessThanOrEqual(3_600_000);
          expect(hhmm(back, tz)).toBe(hhmm(minute, tz));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("resolves a time in a spring-forward gap to just after it, and a repeated time to its first occurrence", () => {
    expect(zonedToUtc("2026-03-08", "02:30", "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(zonedToUtc("2026-11-01", "01:30", "America/New_York").toISOString()).toBe("2026-11-01T05:30:00.000Z");
    expect(zonedToUtc("2026-07-01", "09:00", "America/Chicago").toISOString()).toBe("2026-07-01T14:00:00.000Z");
  });
});

describe("planning reminders", () => {
  it("puts every reminder strictly before the start, in order, one per offset at most", () => {
    fc.assert(
      fc.property(wallTime, (w) => {
        const start = appointmentStart(w);
        const plan = planReminders(w, SCHEDULE, new Date("2020-01-01Z"), MORNING);
        expect(plan.length).toBeGreaterThanOrEqual(3);
        for (const p of plan) expect(p.dueAt.getTime()).toBeLessThan(start.getTime());
        for (let i = 1; i < plan.length; i++)
          expect(plan[i]!.dueAt.getTime()).toBeGreaterThan(plan[i - 1]!.dueAt.getTime());
        expect(new Set(plan.map((p) => p.offsetKey)).size).toBe(plan.length);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps day offsets at the appointment's wall time across DST changes", () => {
    fc.assert(
      fc.property(wallTime, fc.constantFrom(1, 3, 14), (w, n) => {
        const plan = planReminders(w, parseSchedule(`${n}d`), new Date("2020-01-01Z"), MORNING);
        const before = { ...w, date: addDays(w.date, -n) };
        fc.pre(exists(w) && exists(before));
        expect(plan).toHaveLength(1);
        expect(localDate(plan[0]!.dueAt, w.timeZone)).toBe(before.date);
        expect(hhmm(plan[0]!.dueAt, w.timeZone)).toBe(w.time);
        // Across a DST change the gap is 24 h × n ± 1 h, never an hour off on the clock.
        const hours = (appointmentStart(w).getTime() - plan[0]!.dueAt.getTime()) / 3_600_000;
        expect(Math.abs(hours - 24 * n)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it("sends the morning reminder at the morning hour, or two hours ahead of an early appointment", () => {
    fc.assert(
      fc.property(wallTime, (w) => {
        fc.pre(exists(w));
        const m = planReminders(w, parseSchedule("morning"), new Date("2020-01-01Z"), MORNING)[0]!;
        const lead = appointmentStart(w).getTime() - m.dueAt.getTime();
        expect(lead).toBeGreaterThanOrEqual(2 * 3_600_000);
        if (w.time >= "09:00" && exists({ ...w, time: "07:00" })) expect(hhmm(m.dueAt, w.timeZone)).toBe("07:00");
      }),
      { numRuns: 300 },
    );
  });

  it("skips exactly the reminders whose time has passed (a date moved closer than one day keeps only what is still ahead)", () => {
    fc.assert(
      fc.property(wallTime, fc.integer({ min: 1, max: 24 * 60 }), (w, minutesAhead) => {
        const start = appointmentStart(w);
        const at = new Date(start.getTime() - minutesAhead * 60_000);
        const plan = planReminders(w, SCHEDULE, at, MORNING);
        for (const p of plan) expect(p.status).toBe(p.dueAt.getTime() <= at.getTime() ? "skipped" : "pending");
        const pending = plan.filter((p) => p.status === "pending");
        expect(pending.every((p) => p.offsetKey === "morning" || p.offsetKey === "1d")).toBe(true);
        if (minutesAhead < 24 * 60) expect(pending.map((p) => p.offsetKey)).not.toContain("3d");
      }),
      { numRuns: 500 },
    );
  });

  it("validates the fund's schedule and backs off retries up to an hour", () => {
    expect(() => parseSchedule("14d,fortnight")).toThrow(/not an offset/);
    expect(() => parseSchedule("1d,1d")).toThrow(/twice/);
    expect(parseSchedule(" 7d , 6h,30m,MORNING").map((o) => o.key)).toEqual(["7d", "6h", "30m", "morning"]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (n) => {
        expect(retryDelayMs(n + 1)).toBeGreaterThanOrEqual(retryDelayMs(n));
        expect(retryDelayMs(n)).toBeLessThanOrEqual(3_600_000);
      }),
    );
  });
});
