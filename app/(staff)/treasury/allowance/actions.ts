"use server";
/** The allowance policy page: save the policy, and apply it through the ledger. */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { anyFields, validatedAction } from "@/lib/forms/validated-action";
import { applyAllowancePolicy, savePolicy } from "@/lib/recovery/allowance";

export const savePolicyAction = validatedAction(anyFields, async (f, { me, db }) => {
  await savePolicy(db, me, f);
  redirect("/treasury/allowance?done=saved");
});

export const applyPolicyAction = validatedAction(anyFields, async (_f, { me, db }) => {
  const r = await applyAllowancePolicy(db, me);
  revalidatePath("/treasury");
  redirect(`/treasury/allowance?done=applied&change=${r.changeCents}`);
});
