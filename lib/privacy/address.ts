import { foldString, tokenize, type Span, type Token } from "./normalize";

// A release address tells an abuser or ICE where to find someone. We match
// house number + street name, with street types and directions folded to
// USPS abbreviations so "123 North Main Street" ≈ "123 N Main St".

const CANON: Readonly<Record<string, string>> = {
  street: "st",
  str: "st",
  avenue: "ave",
  av: "ave",
  avenida: "ave",
  road: "rd",
  boulevard: "blvd",
  boul: "blvd",
  drive: "dr",
  lane: "ln",
  court: "ct",
  place: "pl",
  circle: "cir",
  highway: "hwy",
  parkway: "pkwy",
  terrace: "ter",
  trail: "trl",
  square: "sq",
  expressway: "expy",
  freeway: "fwy",
  plaza: "plz",
  alley: "aly",
  crossing: "xing",
  point: "pt",
  loop: "loop",
  way: "way",
  north: "n",
  south: "s",
  east: "e",
  west: "w",
  northeast: "ne",
  northwest: "nw",
  southeast: "se",
  southwest: "sw",
  calle: "calle",
};

const STREET_TYPES = new Set([
  "st",
  "ave",
  "rd",
  "blvd",
  "dr",
  "ln",
  "ct",
  "pl",
  "cir",
  "hwy",
  "pkwy",
  "ter",
  "trl",
  "sq",
  "expy",
  "fwy",
  "plz",
  "aly",
  "xing",
  "pt",
  "loop",
  "way",
  "calle",
]);
const DIRECTIONS = new Set(["n", "s", "e", "w", "ne", "nw", "se", "sw"]);
const UNIT_WORDS = new Set(["apt", "apartment", "unit", "suite", "ste", "depto", "piso", "lot", "room", "rm"]);

function canon(word: string): string {
  return CANON[word] ?? word;
}

const isNumber = (w: string): boolean => /\d/.test(w);
const isFiller = (w: string): boolean => STREET_TYPES.has(w) || DIRECTIONS.has(w);

export interface AddressMatcher {
  readonly houseNumber?: string;
  /** Street-name words without number, direction or street type. */
  readonly street: readonly string[];
}

export function buildAddressMatcher(address: string): AddressMatcher | undefined {
  const firstLine = foldString(address).split(/[,\n;]/)[0] ?? "";
  const words: string[] = [];
  for (const t of tokenize(firstLine)) {
    if (UNIT_WORDS.has(t.text)) break;
    words.push(canon(t.text));
  }
  const houseNumber = words.find(isNumber);
  const street = words.filter((w) => w !== houseNumber && !isFiller(w));
  if (street.length === 0) return undefined;
  return houseNumber === undefined ? { street } : { houseNumber, street };
}

/**
 * Folded spans where the street name appears with the house number within
 * three words on either side ("123 W. Main", "Calle Juárez 45"). Without a
 * house number on file, the street name alone is the value.
 */
export function findAddress(tokens: readonly Token[], m: AddressMatcher): Span[] {
  const spans: Span[] = [];
  const words = tokens.map((t) => canon(t.text));
  for (let i = 0; i + m.street.length <= words.length; i++) {
    if (!m.street.every((w, k) => words[i + k] === w)) continue;
    const last = i + m.street.length - 1;
    if (m.houseNumber === undefined) {
      spans.push({ start: tokens[i]!.start, end: tokens[last]!.end });
      continue;
    }
    const before = nearNumber(words, i - 1, -1, m.houseNumber);
    const after = nearNumber(words, last + 1, 1, m.houseNumber);
    if (before !== undefined) spans.push({ start: tokens[before]!.start, end: tokens[last]!.end });
    else if (after !== undefined) spans.push({ start: tokens[i]!.start, end: tokens[after]!.end });
  }
  return spans;
}

function nearNumber(words: readonly string[], from: number, step: 1 | -1, num: string): number | undefined {
  for (let k = 0, j = from; k < 3 && j >= 0 && j < words.length; k++, j += step) {
    if (words[j] === num) return j;
    if (!isFiller(words[j]!) && !/^#?$/.test(words[j]!)) return undefined;
  }
  return undefined;
}
