/** Calendar-day arithmetic shared by the staff pages and watchdogs; a bare date is read as UTC midnight. */
const DAY_MS = 86_400_000;

/** Whole days between a date (or timestamp) and now; never negative. */
export function daysSince(when: string | Date, now: Date): number {
  const t = typeof when === "string" ? Date.parse(`${when}T00:00:00Z`) : when.getTime();
  return Math.max(0, Math.floor((now.getTime() - t) / DAY_MS));
}

/** YYYY-MM-DD of an instant, in UTC. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** The calendar date `days` after (or before, negative) a YYYY-MM-DD date. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
