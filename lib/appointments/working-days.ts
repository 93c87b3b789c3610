/**
 * Deadline arithmetic for the forms a move triggers. "Working days" skip weekends and US federal
 * holidays (5 U.S.C. 6103; a Saturday holiday is observed on Friday, a Sunday one on Monday).
 */
import { addDays } from "@/lib/dates";

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

/** The n-th (1-based) weekday `wd` (0 = Sunday) of a month; n = -1 for the last one. */
function nthWeekday(y: number, m: number, wd: number, n: number): string {
  if (n > 0) {
    const first = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
    return iso(y, m, 1 + ((wd - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const last = new Date(Date.UTC(y, m - 1, lastDay)).getUTCDay();
  return iso(y, m, lastDay - ((last - wd + 7) % 7));
}

function observed(y: number, m: number, d: number): string {
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return addDays(iso(y, m, d), wd === 6 ? -1 : wd === 0 ? 1 : 0);
}

const cache = new Map<number, Set<string>>();

export function federalHolidays(y: number): Set<string> {
  let s = cache.get(y);
  if (!s) {
    s = new Set([
      observed(y, 1, 1),
      nthWeekday(y, 1, 1, 3),
      nthWeekday(y, 2, 1, 3),
      nthWeekday(y, 5, 1, -1),
      observed(y, 6, 19),
      observed(y, 7, 4),
      nthWeekday(y, 9, 1, 1),
      nthWeekday(y, 10, 1, 2),
      observed(y, 11, 11),
      nthWeekday(y, 11, 4, 4),
      observed(y, 12, 25),
      observed(y + 1, 1, 1), // 1 January on a Saturday is observed on 31 December
    ]);
    cache.set(y, s);
  }
  return s;
}

export function isWorkingDay(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  const wd = d.getUTCDay();
  return wd !== 0 && wd !== 6 && !federalHolidays(d.getUTCFullYear()).has(date);
}

/** The date `n` working days after `date` (the day itself does not count). */
export function addWorkingDays(date: string, n: number): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}
