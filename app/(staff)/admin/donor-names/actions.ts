"use server";
/** Approve or hide donor-wall names in bulk; the lib requires the admin role and re-runs the PII guard. */
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { decideDonorNames } from "@/lib/admin/donor-names";
import { currentPrincipal } from "@/lib/auth/config";
import { attempt, type FormState } from "@/lib/forms/form-state";
import { revalidateCampaignPages } from "../../../revalidate-public";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export async function decideDonorNamesAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const me = await currentPrincipal();
  const decision = fd.get("decision") === "reject" ? "reject" : "approve";
  const donationIds = fd.getAll("donationId").map(String);
  const r = await attempt(async () => decideDonorNames(await getDb(), me, { donationIds, decision }));
  if (!r.ok) return r.state;
  const { approved, rejected, refused } = r.value;
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
}
