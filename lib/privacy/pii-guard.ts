/** The PII guard: what it blocks and what it flags is described in docs/privacy.md. */
import { buildAddressMatcher, findAddress, type AddressMatcher } from "./address";
import { COUNTRY_MATCHER, lookUpCountry } from "./country-words";
import { findDates, matchesDate, parseIsoDate, type IsoDate } from "./dates";
import { FACILITY_MATCHER, lookUpFacilities } from "./facilities";
import { message, type FindingKind } from "./messages";
import { buildNameMatcher, findNames, type NameMatcher } from "./names";
import { foldString, foldWithMap, tokenize, toOriginal, words, type FoldedText, type Span } from "./normalize";
import {
  aNumberDigits,
  digitSlice,
  digitView,
  findDigitRuns,
  isANumberLike,
  isPhoneLike,
  type DigitRun,
} from "./numbers";
import { PhraseMatcher } from "./phrases";

import type { CaseFileIdentifiers, Finding, GuardResult } from "./types";

export type { FindingKind } from "./messages";
export type { CaseFileIdentifiers, Finding, GuardResult } from "./types";

interface Context {
  readonly names: NameMatcher;
  readonly aNumber?: string;
  readonly dob?: IsoDate;
  /** Folded DOB as typed, used only when it is not a valid ISO date. */
  readonly dobLiteral?: string;
  /** Last 10 digits (or all, if shorter) of the client's phone. */
  readonly phone?: string;
  readonly address?: AddressMatcher;
  readonly countries: ReadonlySet<number>;
  readonly facilities: ReadonlySet<number>;
  /** The case file's own country/facility wording, shipped list or not. */
  readonly literals: PhraseMatcher<"country" | "facility">;
}

interface Raw extends Span {
  readonly kind: FindingKind;
  readonly blocked: boolean;
}

function buildContext(c: CaseFileIdentifiers): Context {
  const literals = new PhraseMatcher<"country" | "facility">();
  if (c.countryOfBirth) literals.add(words(c.countryOfBirth), "country");
  if (c.facility) literals.add(words(c.facility), "facility");
  const phoneDigits = (c.phone ?? "").replace(/\D/g, "");
  const dob = c.dateOfBirth ? parseIsoDate(c.dateOfBirth) : undefined;
  const rawA = (c.aNumber ?? "").replace(/\D/g, "");
  const address = c.address ? buildAddressMatcher(c.address) : undefined;
  return {
    names: buildNameMatcher(c.legalName ?? ""),
    // A malformed A-number on file is still protected, digit for digit.
    ...(rawA.length >= 6 ? { aNumber: aNumberDigits(rawA) ?? rawA } : {}),
    ...(dob ? { dob } : {}),
    ...(!dob && c.dateOfBirth?.trim() ? { dobLiteral: foldString(c.dateOfBirth.trim()) } : {}),
    ...(phoneDigits.length >= 7 ? { phone: phoneDigits.slice(-10) } : {}),
    ...(address ? { address } : {}),
    countries: new Set(c.countryOfBirth ? lookUpCountry(c.countryOfBirth) : []),
    facilities: new Set(c.facility ? lookUpFacilities(c.facility) : []),
    literals,
  };
}

function numberFindings(run: DigitRun, ctx: Context, dates: readonly Span[]): Raw[] {
  const out: Raw[] = [];
  const a = ctx.aNumber;
  if (a) {
    const hit = digitSlice(run, a) ?? (a.startsWith("0") ? digitSlice(run, a.slice(1)) : undefined);
    if (hit) out.push({ ...widen(hit, run), kind: "a_number", blocked: true });
  }
  const phoneHit = ctx.phone ? digitSlice(run, ctx.phone) : undefined;
  if (phoneHit) out.push({ ...widen(phoneHit, run), kind: "phone", blocked: true });
  // A run that holds a case-file value is blocked whole; a date is a date.
  if (out.length > 0 || dates.some((d) => d.start < run.end && run.start < d.end)) return out;
  if (isANumberLike(run)) out.push({ start: run.start, end: run.end, kind: "a_number_like", blocked: false });
  else if (isPhoneLike(run)) out.push({ start: run.start, end: run.end, kind: "phone_like", blocked: false });
  return out;
}

// Highlight the whole written number ("A# 012-345-678") when the value is
// all of it, not just the first to last digit.
function widen(hit: Span, run: DigitRun): Span {
  const whole = hit.start === run.positions[0] && hit.end === run.end;
  return whole ? { start: run.start, end: run.end } : hit;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

function rawFindings(text: string, ctx: Context): Raw[] {
  const tokens = tokenize(text);
  const out: Raw[] = [];
  for (const s of findNames(text, tokens, ctx.names)) out.push({ ...s, kind: "name", blocked: true });
  const dates = findDates(text);
  for (const d of dates) {
    const isDob = ctx.dob !== undefined && matchesDate(d, ctx.dob);
    out.push({ start: d.start, end: d.end, kind: isDob ? "date_of_birth" : "exact_date", blocked: isDob });
  }
  if (ctx.dobLiteral) {
    for (let at = text.indexOf(ctx.dobLiteral); at >= 0; at = text.indexOf(ctx.dobLiteral, at + 1)) {
      out.push({ start: at, end: at + ctx.dobLiteral.length, kind: "date_of_birth", blocked: true });
    }
  }
  for (const run of findDigitRuns(digitView(text))) out.push(...numberFindings(run, ctx, dates));
  if (ctx.address) {
    for (const s of findAddress(tokens, ctx.address)) out.push({ ...s, kind: "address", blocked: true });
  }
  for (const h of ctx.literals.find(text, tokens)) out.push({ ...h, kind: h.payload, blocked: true });
  for (const h of COUNTRY_MATCHER.find(text, tokens)) {
    const mine = h.payload.countries.some((i) => ctx.countries.has(i));
    if (mine || h.payload.flaggable) out.push({ ...h, kind: mine ? "country" : "nationality", blocked: mine });
  }
  for (const h of FACILITY_MATCHER.find(text, tokens)) {
    out.push({ ...h, kind: "facility", blocked: ctx.facilities.has(h.payload) });
  }
  for (const m of text.matchAll(EMAIL)) {
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, kind: "email", blocked: false });
  }
  return out;
}

// Folding loses case, and "she may 3 times..." is a verb, not May 3. Only a
// flag is dropped here; a lower-case "may 7" that matches the DOB still blocks.
function isModalMay(value: string, folded: FoldedText, r: Raw): boolean {
  if (r.kind !== "exact_date") return false;
  const { start, end } = toOriginal(folded, r);
  return /^may\s/.test(value.slice(start, end));
}

function checkField(field: string, value: string, ctx: Context): GuardResult {
  const folded = foldWithMap(value);
  const raws = rawFindings(folded.text, ctx);
  const blockedRaw = raws.filter((r) => r.blocked);
  // A flag inside a blocked span adds nothing: the editor must rewrite it.
  const flaggedRaw = raws.filter(
    (r) => !r.blocked && !blockedRaw.some((b) => b.start <= r.start && r.end <= b.end) && !isModalMay(value, folded, r),
  );
  const toFinding = (r: Raw): Finding => ({
    field,
    kind: r.kind,
    message: message(field, r.kind, r.blocked),
    ...toOriginal(folded, r),
  });
  const blocked = dedupe(blockedRaw.map(toFinding));
  const flagged = dedupe(flaggedRaw.map(toFinding));
  return { blocked, flagged, ok: blocked.length === 0 && flagged.length === 0 };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings
    .sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind))
    .filter((f) => {
      const key = `${f.kind}:${f.start}:${f.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * Checks public campaign text against the client's private case file.
 * Pure and deterministic; findings are ordered by field, then position.
 */
export function checkPublicText(fields: Record<string, string>, caseFile: CaseFileIdentifiers): GuardResult {
  const ctx = buildContext(caseFile);
  const blocked: Finding[] = [];
  const flagged: Finding[] = [];
  for (const field of Object.keys(fields).sort()) {
    const r = checkField(field, fields[field] ?? "", ctx);
    blocked.push(...r.blocked);
    flagged.push(...r.flagged);
  }
  return { blocked, flagged, ok: blocked.length === 0 && flagged.length === 0 };
}
