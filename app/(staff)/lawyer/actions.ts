"use server";
/** Server actions of the lawyer area. Each one resolves the principal itself; the lib checks role and ownership. */
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { proposePublicEdit } from "@/lib/campaigns/authoring";
import { recordCaseEventForm } from "@/lib/campaigns/case-event-form";
import { publicFromForm, saveCampaignForm } from "@/lib/campaigns/draft-form";
import { attempt, formError, type FormState } from "@/lib/forms/form-state";
import { submitLawyerProfile } from "@/lib/lawyers/profiles";
import { requireId } from "@/lib/validation";
import { revalidateCampaignPages } from "../../revalidate-public";

export async function saveCampaignAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const me = await currentPrincipal();
  const r = await attempt(async () => saveCampaignForm(await getDb(), me, fd));
  if (!r.ok) return r.state;
  const { campaignId, warnings, submitted, submitError } = r.value;
  if (submitted) redirect(`/lawyer?submitted=${campaignId}`);
  if (submitError) {
    const state = formError(submitError);
    const why =
      state.fieldErrors && Object.keys(state.fieldErrors).length
        ? "correct the fields marked below and submit again."
        : (state.message ?? "");
    return { ...state, message: `Draft saved, but not submitted: ${why}`, warnings, savedId: campaignId };
  }
  return {
    status: "ok",
    message: "Draft saved. It stays private until you submit it for review.",
    warnings,
    savedId: campaignId,
  };
}

export async function proposeEditAction(campaignId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const me = await currentPrincipal();
  const r = await attempt(async () =>
    proposePublicEdit(await getDb(), me, requireId(campaignId, "campaign"), publicFromForm(fd)),
  );
  if (!r.ok) return r.state;
  return {
    status: "ok",
    message:
      "Sent for privacy review. The approved text stays on the public page until an administrator approves the edit.",
  };
}

export async function caseEventAction(campaignId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const me = await currentPrincipal();
  const r = await attempt(async () => recordCaseEventForm(await getDb(), me, requireId(campaignId, "campaign"), fd));
  if (!r.ok) return r.state;
  // A case event may post a public update or change the campaign's status.
  revalidateCampaignPages();
  redirect(`/lawyer/campaigns/${campaignId}?event=recorded`);
}

export async function submitProfileAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const me = await currentPrincipal();
  const r = await attempt(async () => submitLawyerProfile(await getDb(), me, Object.fromEntries(fd)));
  if (!r.ok) return r.state;
  redirect("/lawyer/profile?sent=1");
}
