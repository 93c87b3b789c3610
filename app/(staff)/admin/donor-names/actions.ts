"use server";
/** Approve or hide donor-wall names in bulk; the lib requires the admin role and re-runs the PII guard. */
import { revalidatePath } from "next/cache";
import { decideDonorNames } from "@/lib/admin/donor-name-decisions";
import { anyFields, validatedAction } from "@/lib/forms/validated-action";
import { revalidateCampaignPages } from "../../../revalidate-public";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const decideDonorNamesAction = validatedAction(anyFields, async (_input, { db, me, formData }) => {
  const decision = formData.get("decision") === "reject" ? "reject" : "approve";
  const donationIds = formData.getAll("donationId").map(String);
  const { approved, rejected, refused } = await decideDonorNames(db, me, { donationIds, decision });
  const parts = [
    approved ? `${plural(approved, "name", "names")} approved: they are on the donor wall now.` : "",
    rejected ? `${plural(rejected, "name", "names")} hidden: those gifts show as “A donor”.` : "",
    refused
      ? `${plural(refused, "name was", "names were")} not approved because the check found case-file information; hide ${refused === 1 ? "it" : "them"} instead.`
      : "",
  ].filter(Boolean);
  revalidatePath("/admin/donor-names");
  if (approved) revalidateCampaignPages();
  return { status: refused ? "error" : "ok", message: parts.join(" ") || "Nothing changed." };
});
