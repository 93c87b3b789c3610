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
  /** First letters of the name parts in order ("jcpg"), for initials written alone. */
  readonly initialSeq: string;
  readonly longest: number;
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
  const longest = Math.max(0, ...[...variants].map((v) => v.length));
  return { variants, initials, initialSeq: core.map((p) => p[0]!).join(""), longest };
}

/**
 * Spans (folded offsets) of name mentions. Adjacent name tokens, particles
 * and initials merge into one span so a UI highlights "J. Pérez García" once.
 */
export function findNames(text: string, all: readonly Token[], m: NameMatcher): Span[] {
  const tokens = joinSplitNames(text, all, m);
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
  for (const s of findInitials(text, tokens, m))
    if (!spans.some((n) => n.start < s.end && s.start < n.end)) spans.push(s);
  return spans.sort((a, b) => a.start - b.start);
}

const MAX_PIECES = 12;

// "Pé-rez", "G a r c í a", "C.a.r.l.o.s": pieces joined by soft gaps that spell a
// name part become one token, so the rest of the matcher sees the name itself.
function joinSplitNames(text: string, tokens: readonly Token[], m: NameMatcher): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    let joined = tokens[i]!.text;
    let best = i;
    for (let j = i + 1; j < tokens.length && j - i < MAX_PIECES; j++) {
      if (!softGap(text, tokens[j - 1]!.end, tokens[j]!.start)) break;
      joined += tokens[j]!.text;
      if (joined.length > m.longest) break;
      if (m.variants.has(joined)) best = j;
    }
    if (best === i || m.variants.has(tokens[i]!.text)) {
      out.push(tokens[i]!);
      i++;
      continue;
    }
    const text_ = tokens
      .slice(i, best + 1)
      .map((t) => t.text)
      .join("");
    out.push({ text: text_, start: tokens[i]!.start, end: tokens[best]!.end });
    i = best + 1;
  }
  return out;
}

// Initials alone: "J.C.P.G.", "J C P", "JCPG" (three or more in the name's order;
// two only when written as separate letters and the name has just two parts).
function findInitials(text: string, tokens: readonly Token[], m: NameMatcher): Span[] {
  const seq = m.initialSeq;
  if (seq.length < 2) return [];
  const spans: Span[] = [];
  const glued = (t: Token) => t.text.length >= 3 && /^\p{L}+$/u.test(t.text) && seq.includes(t.text);
  let i = 0;
  while (i < tokens.length) {
    if (glued(tokens[i]!)) {
      spans.push({ start: tokens[i]!.start, end: tokens[i]!.end });
      i++;
      continue;
    }
    let j = i;
    let letters = "";
    while (
      j < tokens.length &&
      tokens[j]!.text.length === 1 &&
      (j === i || softGap(text, tokens[j - 1]!.end, tokens[j]!.start))
    ) {
      letters += tokens[j]!.text;
      j++;
    }
    const enough = letters.length >= 3 || (letters.length === 2 && seq.length === 2);
    if (enough && seq.includes(letters)) spans.push({ start: tokens[i]!.start, end: tokens[j - 1]!.end });
    i = Math.max(j, i + 1);
  }
  return spans;
}
