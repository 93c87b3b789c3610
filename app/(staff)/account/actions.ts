"use server";
/** Signing out: no form state to return, Auth.js redirects to the home page. */
import { signOut } from "@/lib/auth/config";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
