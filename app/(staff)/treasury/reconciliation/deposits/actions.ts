"use server";
/**
 * Match one bank line to the offline gifts it deposits (lib/offline-gifts/match.ts checks the role, the sum and every
 * id), or a withdrawal to the deposited check the bank returned (lib/offline-gifts/return.ts).
 */
import { redirect } from "next/navigation";
import { anyFields, validatedAction } from "@/lib/forms/validated-action";
import { matchDeposit } from "@/lib/offline-gifts/match";
import { returnOfflineGift } from "@/lib/offline-gifts/return";
import { requireId } from "@/lib/validation";
import { revalidateCampaignPages } from "../../../../revalidate-public";

export const matchDepositAction = validatedAction(anyFields, async (_f, { me, db, formData }, lineId: string) => {
  const giftIds = formData.getAll("giftIds").filter((v): v is string => typeof v === "string");
  await matchDeposit(db, me, { lineId, giftIds });
  redirect(`/treasury/reconciliation/deposits?line=${requireId(lineId, "bank line")}&done=matched`);
});

export const returnCheckAction = validatedAction(anyFields, async (f, { me, db }, lineId: string) => {
  await returnOfflineGift(db, me, { lineId, giftId: f.giftId ?? "", reason: f.reason ?? "" });
  revalidateCampaignPages();
  redirect(`/treasury/reconciliation/deposits?line=${requireId(lineId, "bank line")}&done=returned`);
});
