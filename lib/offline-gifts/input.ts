/**
 * What a treasurer types to record an offline gift, checked before anything is written. Every
 * refusal names the field and the problem; the donor's name and email never appear in a message.
 */
import { z } from "zod";
import { OFFLINE_METHODS } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { parseUsd } from "@/lib/money";

export const METHOD_LABELS: Record<(typeof OFFLINE_METHODS)[number], string> = {
  check: "Check",
  wire: "Wire transfer",
  cash: "Cash",
  other: "Other",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The form's fields; `today` (UTC, YYYY-MM-DD) bounds the date received. */
export function offlineGiftSchema(today: string) {
  return z
    .object({
      method: z.enum(OFFLINE_METHODS, "Choose how the gift came: check, wire, cash or other."),
      donorName: z
        .string("Enter the donor's name.")
        .trim()
        .min(1, "Enter the donor's name (as on the check or the wire).")
        .max(200, "The donor's name is longer than 200 characters."),
      email: z
        .string()
        .trim()
        .toLowerCase()
        .max(254, "The email address is too long.")
        .default("")
        .refine((s) => s === "" || z.email().safeParse(s).success, "Enter a valid email address, or leave it empty."),
      amount: z
        .string("Enter the amount.")
        .default("")
        .transform((s, ctx) => {
          try {
            const c = parseUsd(s, { allowNegative: true, field: "amount" }) as number;
            if (c > 0) return c;
            ctx.addIssue({ code: "custom", message: "The amount must be more than zero." });
            return z.NEVER;
          } catch (e) {
            ctx.addIssue({
              code: "custom",
              message: isAppError(e) ? e.message : "The amount must be a dollar amount like 250 or 250.00.",
            });
            return z.NEVER;
          }
        }),
      receivedOn: z
        .string("Enter the date the gift was received.")
        .trim()
        .refine(validDay, "The date received must be a real date like 2026-03-31.")
        .refine((s) => !validDay(s) || s <= today, `The date received cannot be in the future (today is ${today}).`)
        .refine((s) => !validDay(s) || s >= "2000-01-01", "The date received is before 2000; check the year."),
      reference: z.string().trim().max(100, "The reference is longer than 100 characters.").default(""),
      campaign: z
        .string()
        .trim()
        .default("general")
        .refine((s) => s === "general" || UUID.test(s), "Choose a campaign or the general pool.")
        .transform((s) => (s === "general" ? null : s.toLowerCase())),
      showOnWall: z
        .union([z.literal("on"), z.literal("true"), z.literal(""), z.boolean()])
        .default("")
        .transform((v) => v === true || v === "on" || v === "true"),
      locale: z.enum(["en", "es"], "Choose the receipt's language.").default("en"),
    })
    .superRefine((v, ctx) => {
      if (v.method === "check" && !v.reference)
        ctx.addIssue({ code: "custom", path: ["reference"], message: "Enter the check number." });
      if (v.showOnWall && v.campaign === null)
        ctx.addIssue({
          code: "custom",
          path: ["showOnWall"],
          message: "The general pool has no donor wall: choose a campaign, or do not show the name.",
        });
    });
}

export type OfflineGiftInput = z.output<ReturnType<typeof offlineGiftSchema>>;
