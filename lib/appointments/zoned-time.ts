/**
 * Wall-clock time in an IANA time zone, with Intl only (no Temporal in Node 20). A hearing is
 * "9:00 at the court in New Orleans": the instant depends on the zone's offset that day.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

/** True for a time zone Intl knows (IANA names and their aliases, e.g. America/New_York). */
export function isValidTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(tz)) return false;
  try {
    partsFormatter(tz);
    return true;
  } catch {
    return false;
  }
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall-clock reading of an instant in a zone. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const p: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour! % 24, minute: p.minute! };
}

/** Milliseconds the zone is ahead of UTC at this instant. */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const l = localParts(instant, timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute);
  return asUtc - Math.floor(instant.getTime() / 60_000) * 60_000;
}

/**
 * The instant a wall-clock time happens in a zone. A time skipped by a spring-forward gap
 * resolves to the moment after the gap (2:30 → 3:30); a repeated autumn time to its first
 * occurrence.
 */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Try the offsets in force a day either side; keep candidates that read back as the wall time.
  const offsets = new Set([
    zoneOffsetMs(new Date(wall - 86_400_000), timeZone),
    zoneOffsetMs(new Date(wall), timeZone),
    zoneOffsetMs(new Date(wall + 86_400_000), timeZone),
  ]);
  const exact = [...offsets]
    .map((o) => wall - o)
    .filter((t) => {
      const l = localParts(new Date(t), timeZone);
      return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute) === wall;
    })
    .sort((a, b) => a - b);
  if (exact.length) return new Date(exact[0]!);
  // In a gap: the wall time does not exist; move forward by the gap (the larger offset minus the smaller).
  const sorted = [...offsets].sort((a, b) => a - b);
  return new Date(wall - sorted[0]!);
}

/** The calendar date `days` after (or before, negative) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD date as the zone's calendar shows it at an instant. */
export function localDate(instant: Date, timeZone: string): string {
  const l = localParts(instant, timeZone);
  return `${l.year}-${String(l.month).padStart(2, "0")}-${String(l.day).padStart(2, "0")}`;
}
