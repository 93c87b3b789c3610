"use server";
/** End one of the signed-in person's own sessions. */
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { revokeMySession } from "@/lib/admin/my-sessions";
import { currentPrincipal } from "@/lib/auth/config";
import { attempt, type FormState } from "@/lib/forms/form-state";

export async function revokeSessionAction(sessionId: string, _prev: FormState): Promise<FormState> {
  const me = await currentPrincipal();
  const r = await attempt(async () => revokeMySession(await getDb(), me, { sessionId }));
  if (!r.ok) return r.state;
  redirect("/account?done=session_ended");
}
