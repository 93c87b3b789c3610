"use server";
/** Record an offline gift, or reverse one recorded by mistake (lib/offline-gifts checks the role and every field). */
import { redirect } from "next/navigation";
import { anyFields, validatedAction } from "@/lib/forms/validated-action";
import { recordOfflineGift } from "@/lib/offline-gifts/record";
import { reverseOfflineGift } from "@/lib/offline-gifts/reverse";
import { revalidateCampaignPages } from "../../../revalidate-public";

export const recordOfflineGiftAction = validatedAction(anyFields, async (f, { me, db }) => {
  await recordOfflineGift(db, me, f);
  revalidateCampaignPages();
  redirect("/treasury/offline-gifts?done=recorded");
});

export const reverseOfflineGiftAction = validatedAction(anyFields, async (f, { me, db }, giftId: string) => {
  await reverseOfflineGift(db, me, { giftId, reason: f.reason ?? "" });
  revalidateCampaignPages();
  redirect("/treasury/offline-gifts?done=reversed");
});
