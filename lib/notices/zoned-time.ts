/**
 * Wall-clock time in an IANA time zone ↔ UTC instants, with the platform's Intl
 * data only. A wall time that does not exist (the hour skipped when clocks go
 * forward) or exists twice (the hour repeated when they go back) is refused:
 * a deadline there is ambiguous, and ICE's demand must be read off the notice.
 */
import { addDays } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { zoneFormatter } from "@/lib/zone-formatter";

const DAY_MS = 86_400_000;
export function isTimeZone(tz: string): boolean {
  try {
    zoneFormatter(tz);
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(tz) || tz === "UTC";
  } catch {
    return false;
  }
}

export interface WallTime {
  date: string; // YYYY-MM-DD
  time: string; // HH:MM
}

/** The wall-clock date and time of an instant in `tz`. */
export function wallOf(instant: Date, tz: string): WallTime & { second: number } {
  const parts = Object.fromEntries(
    zoneFormatter(tz)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    second: Number(parts.second),
  };
}

/** Minutes east of UTC at an instant. */
function offsetMs(instant: number, tz: string): number {
  const w = wallOf(new Date(instant), tz);
  const [y, m, d] = w.date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = w.time.split(":").map(Number) as [number, number];
  return Date.UTC(y, m - 1, d, hh, mm, w.second) - Math.floor(instant / 1000) * 1000;
}

/** The one UTC instant at which the wall clock in `tz` reads `date time`; refuses a skipped or repeated time. */
export function zonedInstant(date: string, time: string, tz: string, what = "The time"): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  // The offset changes at most once around any one day: try the offsets a day either side.
  const candidates = [...new Set([naive - offsetMs(naive - DAY_MS, tz), naive - offsetMs(naive + DAY_MS, tz)])];
  const valid = candidates.filter((c) => {
    const w = wallOf(new Date(c), tz);
    return w.date === date && w.time === time;
  });
  if (valid.length === 0)
    throw new AppError(
      "validation",
      `${what} falls in the hour skipped when clocks go forward for daylight saving time in ${tz}: it does not exist there. Check the notice.`,
    );
  if (valid.length > 1)
    throw new AppError(
      "validation",
      `${what} falls in the hour repeated when clocks go back for daylight saving time in ${tz}: it happens twice. Check the notice and enter the time as standard or daylight time.`,
    );
  return new Date(valid[0]!);
}

/** The last instant of a calendar day in `tz` (23:59:59.999 local), correct on 23- and 25-hour days. */
export function endOfDay(iso: string, tz: string): Date {
  const next = addDays(iso, 1);
  // Midnight exists in every zone we serve (US zones switch at 02:00), so the next day's 00:00 is one instant.
  return new Date(zonedInstant(next, "00:00", tz, "Midnight").getTime() - 1);
}

/** Whole calendar days from today (in `tz`) to the deadline's day in `tz`: 0 on the day, negative once passed. */
export function calendarDaysLeft(deadline: Date, now: Date, tz: string): number {
  const a = Date.parse(`${wallOf(now, tz).date}T00:00:00Z`);
  const b = Date.parse(`${wallOf(deadline, tz).date}T00:00:00Z`);
  return Math.round((b - a) / DAY_MS);
}
