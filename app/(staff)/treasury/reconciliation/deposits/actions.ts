"use server";
/** Match one bank line to the offline gifts it deposits (lib/offline-gifts/match.ts checks the role, the sum and every id). */
import { redirect } from "next/navigation";
import { anyFields, validatedAction } from "@/lib/forms/validated-action";
import { matchDeposit } from "@/lib/offline-gifts/match";
import { requireId } from "@/lib/validation";

export const matchDepositAction = validatedAction(anyFields, async (_f, { me, db, formData }, lineId: string) => {
  const giftIds = formData.getAll("giftIds").filter((v): v is string => typeof v === "string");
  await matchDeposit(db, me, { lineId, giftIds });
  redirect(`/treasury/reconciliation/deposits?line=${requireId(lineId, "bank line")}&done=matched`);
});
