"use server";
/** Add a quarter's Treasury rate to the table bond interest is computed from. */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addInterestRate } from "@/lib/bonds/interest-rates";
import { ok } from "@/lib/forms/form-state";
import { validatedAction } from "@/lib/forms/validated-action";

const rate = z.object({ quarterStart: z.string().default(""), ratePercent: z.string().default("") });

export const addRateAction = validatedAction(rate, async (values, { me, db }) => {
  const r = await addInterestRate(db, me, values);
  revalidatePath("/treasury/rates");
  return ok(`Added ${(r.rateBps / 100).toFixed(2)}% for the quarter starting ${r.quarterStart}.`);
});
