"use server";
/** Every step of a bond, one form each (lib/bonds/bond-forms.ts says which and what it books). */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { performBondAction, type BondForm } from "@/lib/bonds/bond-forms";
import { doneQuery } from "@/lib/done-message";
import { anyFields, validatedAction } from "@/lib/forms/validated-action";
import { requireId } from "@/lib/validation";
import { revalidateCampaignPages } from "../../../../revalidate-public";

export const bondAction = validatedAction(anyFields, async (values, { me, db }, bondId: string, form: BondForm) => {
  const done = await performBondAction(db, me, requireId(bondId, "bond"), form, values);
  // The next state shows a different form, so the outcome travels with the page (amounts only, never case-file data).
  revalidatePath(`/treasury/bonds/${bondId}`);
  revalidateCampaignPages(); // a bond moves its campaign's status
  // Signed, so a crafted link cannot put its own text in the success banner (lib/done-message.ts).
  redirect(`/treasury/bonds/${bondId}?${doneQuery(`/treasury/bonds/${bondId}`, done)}`);
});
