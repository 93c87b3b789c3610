"use server";
/** The admin's Fund obligor settings: save the fund's own obligor profile (lib/obligors requires the admin role). */
import { redirect } from "next/navigation";
import { anyFields, validatedAction } from "@/lib/forms/validated-action";
import { saveFundObligor } from "@/lib/obligors/store";

export const saveFundObligorAction = validatedAction(anyFields, async (f, { me, db }) => {
  await saveFundObligor(db, me, f);
  redirect("/admin/obligor?done=saved");
});
