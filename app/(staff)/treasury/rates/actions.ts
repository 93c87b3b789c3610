"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { isAppError } from "@/lib/errors";
import { publicMessage } from "@/lib/error-responses";
import type { FormState } from "@/lib/forms/treasury-form-state";
import { addInterestRate } from "@/lib/bonds/interest-rates";

export async function addRateAction(_prev: FormState, data: FormData): Promise<FormState> {
  const me = await currentPrincipal();
  if (!me) redirect("/sign-in");
  const values = {
    quarterStart: String(data.get("quarterStart") ?? ""),
    ratePercent: String(data.get("ratePercent") ?? ""),
  };
  try {
    const r = await addInterestRate(await getDb(), me, values);
    revalidatePath("/treasury/rates");
    return { ok: `Added ${(r.rateBps / 100).toFixed(2)}% for the quarter starting ${r.quarterStart}.` };
  } catch (e) {
    return {
      error: publicMessage(e),
      fieldErrors: isAppError(e) ? (e.details?.fieldErrors as Record<string, string> | undefined) : undefined,
      values,
    };
  }
}
