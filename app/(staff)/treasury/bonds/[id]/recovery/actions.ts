"use server";
/** Server actions of the recovery page. */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { attempt, type FormState } from "@/lib/forms/form-state";
import { saveJudgement } from "@/lib/recovery/allowance";
import { logFollowup, recordClaimMailed } from "@/lib/recovery/claims";
import { requireId } from "@/lib/validation";

const fields = (fd: FormData) =>
  Object.fromEntries(
    [...fd.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$")),
  );

async function run(bondId: string, done: string, fn: (id: string) => Promise<unknown>): Promise<FormState> {
  const r = await attempt(async () => fn(requireId(bondId, "bond")));
  if (!r.ok) return r.state;
  revalidatePath(`/treasury/bonds/${bondId}`);
  redirect(`/treasury/bonds/${bondId}/recovery?done=${done}`);
}

export async function claimMailedAction(bondId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const me = await currentPrincipal();
  if (!me) redirect("/sign-in");
  return run(bondId, "mailed", async (id) => recordClaimMailed(await getDb(), me, id, fields(fd)));
}

export async function followupAction(bondId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const me = await currentPrincipal();
  if (!me) redirect("/sign-in");
  return run(bondId, "followup", async (id) => logFollowup(await getDb(), me, id, fields(fd)));
}

export async function judgementAction(bondId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const me = await currentPrincipal();
  if (!me) redirect("/sign-in");
  return run(bondId, "judgement", async (id) => saveJudgement(await getDb(), me, id, fields(fd)));
}
