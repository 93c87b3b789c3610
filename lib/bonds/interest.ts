/**
 * Interest on a refunded (or breached) immigration cash bond, per 8 CFR 293 and
 * Treasury's notice: simple interest; the rate changes each calendar quarter
 * (Treasury publishes it), capped at 3% a year and never below zero; days count
 * from the day after the deposit (I-305) date up to and including the refund or
 * breach date; day basis actual/365 (unconfirmed — see docs/domain.md, "Interest"). All integer
 * arithmetic: one rounding, half up, at the end.
 */
import { AppError } from "@/lib/errors";

export const MAX_RATE_BPS = 300;

/** Rate in basis points a year for the quarter starting on `quarterStart` (YYYY-01-01, -04-01, -07-01, -10-01). */
export interface QuarterRate {
  quarterStart: string;
  rateBps: number;
}

interface InterestLine {
  quarterStart: string;
  days: number;
  rateBps: number;
}

export interface InterestResult {
  cents: number;
  days: number;
  lines: InterestLine[];
}

const DAY_MS = 86_400_000;

export function quarterStartOf(isoDate: string): string {
  const [y, m] = isoDate.split("-").map(Number) as [number, number];
  const qm = Math.floor((m - 1) / 3) * 3 + 1;
  return `${y}-${String(qm).padStart(2, "0")}-01`;
}

function toDay(iso: string, field: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new AppError("validation", `${field} must be a date (YYYY-MM-DD).`);
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== iso)
    throw new AppError("validation", `${field} is not a real calendar date.`);
  return t / DAY_MS;
}

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function bondInterest(
  principalCents: number,
  depositDate: string,
  endDate: string,
  rates: readonly QuarterRate[],
): InterestResult {
  if (!Number.isSafeInteger(principalCents) || principalCents <= 0)
    throw new AppError("validation", "Bond principal must be a positive number of cents.");
  const start = toDay(depositDate, "Deposit date");
  const end = toDay(endDate, "End date");
  if (end < start) throw new AppError("validation", "The refund or breach date cannot be before the deposit date.");
  const byQuarter = new Map(rates.map((r) => [r.quarterStart, r.rateBps]));
  const lines: InterestLine[] = [];
  for (let day = start + 1; day <= end;) {
    const q = quarterStartOf(fromDay(day));
    const [y, m] = q.split("-").map(Number) as [number, number];
    const nextQ = Date.UTC(m === 10 ? y + 1 : y, m === 10 ? 0 : m + 2, 1) / DAY_MS;
    const last = Math.min(end, nextQ - 1);
    const rate = byQuarter.get(q);
    if (rate === undefined)
      throw new AppError(
        "validation",
        `No interest rate is recorded for the quarter starting ${q}; add Treasury's published rate first.`,
      );
    lines.push({ quarterStart: q, days: last - day + 1, rateBps: Math.max(0, Math.min(MAX_RATE_BPS, rate)) });
    day = last + 1;
  }
  // principal × Σ(bps × days) / (10,000 × 365), rounded half up once.
  const numerator = BigInt(principalCents) * lines.reduce((s, l) => s + BigInt(l.rateBps) * BigInt(l.days), 0n);
  const denominator = 3_650_000n;
  const cents = Number((numerator * 2n + denominator) / (denominator * 2n));
  return { cents, days: lines.reduce((s, l) => s + l.days, 0), lines };
}
