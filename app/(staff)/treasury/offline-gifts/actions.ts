"use server";
/** Record an offline gift, or reverse one recorded by mistake (lib/offline-gifts checks the role and every field). */
import { redirect } from "next/navigation";
import { anyFields, validatedAction } from "@/lib/forms/validated-action";
import { recordOfflineGift } from "@/lib/offline-gifts/record";
import { reverseOfflineGift } from "@/lib/offline-gifts/reverse";
import { requireId } from "@/lib/validation";
import { revalidateCampaignPages } from "../../../revalidate-public";

export const recordOfflineGiftAction = validatedAction(anyFields, async (f, { me, db }) => {
  const r = await recordOfflineGift(db, me, f);
  revalidateCampaignPages();
  // A new address each time, so the page renders afresh (and the form gets a new token for the next gift).
  redirect(`/treasury/offline-gifts?done=recorded&gift=${r.id}`);
});

export const reverseOfflineGiftAction = validatedAction(anyFields, async (f, { me, db }, giftId: string) => {
  await reverseOfflineGift(db, me, { giftId, reason: f.reason ?? "" });
  revalidateCampaignPages();
  redirect(`/treasury/offline-gifts?done=reversed&gift=${requireId(giftId, "gift")}`);
});
