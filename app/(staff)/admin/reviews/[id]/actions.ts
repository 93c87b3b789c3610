"use server";
/** A campaign's privacy review: approve it (or a posted update), or return it with notes. The lib requires the admin role. */
import { redirect } from "next/navigation";
import { z } from "zod";
import { approveCampaign, returnCampaign } from "@/lib/campaigns/review";
import { approveUpdate, rejectUpdate } from "@/lib/campaigns/updates";
import { anyFields, validatedAction } from "@/lib/forms/validated-action";
import { requireId } from "@/lib/validation";
import { revalidateCampaignPages } from "../../../../revalidate-public";

export const approveAction = validatedAction(anyFields, async (_f, { me, db }, campaignId: string) => {
  await approveCampaign(db, me, requireId(campaignId, "campaign"));
  revalidateCampaignPages();
  redirect("/admin?done=approved");
});

export const returnAction = validatedAction(
  z.object({ notes: z.string().optional() }),
  async (f, { me, db }, campaignId: string) => {
    await returnCampaign(db, me, requireId(campaignId, "campaign"), f.notes ?? "");
    redirect("/admin?done=returned");
  },
  { errorField: "notes" },
);

export const approveUpdateAction = validatedAction(anyFields, async (_f, { me, db }, updateId: string) => {
  await approveUpdate(db, me, updateId);
  revalidateCampaignPages();
  redirect("/admin?done=update_approved");
});

export const rejectUpdateAction = validatedAction(
  z.object({ notes: z.string().optional() }),
  async (f, { me, db }, updateId: string) => {
    await rejectUpdate(db, me, updateId, f.notes ?? "");
    redirect("/admin?done=update_rejected");
  },
  { errorField: "notes" },
);
