"use server";
/** The lawyer's profile, sent to the fund's administrators for verification. */
import { redirect } from "next/navigation";
import { submitLawyerProfile } from "@/lib/lawyers/profiles";
import { anyFields, validatedAction } from "@/lib/forms/validated-action";

export const submitProfileAction = validatedAction(anyFields, async (f, { me, db }) => {
  await submitLawyerProfile(db, me, f);
  redirect("/lawyer/profile?sent=1");
});
