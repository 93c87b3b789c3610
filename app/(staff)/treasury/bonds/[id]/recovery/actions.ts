"use server";
/** The recovery page: the claim mailed, a follow-up, a per-bond allowance judgement (lib/recovery checks the role). */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { anyFields, validatedAction } from "@/lib/forms/validated-action";
import { saveJudgement } from "@/lib/recovery/allowance";
import { logFollowup, recordClaimMailed } from "@/lib/recovery/claims";
import { requireId } from "@/lib/validation";

function back(bondId: string, done: string): never {
  revalidatePath(`/treasury/bonds/${bondId}`);
  redirect(`/treasury/bonds/${bondId}/recovery?done=${done}`);
}

export const claimMailedAction = validatedAction(anyFields, async (f, { me, db }, bondId: string) => {
  await recordClaimMailed(db, me, requireId(bondId, "bond"), f);
  return back(bondId, "mailed");
});

export const followupAction = validatedAction(anyFields, async (f, { me, db }, bondId: string) => {
  await logFollowup(db, me, requireId(bondId, "bond"), f);
  return back(bondId, "followup");
});

export const judgementAction = validatedAction(anyFields, async (f, { me, db }, bondId: string) => {
  await saveJudgement(db, me, requireId(bondId, "bond"), f);
  return back(bondId, "judgement");
});
