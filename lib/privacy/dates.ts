import type { Span } from "./normalize";
import { DAY_WORDS, ORDINAL_WORDS, YEAR_WORDS, alternation, wordValue } from "./number-words";

// Day-precision dates are private (birth, arrest, hearing, release): only
// month + year may be published. All patterns run on folded text (lower
// case, no accents). A numeric date such as 03/07/1990 is ambiguous between
// US and European order, so it carries both readings.

export interface FoundDate extends Span {
  /** Possible (month, day) readings; at least one is valid. */
  readonly readings: ReadonlyArray<{ readonly month: number; readonly day: number }>;
  /** Four-digit year, two-digit year (0–99 with short = true), or none. */
  readonly year?: number;
  readonly shortYear: boolean;
}

const MONTHS: ReadonlyArray<readonly string[]> = [
  ["january", "jan", "enero", "ene"],
  ["february", "feb", "febrero"],
  ["march", "mar", "marzo"],
  ["april", "apr", "abril", "abr"],
  ["may", "mayo"],
  ["june", "jun", "junio"],
  ["july", "jul", "julio"],
  ["august", "aug", "agosto", "ago"],
  ["september", "sept", "sep", "septiembre", "setiembre"],
  ["october", "oct", "octubre"],
  ["november", "nov", "noviembre"],
  ["december", "dec", "diciembre", "dic"],
];

const MONTH_OF = new Map<string, number>();
MONTHS.forEach((names, i) => names.forEach((n) => MONTH_OF.set(n, i + 1)));
const MONTH_ALT = [...MONTH_OF.keys()].sort((a, b) => b.length - a.length).join("|");

const L = "(?<![\\p{L}\\p{N}])";
const R = "(?![\\p{L}\\p{N}])";
const ORD = "(?:st|nd|rd|th|º|°|o)?";
const YEAR_TAIL = `(?:,?\\s+(?:de(?:l)?\\s+)?(\\d{4}|${alternation(YEAR_WORDS)}))?`;

const ISO = new RegExp(`${L}(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})${R}`, "gu");
const NUMERIC = new RegExp(`${L}(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})${R}`, "gu");
const MONTH_DAY = new RegExp(`${L}(${MONTH_ALT})\\.?\\s+(\\d{1,2})${ORD}(?!\\d)${YEAR_TAIL}${R}`, "gu");
const DAY_MONTH = new RegExp(`${L}(\\d{1,2})${ORD}\\s+(?:of\\s+|de\\s+)?(${MONTH_ALT})\\.?${YEAR_TAIL}${R}`, "gu");
// In words, a day after the month must be an ordinal ("March seventh"; "may one day"
// is a verb) and a day before it needs "of"/"de" ("seventh of March", "siete de marzo").
const MONTH_WORD_DAY = new RegExp(
  `${L}(${MONTH_ALT})\\.?\\s+(?:the\\s+)?(${alternation(ORDINAL_WORDS)})${YEAR_TAIL}${R}`,
  "gu",
);
const WORD_DAY_MONTH = new RegExp(
  `${L}(${alternation(DAY_WORDS)})\\s+(?:of|de)\\s+(${MONTH_ALT})\\.?${YEAR_TAIL}${R}`,
  "gu",
);

function valid(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function plausibleYear(y: number): boolean {
  return y >= 1900 && y <= 2100;
}

export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  const push = (m: RegExpMatchArray, d: Omit<FoundDate, "start" | "end">): void => {
    if (d.readings.length === 0) return;
    if (d.year !== undefined && !d.shortYear && !plausibleYear(d.year)) return;
    const start = m.index ?? 0;
    found.push({ ...d, start, end: start + m[0].length });
  };
  for (const m of text.matchAll(ISO)) {
    const [month, day] = [Number(m[2]), Number(m[3])];
    push(m, { readings: valid(month, day) ? [{ month, day }] : [], year: Number(m[1]), shortYear: false });
  }
  for (const m of text.matchAll(NUMERIC)) {
    const [a, b, y] = [Number(m[1]), Number(m[3]), m[4]!];
    const readings = [
      { month: a, day: b },
      { month: b, day: a },
    ].filter((r) => valid(r.month, r.day));
    push(m, { readings, year: Number(y), shortYear: y.length === 2 });
  }
  for (const m of text.matchAll(MONTH_DAY)) {
    const [month, day] = [MONTH_OF.get(m[1]!) ?? 0, Number(m[2])];
    push(m, { readings: valid(month, day) ? [{ month, day }] : [], ...yearOf(m[3]) });
  }
  for (const m of text.matchAll(DAY_MONTH)) {
    const [day, month] = [Number(m[1]), MONTH_OF.get(m[2]!) ?? 0];
    push(m, { readings: valid(month, day) ? [{ month, day }] : [], ...yearOf(m[3]) });
  }
  for (const m of text.matchAll(MONTH_WORD_DAY)) {
    const [month, day] = [MONTH_OF.get(m[1]!) ?? 0, wordValue(ORDINAL_WORDS, m[2]!)];
    push(m, { readings: valid(month, day) ? [{ month, day }] : [], ...yearOf(m[3]) });
  }
  for (const m of text.matchAll(WORD_DAY_MONTH)) {
    const [day, month] = [wordValue(DAY_WORDS, m[1]!), MONTH_OF.get(m[2]!) ?? 0];
    push(m, { readings: valid(month, day) ? [{ month, day }] : [], ...yearOf(m[3]) });
  }
  return dropOverlaps(found);
}

function yearOf(y: string | undefined): { year?: number; shortYear: boolean } {
  return y === undefined ? { shortYear: false } : { year: wordValue(YEAR_WORDS, y), shortYear: false };
}

// Longest match wins where two patterns read the same text.
function dropOverlaps(dates: FoundDate[]): FoundDate[] {
  const sorted = [...dates].sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: FoundDate[] = [];
  for (const d of sorted) {
    if (!kept.some((k) => d.start < k.end && k.start < d.end)) kept.push(d);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export interface IsoDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function parseIsoDate(value: string): IsoDate | undefined {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return valid(month, day) ? { year, month, day } : undefined;
}

/** Does a date found in text denote this date of birth? A missing year still
 * counts: "born on March 7" leaks the birthday of a known person. */
export function matchesDate(found: FoundDate, dob: IsoDate): boolean {
  const sameDay = found.readings.some((r) => r.month === dob.month && r.day === dob.day);
  if (!sameDay) return false;
  if (found.year === undefined) return true;
  return found.shortYear ? found.year === dob.year % 100 : found.year === dob.year;
}
