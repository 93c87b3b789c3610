"use server";
/** Server actions of the admin area. Each resolves the principal itself; the lib requires the admin role. */
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { approveCampaign, returnCampaign } from "@/lib/campaigns/review";
import { attempt, type FormState } from "@/lib/forms/form-state";
import { reviewLawyer } from "@/lib/lawyers/profiles";
import { requireId } from "@/lib/validation";
import { revalidateCampaignPages } from "../../revalidate-public";

export async function reviewLawyerAction(userId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const me = await currentPrincipal();
  const decision = fd.get("decision") === "verify" ? "verify" : "reject";
  const r = await attempt(async () =>
    reviewLawyer(await getDb(), me, { userId, decision, reason: String(fd.get("reason") ?? "") }),
  );
  if (!r.ok) return { ...r.state, fieldErrors: decision === "reject" ? { reason: r.state.message ?? "" } : undefined };
  redirect(`/admin?done=lawyer_${decision}`);
}

export async function approveAction(campaignId: string, _prev: FormState): Promise<FormState> {
  const me = await currentPrincipal();
  const r = await attempt(async () => approveCampaign(await getDb(), me, requireId(campaignId, "campaign")));
  if (!r.ok) return r.state;
  revalidateCampaignPages();
  redirect("/admin?done=approved");
}

export async function returnAction(campaignId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const me = await currentPrincipal();
  const r = await attempt(async () =>
    returnCampaign(await getDb(), me, requireId(campaignId, "campaign"), String(fd.get("notes") ?? "")),
  );
  if (!r.ok) return { ...r.state, fieldErrors: { notes: r.state.message ?? "" } };
  redirect("/admin?done=returned");
}
