import type { FindingKind } from "./messages";

// Public shapes of the PII guard, kept apart so UI code can import them
// without pulling in the vocabularies.

export interface CaseFileIdentifiers {
  legalName: string;
  aNumber?: string;
  /** ISO yyyy-mm-dd. */
  dateOfBirth?: string;
  phone?: string;
  address?: string;
  countryOfBirth?: string;
  facility?: string;
}

export interface Finding {
  field: string;
  kind: FindingKind;
  /** Safe to show and log: names the field and the kind, never the text. */
  message: string;
  /** UTF-16 offsets into the field's original text, end exclusive. */
  start: number;
  end: number;
}

export interface GuardResult {
  /** Case-file values: publishing must be refused until they are removed. */
  blocked: Finding[];
  /** Possible identifiers a privacy reviewer must look at before publishing. */
  flagged: Finding[];
  /** True only when nothing was blocked or flagged. */
  ok: boolean;
}
