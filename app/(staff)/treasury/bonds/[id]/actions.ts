"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { isAppError } from "@/lib/errors";
import { publicMessage } from "@/lib/error-responses";
import { performBondAction } from "@/lib/bonds/bond-forms";
import type { FormState } from "@/lib/forms/treasury-form-state";
import { requireId } from "@/lib/validation";
import { revalidateCampaignPages } from "../../../../revalidate-public";

export async function bondAction(bondId: string, form: string, _prev: FormState, data: FormData): Promise<FormState> {
  const me = await currentPrincipal();
  if (!me) redirect("/sign-in");
  const values = Object.fromEntries(
    [...data.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$")),
  );
  let done: string;
  try {
    done = await performBondAction(await getDb(), me, requireId(bondId, "bond"), form, values);
  } catch (e) {
    const fieldErrors = isAppError(e) ? (e.details?.fieldErrors as Record<string, string> | undefined) : undefined;
    return { error: publicMessage(e), fieldErrors, values };
  }
  // The next state shows a different form, so the outcome travels with the page (amounts only, never case-file data).
  revalidatePath(`/treasury/bonds/${bondId}`);
  revalidateCampaignPages(); // a bond moves its campaign's status
  redirect(`/treasury/bonds/${bondId}?done=${encodeURIComponent(done)}`);
}
