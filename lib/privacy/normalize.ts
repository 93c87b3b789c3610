// Text folding shared by every detector. Detectors work on a folded copy
// (lower case, diacritics stripped) so "PÉREZ", "Pérez" and "perez" compare
// equal, but findings must point into the text the author typed. So the fold
// keeps, for every folded character, the span of the original it came from.
//
// The fold also undoes what hides a value from a matcher but not from a reader
// (issue 11, finding 7): NFKC (fullwidth letters, ligatures), default-ignorable
// code points removed (soft hyphen, zero-width joiner, bidi marks), every
// decimal digit read as its ASCII digit (Arabic-Indic, Devanagari...), and
// look-alike letters folded onto Latin ones with Unicode's confusables data
// (confusables.txt, shipped by the unhomoglyph package).
import CONFUSABLES from "unhomoglyph/data.json";

export interface FoldedText {
  /** Lower-cased text with combining marks removed. */
  readonly text: string;
  /** For each folded char: start offset of its source char in the original. */
  readonly from: readonly number[];
  /** For each folded char: end offset (exclusive) of its source char. */
  readonly to: readonly number[];
}

export interface Token {
  readonly text: string;
  /** Offsets into FoldedText.text. */
  readonly start: number;
  readonly end: number;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

const COMBINING_MARK = /\p{M}/gu;
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;
const PLAIN = /^[a-z0-9]+$/;
const MAP = CONFUSABLES as Record<string, string>;

const strip = (s: string): string => s.normalize("NFD").replace(COMBINING_MARK, "").toLowerCase();

/** The ASCII digit a decimal digit of any script stands for (digits come in runs of ten from zero). */
function digitValue(ch: string): string {
  const cp = ch.codePointAt(0)!;
  let zero = cp;
  while (cp - zero < 9 && DECIMAL_DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return String((cp - zero) % 10);
}

/** A non-ASCII letter's Latin prototype, when confusables.txt gives one made of plain letters or digits. */
function latinLookalike(ch: string): string | undefined {
  const target = MAP[ch] ?? MAP[ch.toUpperCase()];
  if (target === undefined) return undefined;
  const plain = strip(target);
  return PLAIN.test(plain) ? plain : undefined;
}

function foldOne(ch: string): string {
  if (ch.charCodeAt(0) < 0x80) return ch.toLowerCase();
  if (DECIMAL_DIGIT.test(ch)) return digitValue(ch);
  let out = "";
  for (const c of strip(ch)) out += c.charCodeAt(0) < 0x80 ? c : (latinLookalike(c) ?? latinLookalike(ch) ?? c);
  return out;
}

const memo = new Map<number, string>();

/** The folded form of one code point of the original text ("" for an ignorable one). */
function foldCodePoint(cp: number): string {
  const hit = memo.get(cp);
  if (hit !== undefined) return hit;
  const ch = String.fromCodePoint(cp);
  let out = "";
  if (!IGNORABLE.test(ch)) for (const c of ch.normalize("NFKC")) out += foldOne(c);
  if (memo.size < 50_000) memo.set(cp, out);
  return out;
}

export function foldString(input: string): string {
  return foldWithMap(input).text;
}

export function foldWithMap(input: string): FoldedText {
  let text = "";
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  while (i < input.length) {
    const cp = input.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    // Per-code-point folding keeps the offset map exact; ASCII takes the
    // cheap path because stories are mostly ASCII.
    const folded = cp < 0x80 ? input[i]!.toLowerCase() : foldCodePoint(cp);
    for (const ch of folded) {
      for (let k = 0; k < ch.length; k++) {
        text += ch[k];
        from.push(i);
        to.push(i + width);
      }
    }
    i += width;
  }
  return { text, from, to };
}

/** Maps a span of folded text back to the original text. */
export function toOriginal(folded: FoldedText, span: Span): Span {
  if (span.end <= span.start) {
    const at = folded.from[span.start] ?? folded.to[folded.to.length - 1] ?? 0;
    return { start: at, end: at };
  }
  return {
    start: folded.from[span.start] ?? 0,
    end: folded.to[span.end - 1] ?? 0,
  };
}

const WORD = /[\p{L}\p{N}]+/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    tokens.push({ text: m[0], start, end: start + m[0].length });
  }
  return tokens;
}

/** Folded words of a short value (a name, a facility, a country). */
export function words(value: string): string[] {
  return tokenize(foldString(value)).map((t) => t.text);
}

/**
 * True when only a little "soft" punctuation separates two adjacent tokens,
 * so "Otay  Mesa", "J. Pérez" or "García-Márquez" still read as one phrase.
 */
export function softGap(text: string, from: number, to: number): boolean {
  return to - from <= 8 && /^[\s\-\u2010-\u2014'\u2019.]*$/.test(text.slice(from, to));
}
