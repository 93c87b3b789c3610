/**
 * Money is integer cents, always. One module parses and formats it so no code
 * path ever does arithmetic on floats or parses amounts ad hoc.
 */
import { AppError } from "./errors";

declare const centsBrand: unique symbol;
/** An integer number of US cents. Safe-integer range; signed unless a caller says otherwise. */
export type Cents = number & { readonly [centsBrand]: true };

/** $100,000,000: far above any bond or gift; anything larger is a typo or an attack. */
export const MAX_CENTS = 10_000_000_000;

export interface CentsOptions {
  /** Allow zero (default true). */
  allowZero?: boolean;
  /** Allow negative amounts (default false). */
  allowNegative?: boolean;
  /** Upper bound on the absolute value (default MAX_CENTS). */
  max?: number;
  /** Field name used in error messages. */
  field?: string;
}

/** Validate that a number is a usable amount of cents; throws a validation AppError otherwise. */
export function cents(value: unknown, opts: CentsOptions = {}): Cents {
  const field = opts.field ?? "amount";
  const max = opts.max ?? MAX_CENTS;
  if (typeof value === "bigint") {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new AppError("validation", `${field} is too large.`);
    }
    return cents(Number(value), opts);
  }
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new AppError("validation", `${field} must be a whole number of cents.`);
  }
  if (!Number.isFinite(value) || !Number.isInteger(value)) {
    throw new AppError("validation", `${field} must be a whole number of cents, not ${String(value)}.`);
  }
  if (value < 0 && !opts.allowNegative) {
    throw new AppError("validation", `${field} cannot be negative.`);
  }
  if (value === 0 && opts.allowZero === false) {
    throw new AppError("validation", `${field} must be more than zero.`);
  }
  if (Math.abs(value) > max) {
    throw new AppError("validation", `${field} is more than the maximum of ${formatUsd(max as Cents)}.`);
  }
  return (value === 0 ? 0 : value) as Cents; // normalise -0
}

const USD_PATTERN = /^(-)?\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parse what a person typed ("25", "$1,234.5", "20000.00") into cents.
 * Rejects more than two decimals, exponents, stray characters and empty input.
 */
export function parseUsd(input: string, opts: CentsOptions = {}): Cents {
  const field = opts.field ?? "amount";
  const text = input.trim();
  if (text === "") throw new AppError("validation", `Enter an ${field === "amount" ? "amount" : field}.`);
  const m = USD_PATTERN.exec(text);
  if (!m) {
    throw new AppError("validation", `${capitalise(field)} must be a dollar amount like 25 or 25.50.`);
  }
  const [, sign, whole = "0", frac = ""] = m;
  const wholeDigits = whole.replace(/,/g, "");
  if (wholeDigits.length > 12) throw new AppError("validation", `${capitalise(field)} is too large.`);
  const value = Number(wholeDigits) * 100 + Number(frac.padEnd(2, "0"));
  return cents(sign ? -value : value, opts);
}

const formatter = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const wholeFormatter = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
  minimumFractionDigits: 0,
});

/** "$1,234.56"; negative amounts as "-$1,234.56". Integer arithmetic only until the last step. */
export function formatUsd(amount: Cents | number, opts: { wholeDollars?: boolean } = {}): string {
  if (!Number.isSafeInteger(amount)) throw new AppError("validation", "Cannot format a non-integer amount of cents.");
  const negative = amount < 0;
  const abs = Math.abs(amount);
  const dollars = Math.trunc(abs / 100);
  const rest = abs % 100;
  const text =
    opts.wholeDollars && rest === 0
      ? wholeFormatter.format(dollars)
      : formatter.format(dollars).replace(/\.00$/, "") + "." + String(rest).padStart(2, "0");
  return negative ? `-${text}` : text;
}

/** Sum amounts with an overflow guard. */
export function sumCents(values: readonly number[]): Cents {
  let total = 0;
  for (const v of values) {
    total += v;
    if (!Number.isSafeInteger(total)) throw new AppError("validation", "Sum of amounts overflows.");
  }
  return total as Cents;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The Intl locale for a page locale: our Spanish pages are for people in the US, so es-US ("$2,568.41", "2.9%"). */
function intlLocale(locale: string): string {
  return locale.toLowerCase().startsWith("es") ? "es-US" : "en-US";
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(locale: string, whole: boolean): Intl.NumberFormat {
  const key = `${locale}|${whole}`;
  let f = moneyFormats.get(key);
  if (!f) {
    const digits = whole ? 0 : 2;
    f = new Intl.NumberFormat(intlLocale(locale), {
      style: "currency",
      currency: "USD",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormats.set(key, f);
  }
  return f;
}

/**
 * Money for a page in `locale`, always with cents ("$7,838.21") unless `wholeDollars`
 * and the amount is whole (goals, presets). The one formatter donor pages use.
 */
export function formatMoney(amount: Cents | number, locale: string, opts: { wholeDollars?: boolean } = {}): string {
  if (!Number.isSafeInteger(amount)) throw new AppError("validation", "Cannot format a non-integer amount of cents.");
  const abs = Math.abs(amount);
  const whole = Boolean(opts.wholeDollars) && abs % 100 === 0;
  // A decimal string, so no float ever carries the amount into Intl.
  const decimal = `${amount < 0 ? "-" : ""}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
  return moneyFormat(locale, whole).format(decimal as unknown as number);
}

/** A rate in basis points as a percentage in `locale` (290 → "2.9%"). */
export function formatPercentBps(bps: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: "percent", maximumFractionDigits: 2 }).format(
    `${bps / 10_000}` as unknown as number,
  );
}
