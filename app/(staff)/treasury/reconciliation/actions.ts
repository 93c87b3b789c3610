"use server";
/** Bring in Stripe's payouts and the bank's statement, so the books can be matched against both. */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ok } from "@/lib/forms/form-state";
import { anyFields, validatedAction } from "@/lib/forms/validated-action";
import { getStripe } from "@/lib/payments/stripe-client";
import { MAX_CSV_BYTES } from "@/lib/reconciliation/bank-csv";
import { runBankImport, runStripeImport } from "@/lib/reconciliation/run-imports";

export const importStripeAction = validatedAction(anyFields, async (_f, { me, db }) => {
  const r = await runStripeImport(db, getStripe(), me);
  revalidatePath("/treasury/reconciliation");
  return ok(`Imported ${r.payouts} payout(s) with ${r.transactions} balance transaction(s).`);
});

const statement = z.object({
  statement: z
    .instanceof(File, { message: "Choose a bank statement CSV file to import." })
    .refine((f) => f.size > 0, "Choose a bank statement CSV file to import.")
    .refine((f) => f.size <= MAX_CSV_BYTES, "The file is larger than 10 MB; split it by month."),
});

export const importBankAction = validatedAction(statement, async ({ statement: file }, { me, db }) => {
  const r = await runBankImport(db, me, { name: file.name, text: await file.text() });
  revalidatePath("/treasury/reconciliation");
  return ok(`${r.lines} line(s) read: ${r.added} new, ${r.duplicates} already imported, ${r.matched} matched.`);
});
