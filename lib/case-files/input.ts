/** What a lawyer enters in the private case file. Messages name the field, never echo the value. */
import { z } from "zod";
import { normalizeANumber } from "@/lib/privacy/case-file-crypto";

/** Legal minimums (8 CFR 236.1, 240.25): below them the lawyer is warned, not refused — orders are sometimes odd. */
const BOND_MINIMUM_CENTS = { delivery: 150_000, voluntary_departure: 50_000 } as const;

const isoDate = (field: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${field} must be a date (YYYY-MM-DD).`)
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, `${field} is not a real calendar date.`);

export const caseFileSchema = z.object({
  legalName: z.string().trim().min(2, "Legal name is required.").max(200, "Legal name is too long."),
  aNumber: z
    .string()
    .trim()
    .transform((s, ctx) => {
      try {
        return normalizeANumber(s);
      } catch {
        ctx.addIssue({ code: "custom", message: "A-number must be 8 or 9 digits, like A123-456-789." });
        return z.NEVER;
      }
    }),
  dateOfBirth: isoDate("Date of birth").refine((s) => {
    const age = (Date.now() - Date.parse(`${s}T00:00:00Z`)) / (365.25 * 86_400_000);
    return age > 0 && age < 120;
  }, "Date of birth must be in the past and less than 120 years ago."),
  countryOfBirth: z.string().trim().min(2, "Country of birth is required.").max(100),
  facility: z.string().trim().min(2, "Detention facility is required.").max(200),
  bondSetBy: z.enum(["ice", "judge"], { error: "Say whether ICE or an immigration judge set the bond." }),
  bondType: z.enum(["delivery", "voluntary_departure"], { error: "Choose the bond type." }),
  bondAmountCents: z
    .number()
    .int("Bond amount must be whole cents.")
    .positive("Bond amount must be more than zero.")
    .max(1_000_000_00, "Bond amount is implausibly large."),
  bondOrderDate: isoDate("Bond order date").refine(
    (s) => Date.parse(`${s}T00:00:00Z`) <= Date.now() + 86_400_000,
    "Bond order date cannot be in the future.",
  ),
  releaseAddress: z.string().trim().max(300).default(""),
  releasePhone: z.string().trim().max(40).default(""),
  consentPublication: z.literal(true, {
    error: "The client's written consent to publish an anonymized campaign is required.",
  }),
  consentStory: z.literal(true, { error: "The client's consent to the story as written is required." }),
  consentDate: isoDate("Consent date"),
});

export type CaseFile = z.infer<typeof caseFileSchema>;

export function bondWarnings(cf: Pick<CaseFile, "bondType" | "bondAmountCents">): string[] {
  const min = BOND_MINIMUM_CENTS[cf.bondType];
  return cf.bondAmountCents < min
    ? [
        `The bond amount is below the legal minimum for a ${cf.bondType.replace("_", " ")} bond ($${min / 100}). Check the order.`,
      ]
    : [];
}
