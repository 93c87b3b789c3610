/**
 * The breach appeal window (docs/domain.md, "Deadlines and watchdogs"): after ICE's Form I-323 the
 * obligor may appeal within a number of calendar days of the notice — 30 by
 * default, `BOND_APPEAL_DAYS`, since the route is unconfirmed. Dates are ISO
 * calendar days read in UTC. Pure, so it is unit-tested on its own.
 */
import { AppError } from "@/lib/errors";

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The last day on which an appeal is in time. */
export function appealDeadline(i323On: string, days: number): string {
  return isoOf(dayNumber(i323On) + days);
}

export interface AppealWindow {
  deadline: string;
  daysSinceNotice: number;
  /** Days until the deadline (0 on the deadline itself), negative once it has passed. */
  daysLeft: number;
  open: boolean;
}

export function appealWindow(i323On: string, now: Date, days: number): AppealWindow {
  const today = Math.floor(now.getTime() / DAY_MS);
  const notice = dayNumber(i323On);
  const daysLeft = notice + days - today;
  return { deadline: appealDeadline(i323On, days), daysSinceNotice: today - notice, daysLeft, open: daysLeft >= 0 };
}

/**
 * Refuses an appeal dated before the notice or after the window. The message
 * counts days and never repeats a date: I-323 dates belong to the case file.
 */
export function checkAppealDate(i323On: string, filedOn: string, days: number): void {
  const after = dayNumber(filedOn) - dayNumber(i323On);
  if (after < 0) throw new AppError("validation", "Appeal date cannot be before the I-323 date.");
  if (after > days) {
    throw new AppError(
      "validation",
      `The appeal window has closed: an appeal must be filed within ${days} days of the I-323 breach notice, and this appeal date is ${after} days after it.`,
    );
  }
}
