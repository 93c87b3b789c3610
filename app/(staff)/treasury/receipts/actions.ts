"use server";
/** A treasurer sends a donor's year-end statement again (a finished year only; nothing is written otherwise). */
import { z } from "zod";
import { requireRole } from "@/lib/auth/roles";
import { ok } from "@/lib/forms/form-state";
import { validatedAction } from "@/lib/forms/validated-action";
import { normaliseDonorEmail } from "@/lib/donor-portal/access";
import { resendYearEndStatement } from "@/lib/receipts/year-end-job";

const resend = z.object({
  email: z.string().max(300).default(""),
  year: z
    .string()
    .trim()
    .regex(/^\d{4}$/, "Enter a year such as 2025.")
    .transform(Number),
});

export const resendStatementAction = validatedAction(resend, async (values, { me, db }) => {
  requireRole(me, "treasurer");
  const email = normaliseDonorEmail(values.email);
  await resendYearEndStatement(db, email, values.year);
  return ok(`The ${values.year} statement is queued for the donor's email address.`);
});
