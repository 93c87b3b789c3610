"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { attempt, type FormState } from "@/lib/forms/form-state";
import { applyAllowancePolicy, savePolicy } from "@/lib/recovery/allowance";

export async function savePolicyAction(_p: FormState, fd: FormData): Promise<FormState> {
  const me = await currentPrincipal();
  const values = Object.fromEntries(
    [...fd.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$")),
  );
  const r = await attempt(async () => savePolicy(await getDb(), me, values));
  if (!r.ok) return r.state;
  redirect("/treasury/allowance?done=saved");
}

export async function applyPolicyAction(_p: FormState): Promise<FormState> {
  const me = await currentPrincipal();
  const r = await attempt(async () => applyAllowancePolicy(await getDb(), me));
  if (!r.ok) return r.state;
  revalidatePath("/treasury");
  redirect(`/treasury/allowance?done=applied&change=${r.value.changeCents}`);
}
