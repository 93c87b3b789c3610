// Days and years written in words, in English and Spanish, on folded text (lower
// case, no accents): "March seventh, nineteen ninety", "el siete de marzo de mil
// novecientos noventa". A date of birth in words identifies as well as in digits.

const EN_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const EN_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen"];
const EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const EN_ORD_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
const EN_ORD_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth"];
const ES_1_29 = [
  "",
  "uno",
  "dos",
  "tres",
  "cuatro",
  "cinco",
  "seis",
  "siete",
  "ocho",
  "nueve",
  "diez",
  "once",
  "doce",
  "trece",
  "catorce",
  "quince",
  "dieciseis",
  "diecisiete",
  "dieciocho",
  "diecinueve",
  "veinte",
  "veintiuno",
  "veintidos",
  "veintitres",
  "veinticuatro",
  "veinticinco",
  "veintiseis",
  "veintisiete",
  "veintiocho",
  "veintinueve",
];
const ES_TENS = ["", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"];

function en(n: number): string {
  if (n < 10) return EN_UNITS[n]!;
  if (n < 19) return EN_TEENS[n - 10]!;
  if (n === 19) return "nineteen";
  const u = n % 10;
  return EN_TENS[Math.floor(n / 10)]! + (u ? ` ${EN_UNITS[u]}` : "");
}

function enOrdinal(n: number): string {
  if (n < 10) return EN_ORD_UNITS[n]!;
  if (n < 17) return EN_ORD_TEENS[n - 10]!;
  if (n < 20) return `${en(n)}th`;
  const u = n % 10;
  const tens = EN_TENS[Math.floor(n / 10)]!;
  return u ? `${tens} ${EN_ORD_UNITS[u]}` : `${tens.slice(0, -1)}ieth`;
}

function es(n: number): string {
  if (n < 30) return ES_1_29[n]!;
  const u = n % 10;
  return ES_TENS[Math.floor(n / 10)]! + (u ? ` y ${ES_1_29[u]}` : "");
}

function enYears(y: number): string[] {
  const hi = Math.floor(y / 100);
  const lo = y % 100;
  const out: string[] = [];
  if (hi === 19) out.push(lo === 0 ? "nineteen hundred" : lo < 10 ? `nineteen oh ${en(lo)}` : `nineteen ${en(lo)}`);
  if (hi === 20) {
    out.push(lo === 0 ? "two thousand" : `two thousand ${en(lo)}`);
    if (lo > 0) out.push(`two thousand and ${en(lo)}`);
    if (lo >= 10) out.push(`twenty ${en(lo)}`);
  }
  return out;
}

function esYear(y: number): string {
  const lo = y % 100;
  const base = y < 2000 ? "mil novecientos" : "dos mil";
  return lo ? `${base} ${es(lo)}` : base;
}

function table(entries: Iterable<[string, number]>): Map<string, number> {
  return new Map(entries);
}

function* days(): Iterable<[string, number]> {
  for (let d = 1; d <= 31; d++) {
    yield [enOrdinal(d), d];
    yield [en(d), d];
    yield [es(d), d];
  }
  yield ["primero", 1];
}

function* ordinals(): Iterable<[string, number]> {
  for (let d = 1; d <= 31; d++) yield [enOrdinal(d), d];
}

function* years(): Iterable<[string, number]> {
  for (let y = 1900; y <= 2039; y++) {
    for (const w of enYears(y)) yield [w, y];
    yield [esYear(y), y];
  }
}

export const DAY_WORDS = table(days());
export const ORDINAL_WORDS = table(ordinals());
export const YEAR_WORDS = table(years());

/** Regex source matching any key, words joined by spaces or hyphens, longest first. */
export function alternation(words: Map<string, number>): string {
  return [...words.keys()]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.split(" ").join("[\\s-]+"))
    .join("|");
}

/** The number a matched phrase or digits stand for. */
export function wordValue(words: Map<string, number>, matched: string): number {
  if (/^\d+$/.test(matched)) return Number(matched);
  return words.get(matched.split(/[\s-]+/).join(" ")) ?? 0;
}
