"use server";
/** The signed-in person's own account: sign out, end one of their own sessions, remove a passkey. */
import { redirect } from "next/navigation";
import { revokeMySession } from "@/lib/admin/my-sessions";
import { signOut } from "@/lib/auth/config";
import { removeMyPasskey } from "@/lib/auth/passkeys/manage";
import { anyFields, validatedAction } from "@/lib/forms/validated-action";

/** Signing out: no form state to return, Auth.js redirects to the home page. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

export const revokeSessionAction = validatedAction(anyFields, async (_input, { db, me }, sessionId: string) => {
  await revokeMySession(db, me, { sessionId });
  redirect("/account?done=session_ended");
});

export const removePasskeyAction = validatedAction(anyFields, async (_input, { db, me }, credentialId: string) => {
  await removeMyPasskey(db, me, { credentialId });
  redirect("/account?done=passkey_removed");
});
