import {
  checkPublicText,
  type CaseFileIdentifiers,
  type Finding,
  type FindingKind,
} from "../../../lib/privacy/pii-guard";

export const CASE_FILE: CaseFileIdentifiers = {
  legalName: "Juan Carlos Pérez García",
  aNumber: "A012-345-678",
  dateOfBirth: "1990-03-07",
  phone: "(512) 555-0147",
  address: "1234 North Lamar Boulevard, Apt 5, Austin, TX 78756",
  countryOfBirth: "Venezuela",
  facility: "South Texas ICE Processing Center",
};

/** Kinds blocked in `text` (as the "story" field). */
export function blockedKinds(text: string, caseFile = CASE_FILE): FindingKind[] {
  return checkPublicText({ story: text }, caseFile).blocked.map((f) => f.kind);
}

export function flaggedKinds(text: string, caseFile = CASE_FILE): FindingKind[] {
  return checkPublicText({ story: text }, caseFile).flagged.map((f) => f.kind);
}

/** The text each finding points at, to check offsets. */
export function spans(text: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => text.slice(f.start, f.end));
}
