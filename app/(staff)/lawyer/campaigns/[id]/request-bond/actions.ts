"use server";
/** The lawyer asks the fund's treasurers to pay the bond (lib/bonds/payment.ts checks role, ownership and state). */
import { redirect } from "next/navigation";
import { z } from "zod";
import { requestBondInDollars } from "@/lib/bonds/request-context";
import { validatedAction } from "@/lib/forms/validated-action";
import { requireId } from "@/lib/validation";

const request = z.object({ amount: z.string().default(""), topUp: z.string().default("") });

export const requestBondAction = validatedAction(request, async (f, { me, db }, campaignId: string) => {
  await requestBondInDollars(db, me, requireId(campaignId, "campaign"), f);
  redirect(`/lawyer/campaigns/${campaignId}/request-bond?requested=1`);
});
