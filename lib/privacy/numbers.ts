import type { Span } from "./normalize";

// People write identifiers with whatever separators they like
// ("A# 012-345-678", "(555) 123 4567", "+1.555.123.4567"), so numbers are
// read as runs of digits joined by short separators and compared digit-wise.

export interface DigitRun extends Span {
  readonly digits: string;
  /** Folded-text offset of each digit, to map a digit slice back to text. */
  readonly positions: readonly number[];
  readonly plus: boolean;
  /** The run is written with an "A", "A#" or "A-" prefix. */
  readonly aPrefix: boolean;
  readonly raw: string;
}

const SEPARATOR = /[\s.\-\u2010-\u2014]/;
const MAX_GAP = 3;

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

// Parentheses belong to a phone area code ("+1 (512) 555", "(512) 555"),
// so they may only appear after a short country code or right after digits
// that opened with one; elsewhere they end the run ("$20,000 (20 000 USD)").
function skipSeparator(text: string, from: number, digitsSoFar: number, countryCode: boolean): number {
  let k = from;
  while (k < text.length && k - from < MAX_GAP) {
    const ch = text[k]!;
    if (SEPARATOR.test(ch)) k++;
    else if (ch === "(" && countryCode && digitsSoFar <= 3) k++;
    else if (ch === ")" && digitsSoFar <= 6 && text.lastIndexOf("(", from) >= from - 7) k++;
    else break;
  }
  return k;
}

export function findDigitRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text[i])) {
      i++;
      continue;
    }
    const positions: number[] = [];
    let digits = "";
    let j = i;
    let end = i;
    while (j < text.length) {
      if (isDigit(text[j])) {
        positions.push(j);
        digits += text[j];
        end = ++j;
        continue;
      }
      const countryCode = digits === "1" || text[i - 1] === "+";
      const k = skipSeparator(text, j, digits.length, countryCode);
      if (k === j || !isDigit(text[k])) break;
      j = k;
    }
    let start = i;
    if (text[start - 1] === "(") start--;
    const plus = text[start - 1] === "+";
    if (plus) start--;
    const prefix = /(?:^|[^\p{L}\p{N}])a\s?[#\-:]?\s?$/u.exec(text.slice(Math.max(0, start - 5), start));
    const aPrefix = prefix !== null;
    if (prefix) start -= prefix[0].replace(/^[^a]/, "").length;
    runs.push({ start, end, digits, positions, plus, aPrefix, raw: text.slice(start, end) });
    i = end;
  }
  return runs;
}

// "555-O147", "AO12-345-678": a letter O (or l, I for one) written among digits is
// read as the digit, but only inside a word that is otherwise digits, so "lo" and
// "solo" stay words. Same length as the text, so every offset still holds.
export function digitView(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])(a?)([0-9oli]+)(?![\p{L}\p{N}])/gu, (whole, prefix: string, body: string) =>
    /[0-9]/.test(body) ? prefix + body.replace(/o/g, "0").replace(/[li]/g, "1") : whole,
  );
}

/** Span of the first occurrence of `needle` inside a run's digits. */
export function digitSlice(run: DigitRun, needle: string): Span | undefined {
  if (needle.length === 0) return undefined;
  const at = run.digits.indexOf(needle);
  if (at < 0) return undefined;
  return { start: run.positions[at]!, end: run.positions[at + needle.length - 1]! + 1 };
}

/** Canonical 9-digit A-number, or undefined when it cannot be one. */
export function aNumberDigits(value: string): string | undefined {
  const digits = value.replace(/\D/g, "");
  if (digits.length < 8 || digits.length > 9) return undefined;
  return digits.padStart(9, "0");
}

export function isANumberLike(run: DigitRun): boolean {
  return run.digits.length === 8 || run.digits.length === 9;
}

// 10 digits (US), 11 with a leading 1, 8–15 after a "+", or a bare
// "555-1234" local number. Bond amounts ("$20,000") never get here because
// a comma ends a run.
export function isPhoneLike(run: DigitRun): boolean {
  const n = run.digits.length;
  if (run.plus) return n >= 8 && n <= 15;
  if (/^(?:19|20)\d\d(?:\s+(?:19|20)\d\d)+$/.test(run.raw)) return false; // "2019 2020 2021"
  if (n === 10) return true;
  if (n === 11 && run.digits.startsWith("1")) return true;
  if (n > 11 && n <= 15) return true;
  return n === 7 && /^\d{3}[\s.\-]\d{4}$/.test(run.raw);
}
