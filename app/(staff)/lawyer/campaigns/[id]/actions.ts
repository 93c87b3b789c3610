"use server";
/** A published campaign: propose a public edit or post an update (both go to review), or record a case event. */
import { redirect } from "next/navigation";
import { proposePublicEdit } from "@/lib/campaigns/authoring";
import { recordCaseEventForm } from "@/lib/campaigns/case-event-form";
import { publicFromForm } from "@/lib/campaigns/draft-form";
import { postUpdate } from "@/lib/campaigns/updates";
import { ok } from "@/lib/forms/form-state";
import { anyFields, validatedAction } from "@/lib/forms/validated-action";
import { requireId } from "@/lib/validation";
import { revalidateCampaignPages } from "../../../../revalidate-public";

export const proposeEditAction = validatedAction(anyFields, async (_f, { me, db, formData }, campaignId: string) => {
  await proposePublicEdit(db, me, requireId(campaignId, "campaign"), publicFromForm(formData));
  return ok(
    "Sent for privacy review. The approved text stays on the public page until an administrator approves the edit.",
  );
});

export const caseEventAction = validatedAction(anyFields, async (_f, { me, db, formData }, campaignId: string) => {
  await recordCaseEventForm(db, me, requireId(campaignId, "campaign"), formData);
  // A case event may post a public update or change the campaign's status.
  revalidateCampaignPages();
  redirect(`/lawyer/campaigns/${campaignId}?event=recorded`);
});

export const postUpdateAction = validatedAction(anyFields, async (f, { me, db }, campaignId: string) => {
  await postUpdate(db, me, requireId(campaignId, "campaign"), { bodyEn: f.bodyEn ?? "", bodyEs: f.bodyEs ?? "" });
  redirect(`/lawyer/campaigns/${campaignId}?done=update_sent#updates`);
});
