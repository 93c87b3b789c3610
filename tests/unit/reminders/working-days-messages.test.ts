import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { APPOINTMENT_KINDS } from "@/db/schema";
import { addWorkingDays, federalHolidays, isWorkingDay } from "@/lib/appointments/working-days";
import { addDays } from "@/lib/dates";
import { availableLanguages, composeMessage, languageWarning, messagesFor } from "@/lib/reminders/messages";

const day = fc
  .date({ min: new Date("2024-01-01Z"), max: new Date("2035-12-31Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("working days", () => {
  it("counts exactly n working days, never landing on a weekend or holiday, within n + 2 weeks", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 15 }), (d, n) => {
        const due = addWorkingDays(d, n);
        expect(isWorkingDay(due)).toBe(true);
        let count = 0;
        for (let x = addDays(d, 1); x <= due; x = addDays(x, 1)) if (isWorkingDay(x)) count++;
        expect(count).toBe(n);
        expect(Date.parse(due) - Date.parse(d)).toBeLessThanOrEqual((n + 14) * 86_400_000);
      }),
      { numRuns: 300 },
    );
  });

  it("knows the federal holidays, observed on the nearest weekday", () => {
    const h2026 = federalHolidays(2026);
    for (const d of [
      "2026-01-01",
      "2026-01-19",
      "2026-02-16",
      "2026-05-25",
      "2026-06-19",
      "2026-07-03",
      "2026-09-07",
      "2026-10-12",
      "2026-11-11",
      "2026-11-26",
      "2026-12-25",
    ])
      expect(h2026.has(d), d).toBe(true);
    expect(federalHolidays(2027).has("2027-12-31")).toBe(true); // 1 Jan 2028 is a Saturday
    expect(addWorkingDays("2026-12-23", 5)).toBe("2026-12-31");
  });
});

describe("reminder messages", () => {
  it("every message file has every key of the English one", () => {
    const dir = path.join(process.cwd(), "messages", "reminders");
    const en = JSON.parse(readFileSync(path.join(dir, "en.json"), "utf8")) as Record<string, unknown>;
    for (const f of readdirSync(dir)) {
      const m = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Record<string, Record<string, string> | string>;
      expect(Object.keys(m).sort(), f).toEqual(Object.keys(en).sort());
      expect(Object.keys(m.kinds as object).sort(), f).toEqual([...APPOINTMENT_KINDS].sort());
    }
    expect(availableLanguages()).toEqual(expect.arrayContaining(["en", "es", "ru"]));
  });

  it("falls back to English with a warning for a language without a file; es-MX uses es", () => {
    expect(messagesFor("uk")).toMatchObject({ lang: "en", fallback: true });
    expect(languageWarning("uk")).toMatch(/no reminder text in Ukrainian.*messages\/reminders\/uk\.json/);
    expect(messagesFor("es-MX")).toMatchObject({ fallback: false });
    expect(languageWarning("ru")).toBeNull();
  });

  it("says what, when, where and the lawyer's phone in the appointment's zone, and nothing else", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("en", "es", "ru", "uk"),
        fc.constantFrom(...APPOINTMENT_KINDS),
        fc.constantFrom("reminder", "correction", "cancellation") as fc.Arbitrary<
          "reminder" | "correction" | "cancellation"
        >,
        (lang, kind, k) => {
          const m = composeMessage({
            kind: k,
            appointmentKind: kind,
            language: lang,
            when: { date: "2027-03-14", time: "08:30", timeZone: "America/Los_Angeles" },
            previous: { date: "2027-03-10", time: "13:00", timeZone: "America/Los_Angeles" },
            place: "Court X",
            lawyerPhone: "+12125550199",
          });
          expect(m.body).toContain("+12125550199");
          expect(m.body).toMatch(/0?8:30/);
          if (k !== "cancellation") expect(m.body).toContain("Court X");
          if (k === "correction") expect(m.body).toMatch(/13:00|1:00/);
          expect(m.body).not.toMatch(/\{\w+\}/);
          expect(m.body.length).toBeLessThan(320);
        },
      ),
    );
  });
});
