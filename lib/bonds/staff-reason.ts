/**
 * The reason a treasurer gives for an exceptional action (a date correction, forfeiting inside
 * the appeal window). It is kept in the audit log, which must never hold case-file values, so
 * anything that looks like an A-number or a phone number is refused.
 */
import { z } from "zod";
import { checkPublicText } from "@/lib/privacy/pii-guard";

const IDENTIFYING = new Set(["a_number_like", "phone_like"]);

export function staffReason(what: string) {
  return z
    .string({ error: `Give the reason for ${what}.` })
    .trim()
    .min(3, `Give the reason for ${what} (a few words).`)
    .max(500, "Keep the reason under 500 characters.")
    .refine(
      (s) => !checkPublicText({ Reason: s }, { legalName: "" }).flagged.some((f) => IDENTIFYING.has(f.kind)),
      "The reason is kept in the audit log: leave out A-numbers and phone numbers.",
    );
}
