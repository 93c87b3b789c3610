"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { AppError } from "@/lib/errors";
import { publicMessage } from "@/lib/error-responses";
import { getStripe } from "@/lib/payments/stripe-client";
import { MAX_CSV_BYTES } from "@/lib/reconciliation/bank-csv";
import { runBankImport, runStripeImport } from "@/lib/reconciliation/run-imports";
import type { FormState } from "@/lib/forms/treasury-form-state";

export async function importStripeAction(_prev: FormState): Promise<FormState> {
  const me = await currentPrincipal();
  if (!me) redirect("/sign-in");
  try {
    const r = await runStripeImport(await getDb(), getStripe(), me);
    revalidatePath("/treasury/reconciliation");
    return { ok: `Imported ${r.payouts} payout(s) with ${r.transactions} balance transaction(s).` };
  } catch (e) {
    return { error: publicMessage(e) };
  }
}

export async function importBankAction(_prev: FormState, data: FormData): Promise<FormState> {
  const me = await currentPrincipal();
  if (!me) redirect("/sign-in");
  try {
    const file = data.get("statement");
    if (!(file instanceof File) || file.size === 0)
      throw new AppError("validation", "Choose a bank statement CSV file to import.");
    if (file.size > MAX_CSV_BYTES)
      throw new AppError("validation", "The file is larger than 10 MB; split it by month.");
    const r = await runBankImport(await getDb(), me, { name: file.name, text: await file.text() });
    revalidatePath("/treasury/reconciliation");
    return { ok: `${r.lines} line(s) read: ${r.added} new, ${r.duplicates} already imported, ${r.matched} matched.` };
  } catch (e) {
    return { error: publicMessage(e) };
  }
}
