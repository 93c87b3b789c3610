// Messages are shown to campaign editors and may end up in logs, so they name
// the field and the kind of identifier, never the value or the matched text.

export type FindingKind =
  | "name"
  | "a_number"
  | "date_of_birth"
  | "phone"
  | "address"
  | "country"
  | "facility"
  | "a_number_like"
  | "email"
  | "phone_like"
  | "exact_date"
  | "nationality";

const BLOCKED: Readonly<Partial<Record<FindingKind, string>>> = {
  name: "contains the client's legal name or part of it (from the case file). Remove it or use the alias.",
  a_number: "contains the client's A-number (from the case file). Remove it.",
  date_of_birth: "contains the client's date of birth (from the case file). Remove it.",
  phone: "contains the client's phone number (from the case file). Remove it.",
  address: "contains the client's street address (from the case file). Remove it; a state or region is enough.",
  country:
    "contains the client's country of birth or nationality (from the case file). Remove it: with a name it finds them in ICE's detainee locator.",
  facility: "contains the client's detention facility (from the case file). Use the state or region instead.",
};

const FLAGGED: Readonly<Partial<Record<FindingKind, string>>> = {
  a_number_like:
    "contains an 8–9 digit number that looks like an A-number. A privacy reviewer must confirm it is not one.",
  email: "contains an email address. A privacy reviewer must confirm it may be published.",
  phone_like: "contains what looks like a phone number. A privacy reviewer must confirm it may be published.",
  exact_date:
    "contains an exact date. Prefer month and year; a privacy reviewer must confirm the day is safe to publish.",
  facility:
    "names a detention facility. A privacy reviewer must confirm it is not the client’s; prefer the state or region.",
  nationality: "mentions a country or nationality. A privacy reviewer must confirm it cannot identify the client.",
};

/** "shortDescription" / "short_description" → "Short description". */
function fieldLabel(field: string): string {
  const spaced = field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_\-.]+/g, " ")
    .trim()
    .toLowerCase();
  if (spaced.length === 0) return "This field";
  return spaced[0]!.toUpperCase() + spaced.slice(1);
}

export function message(field: string, kind: FindingKind, blocked: boolean): string {
  const text = (blocked ? BLOCKED : FLAGGED)[kind] ?? "contains private information.";
  return `${fieldLabel(field)} ${text}`;
}
