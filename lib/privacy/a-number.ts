import { PrivacyError } from "./privacy-error";

// The same A-number is written "A012-345-678", "A# 12345678" or "012345678";
// duplicate detection hashes one canonical form: 9 digits, zero-padded.
const A_NUMBER = /^(?:a\s*[#:-]?\s*)?(\d(?:[\s.-]?\d)*)$/i;

export function normalizeANumber(input: string): string {
  const m = A_NUMBER.exec(input.trim());
  const digits = m?.[1]?.replace(/\D/g, "") ?? "";
  if (digits.length < 8 || digits.length > 9) {
    throw new PrivacyError(
      "invalid_a_number",
      'A-number must be 8 or 9 digits, optionally prefixed with "A" and separated by dashes, spaces or dots.',
    );
  }
  return digits.padStart(9, "0");
}
