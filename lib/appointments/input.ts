/** What the lawyer enters for reminders, appointments and addresses. Messages name the field, never echo the value. */
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import { APPOINTMENT_KINDS } from "@/db/schema";
import { isValidTimeZone } from "./zoned-time";

const isoDate = (field: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${field} must be a date (YYYY-MM-DD).`)
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, `${field} is not a real calendar date.`);

/** A phone number normalised to E.164 (US numbers may be typed without +1), or a clear refusal. */
function e164(field: string) {
  return z
    .string()
    .trim()
    .max(40, `${field} is too long.`)
    .transform((s, ctx) => {
      const n = parsePhoneNumberFromString(s, "US");
      if (!n || !n.isValid()) {
        ctx.addIssue({
          code: "custom",
          message: `${field} is not a valid phone number; use the international form, e.g. +1 504 555 0100.`,
        });
        return z.NEVER;
      }
      return n.number as string;
    });
}

const optional = <T extends z.ZodType>(t: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), t.optional());

export const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Z]{2})?$/;

export const registrationSchema = z
  .object({
    phone: optional(e164("Phone")),
    email: optional(z.string().trim().toLowerCase().pipe(z.email("Email is not a valid address.").max(254))),
    language: z.string().trim().regex(LANGUAGE_CODE, "Choose the person's language."),
    channel: z.enum(["sms", "email", "both"], { error: "Choose how reminders are sent: SMS, email or both." }),
    consent: z.literal(true, {
      error: "Reminders need the person's recorded consent: tick the box once they have agreed.",
    }),
    consentDate: isoDate("Consent date"),
    lawyerPhone: e164("Your phone for the messages"),
    familyPhone: optional(e164("Family contact's phone")),
    familyEmail: optional(
      z.string().trim().toLowerCase().pipe(z.email("Family contact's email is not a valid address.").max(254)),
    ),
  })
  .superRefine((r, ctx) => {
    if ((r.channel === "sms" || r.channel === "both") && !r.phone)
      ctx.addIssue({ code: "custom", path: ["phone"], message: "SMS reminders need the person's phone number." });
    if ((r.channel === "email" || r.channel === "both") && !r.email)
      ctx.addIssue({ code: "custom", path: ["email"], message: "Email reminders need the person's email address." });
  });

export type Registration = z.infer<typeof registrationSchema>;

export const appointmentSchema = z.object({
  kind: z.enum(APPOINTMENT_KINDS, { error: "Choose what kind of appointment this is." }),
  date: isoDate("Date"),
  time: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Time must be a time of day (HH:MM, 24-hour)."),
  timeZone: z
    .string()
    .trim()
    .refine(isValidTimeZone, "Time zone is not a known IANA time zone (e.g. America/Chicago)."),
  place: z.string().trim().min(2, "Say where: the court or office and its address.").max(200, "Place is too long."),
  note: z.string().trim().max(300, "Note is too long.").default(""),
});

export type AppointmentDetails = z.infer<typeof appointmentSchema>;

export const moveSchema = appointmentSchema.pick({ date: true, time: true, timeZone: true, place: true });

export const addressSchema = z.object({
  street: z.string().trim().min(3, "Street address is required.").max(200, "Street address is too long."),
  city: z.string().trim().min(2, "City is required.").max(100),
  state: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "State must be a two-letter code."),
  zip: z
    .string()
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, "ZIP code must be 5 digits (or ZIP+4)."),
  movedOn: isoDate("Date of the move"),
});

export const attendanceSchema = z.object({
  outcome: z.enum(["attended", "missed", "rescheduled"], { error: "Choose attended, missed or rescheduled." }),
});

/** First zod issue per field, for the form; the message never contains the value. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) {
    const key = String(i.path[0] ?? "form");
    out[key] ??= i.message;
  }
  return out;
}
