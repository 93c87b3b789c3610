import { softGap, tokenize, foldString, type Span, type Token } from "./normalize";

// Every part of the legal name is a case-file value, so each is blocked on
// its own ("Juan" alone identifies with the alias story around it). Matching
// is whole-token on folded text, which is what keeps "Ana" out of "banana".

/** Particles are part of the name but too common to block on their own. */
const PARTICLES = new Set([
  "de",
  "del",
  "la",
  "las",
  "los",
  "da",
  "das",
  "do",
  "dos",
  "di",
  "du",
  "van",
  "von",
  "der",
  "den",
  "le",
  "el",
  "y",
  "e",
  "bin",
  "bint",
  "ibn",
  "al",
  "san",
  "santa",
  "st",
  "mc",
  "mac",
]);

export interface NameMatcher {
  /** Folded tokens that are, alone, a case-file name value. */
  readonly variants: ReadonlySet<string>;
  /** First letters of the name parts, for "J. Pérez" style initials. */
  readonly initials: ReadonlySet<string>;
}

export function buildNameMatcher(legalName: string): NameMatcher {
  const folded = foldString(legalName);
  // "García-Márquez" / "O'Brien": each piece and the glued word.
  const words = folded.split(/\s+/).filter((w) => w.length > 0);
  const pieces: string[] = [];
  const variants = new Set<string>();
  for (const word of words) {
    const sub = tokenize(word).map((t) => t.text);
    pieces.push(...sub);
    if (sub.length > 1) variants.add(sub.join(""));
  }
  const parts = pieces.filter((p) => [...p].length >= 2);
  for (const p of parts) if (!PARTICLES.has(p)) variants.add(p);
  // Glued forms such as "juanperez" (handles, emails) and reversed
  // "perezjuan": every run of consecutive parts, and every ordered pair.
  for (let i = 0; i < pieces.length; i++) {
    for (let j = i + 2; j <= pieces.length; j++) {
      const run = pieces.slice(i, j);
      if (!run.every((p) => PARTICLES.has(p))) variants.add(run.join(""));
    }
  }
  const core = parts.filter((p) => !PARTICLES.has(p));
  for (const a of core) for (const b of core) if (a !== b) variants.add(a + b);
  for (const w of [...variants]) if ([...w].length < 2) variants.delete(w);
  const initials = new Set(core.map((p) => p[0]!));
  return { variants, initials };
}

/**
 * Spans (folded offsets) of name mentions. Adjacent name tokens, particles
 * and initials merge into one span so a UI highlights "J. Pérez García" once.
 */
export function findNames(text: string, tokens: readonly Token[], m: NameMatcher): Span[] {
  const spans: Span[] = [];
  const isName = (t: Token): boolean => m.variants.has(t.text);
  const isInitial = (t: Token): boolean => t.text.length === 1 && m.initials.has(t.text);
  const isFiller = (t: Token): boolean => PARTICLES.has(t.text) || isInitial(t);
  let i = 0;
  while (i < tokens.length) {
    if (!isName(tokens[i]!)) {
      i++;
      continue;
    }
    let first = i;
    let last = i;
    while (first > 0 && isFiller(tokens[first - 1]!) && softGap(text, tokens[first - 1]!.end, tokens[first]!.start))
      first--;
    // Leading particles are ordinary words ("de Juan"); only initials stick.
    while (first < i && !isInitial(tokens[first]!)) first++;
    let k = i + 1;
    while (
      k < tokens.length &&
      softGap(text, tokens[k - 1]!.end, tokens[k]!.start) &&
      (isName(tokens[k]!) || isFiller(tokens[k]!))
    ) {
      if (isName(tokens[k]!)) last = k;
      k++;
    }
    spans.push({ start: tokens[first]!.start, end: tokens[last]!.end });
    i = last + 1;
  }
  return spans;
}
