/** What a treasurer or admin types about an obligor: validated before anything is encrypted or written. */
import { z } from "zod";

const US_STATES =
  "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP".split(
    " ",
  );

export const addressSchema = z.object({
  line1: z.string().trim().min(3, "Enter the street address of record.").max(120),
  line2: z.string().trim().max(120).default(""),
  city: z.string().trim().min(2, "Enter the city.").max(80),
  state: z
    .string()
    .trim()
    .toUpperCase()
    .refine((s) => US_STATES.includes(s), "The address of record must be in the US: enter a two-letter state code."),
  zip: z
    .string()
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, "Enter a US ZIP code (12345 or 12345-6789)."),
});
export type MailingAddress = z.infer<typeof addressSchema>;

export const obligorSchema = z.object({
  kind: z.enum(["fund", "person"], { error: "Say whether the obligor is the fund or a person." }),
  name: z.string().trim().min(2, "Enter the obligor's legal name (the fund's, or the person's).").max(160),
  representative: z.string().trim().max(160).default(""),
  cebondsEmail: z.string().trim().toLowerCase().pipe(z.email("Enter the CeBONDS account email.").max(254)),
  emailConsent: z
    .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
    .default(false)
    .transform((v) => v === true || v === "on" || v === "true"),
});

/** The encrypted part of an obligor row. */
export interface ObligorSecret {
  name: string;
  representative: string;
  cebondsEmail: string;
  emailConsent: boolean;
}

export function formatAddress(a: MailingAddress): string {
  return [a.line1, a.line2, `${a.city}, ${a.state} ${a.zip}`].filter(Boolean).join(", ");
}
