"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { attempt, type FormState } from "@/lib/forms/form-state";
import { saveFundObligor } from "@/lib/obligors/store";

export async function saveFundObligorAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const me = await currentPrincipal();
  if (!me) redirect("/sign-in");
  const values = Object.fromEntries(
    [...fd.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$")),
  );
  const r = await attempt(async () => saveFundObligor(await getDb(), me, values));
  if (!r.ok) return r.state;
  redirect("/admin/obligor?done=saved");
}
