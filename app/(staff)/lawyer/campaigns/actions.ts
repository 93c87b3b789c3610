"use server";
/** Saving (and submitting) a campaign draft; the lib checks role and ownership. */
import { redirect } from "next/navigation";
import { saveCampaignForm } from "@/lib/campaigns/draft-form";
import { formError, ok } from "@/lib/forms/form-state";
import { anyFields, validatedAction } from "@/lib/forms/validated-action";

export const saveCampaignAction = validatedAction(anyFields, async (_f, { me, db, formData }) => {
  const { campaignId, warnings, submitted, submitError } = await saveCampaignForm(db, me, formData);
  if (submitted) redirect(`/lawyer?submitted=${campaignId}`);
  if (submitError) {
    const state = formError(submitError);
    const why =
      state.fieldErrors && Object.keys(state.fieldErrors).length
        ? "correct the fields marked below and submit again."
        : (state.message ?? "");
    return { ...state, message: `Draft saved, but not submitted: ${why}`, warnings, savedId: campaignId };
  }
  return ok("Draft saved. It stays private until you submit it for review.", { warnings, savedId: campaignId });
});
